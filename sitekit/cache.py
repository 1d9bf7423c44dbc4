"""Keep what the make step makes under .cache/build/, keyed on a hash of everything it depends on.

A key covers the inputs a hook names (files or text), the `neura` package's sources, the
pinned versions in .ci/constraints.txt and the installed torch's version: change any of them and
the thing is made again; change anything else (a page's prose) and it is read back. Delete .cache/ to start afresh.
"""

import functools
import hashlib
import importlib.util
import json
import os
import platform
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from .layout import CACHE, ROOT

FOLDER = CACHE / "build"


class Thing(NamedTuple):
    """Something the make step makes: MAKE() returns it (text or bytes), kept as NAME under KIND, keyed on INPUTS."""

    kind: str
    inputs: list
    make: Callable
    name: str

    @property
    def path(self):
        return where(self.kind, self.inputs, self.name)


@functools.cache
def torch_version():
    """The installed torch's version.py (a second venv may hold another torch than the pinned one)."""
    spec = importlib.util.find_spec("torch")
    return Path(spec.origin).with_name("version.py") if spec else "no torch"


def key(*inputs):
    """A short hash of INPUTS (paths are read, anything else is taken as text), neura, the pins and torch."""
    digest = hashlib.sha256()
    for item in [*sorted((ROOT / "neura").rglob("*.py")), ROOT / ".ci" / "constraints.txt", torch_version(), *inputs]:
        data = item.read_bytes() if isinstance(item, Path) else str(item).encode()
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:24]


def where(kind, inputs, name):
    """The path .cache/build/KIND/KEY/NAME for these INPUTS, made or not."""
    return FOLDER / kind / key(*inputs) / name


def cached(kind, inputs, make, name):
    """The path of .cache/build/KIND/KEY/NAME, holding what MAKE() returned (text or bytes) for these INPUTS."""
    path = where(kind, inputs, name)
    if not path.exists():
        made = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(made) if isinstance(made, bytes) else part.write_text(made, encoding="utf-8")
        part.replace(path)  # whole or not at all, even if two builds race
    return path


def machine():
    """What torch's rounding depends on besides its version: the CPU, and the kernels torch picked for it."""
    import torch

    info = Path("/proc/cpuinfo")
    model = re.search(r"model name\s*:(.*)", info.read_text()) if info.exists() else None
    return f"{platform.machine()} {model and model[1].strip()} {torch.backends.cpu.get_cpu_capability()}"


def kept(test, inputs, compute):
    """COMPUTE() (a JSON value: a test's torch runs on INPUTS), kept under .cache/build/kept/ while neura, the
    pins, torch, the machine, the file TEST and INPUTS (JSON) stay: it depends on nothing else."""
    path = cached("kept", [Path(test), json.dumps(inputs), machine()], lambda: json.dumps(compute()), "value.json")
    return json.loads(path.read_text())
