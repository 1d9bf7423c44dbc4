"""Keep what the build makes under .cache/build/, keyed on a hash of everything it depends on.

A key covers the inputs a hook names (files or text), the `neura` package's sources, the
pinned versions in .ci/constraints.txt and the installed torch's version: change any of them and
the thing is made again; change anything else (a page's prose) and it is read back. Delete .cache/ to start afresh.

What a build is missing can be made ahead, in another Python (`ahead`), while the build reads its pages.
"""

import functools
import hashlib
import importlib
import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / ".cache" / "build"
MAKER, AHEAD = None, set()  # the Python started by ahead(), and the paths it is to make


class Thing(NamedTuple):
    """Something the build makes: MAKE() returns it (text or bytes), kept as NAME under KIND, keyed on INPUTS."""

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
    """The path of .cache/build/KIND/KEY/NAME, holding what MAKE() returned (text or bytes) for these INPUTS.

    If the Python started by ahead() is making it, it is awaited from there first."""
    path = where(kind, inputs, name)
    while not path.exists() and path in AHEAD and MAKER.poll() is None:
        time.sleep(0.02)
    if not path.exists():
        made = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(made) if isinstance(made, bytes) else part.write_text(made, encoding="utf-8")
        part.replace(path)  # whole or not at all, even if two builds race
    return path


def served(folder, things):
    """MkDocs's on_files and on_env for a hook whose THINGS() the site serves under FOLDER/: the files
    are announced where they will be, and on_env waits for them (made ahead, ahead())."""

    def on_files(files, config):
        from mkdocs.structure.files import File

        for thing in things():
            files.append(File.generated(config, f"{folder}/{thing.name}", abs_src_path=str(thing.path)))
        return files

    def on_env(env, config, files):
        for thing in things():
            cached(*thing)
        return env

    return on_files, on_env


def ahead(*hooks):
    """Start one other Python that makes, in order, the things() of the HOOKS (modules) missing from the cache.

    torch gets one thread there: the site's tensors are tiny, and a second thread only waits (on a
    busy machine, for seconds). If that Python fails, cached() makes the thing here and shows the error.
    """
    global MAKER, AHEAD
    todo = {hook.__name__: [thing.path for thing in hook.things() if not thing.path.exists()] for hook in hooks}
    AHEAD = {path for paths in todo.values() for path in paths}
    names = [name for name, paths in todo.items() if paths]
    MAKER = subprocess.Popen([sys.executable, __file__, *names], cwd=ROOT,
                             env={**os.environ, "OMP_NUM_THREADS": "1"}) if names else None


if __name__ == "__main__":  # cache.py HOOK...: make the missing things() of these hooks (docs/hooks/HOOK.py)
    sys.path.insert(1, str(ROOT))  # the neura whose sources the keys read, as the notebook's kernel imports it
    for hook in sys.argv[1:]:
        for thing in importlib.import_module(hook).things():
            cached(*thing)
