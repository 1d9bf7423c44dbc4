"""Keep what the build makes under .cache/build/, keyed on a hash of everything it depends on.

A key covers the inputs a hook names (files or text), the `neura` package's sources and the
pinned versions in .ci/constraints.txt: change any of them and the thing is made again; change
anything else (a page's prose) and it is read back. Delete .cache/ to start afresh.
"""

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / ".cache" / "build"


def key(*inputs):
    """A short hash of INPUTS (paths are read, anything else is taken as text), neura and the pins."""
    digest = hashlib.sha256()
    for item in [*sorted((ROOT / "neura").rglob("*.py")), ROOT / ".ci" / "constraints.txt", *inputs]:
        data = item.read_bytes() if isinstance(item, Path) else str(item).encode()
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:24]


def cached(kind, inputs, make, name):
    """The path of .cache/build/KIND/KEY/NAME, holding what MAKE() returned (text or bytes) for these INPUTS."""
    path = FOLDER / kind / key(*inputs) / name
    if not path.exists():
        made = make()
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(made) if isinstance(made, bytes) else part.write_text(made, encoding="utf-8")
        part.replace(path)  # whole or not at all, even if two builds race
    return path
