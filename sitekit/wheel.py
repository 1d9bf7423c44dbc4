"""neura's wheel, published with the site, the one line that installs it from there, and the versions.

The wheel is built from this checkout (neura alone: this package stays out of it) into the site's
`packages/` folder; its address follows `site_url`, so a fork's site points at itself. The versions
that produced the pages' numbers (Python, torch, pandas) and the build date come from the build's
own environment and go into every page's footer and the install boxes.
"""

import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from . import cache, layout
from .layout import ROOT


def versions():
    """{"Python": ..., "torch": ..., "pandas": ...} as installed where the site is built."""
    return {"Python": platform.python_version(), "torch": version("torch"), "pandas": version("pandas")}


def verified():
    """The versions as a phrase: "Python 3.11.7, torch 2.13.0+cpu and pandas 3.1.1"."""
    names = [f"{name} {number}" for name, number in versions().items()]
    return ", ".join(names[:-1]) + " and " + names[-1]


def build_date():
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    utc = datetime.UTC
    now = datetime.datetime.fromtimestamp(int(stamp), utc) if stamp else datetime.datetime.now(utc)
    return now.date().isoformat()


def wheel_name():
    """neura's wheel file name, from the version in pyproject.toml."""
    number = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    return f"neura-{number}-py3-none-any.whl"


# PEP 517: the build backend pyproject.toml names makes the wheel, in this environment, as
# `pip wheel --no-build-isolation` has it do (same files), without pip's own start-up (0.7 s).
BUILD = """import importlib, sys, tomllib
backend = tomllib.load(open("pyproject.toml", "rb"))["build-system"]["build-backend"]
importlib.import_module(backend).build_wheel(sys.argv[1])"""


def build_wheel(out):
    """Build neura's wheel into folder OUT from a copy of the package (the checkout stays clean)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["pyproject.toml", "README.md"]:
            shutil.copy(ROOT / name, tmp)
        shutil.copytree(ROOT / "neura", Path(tmp) / "neura", ignore=shutil.ignore_patterns("__pycache__"))
        run = subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=tmp, capture_output=True, text=True)
        if run.returncode:
            raise RuntimeError(f"building neura's wheel failed:\n{run.stdout[-2000:]}{run.stderr[-3000:]}")
    wheel = Path(out) / wheel_name()
    if not wheel.is_file():
        raise FileNotFoundError(f"the build made {sorted(p.name for p in Path(out).iterdir())}, not {wheel.name}")
    return wheel


def address(site_url):
    """Where the site serves neura's wheel."""
    return f"{site_url or '/'}{layout.PACKAGES}/{wheel_name()}"


def box(site_url, title):
    """The Markdown admonition that shows the install line and the versions it was verified with."""
    return (f'!!! tip "{title}"\n\n'
            f"    ```shell\n    pip install {address(site_url)}\n    ```\n\n"
            f"    Verified with {verified()}: the versions in every page's footer.\n")


def wheel():
    """The wheel as a thing of the build's cache: built again only when neura, a pin, the installed
    torch, pyproject.toml, the README (its long description) or this hook changed, not on every
    preview of a prose edit."""
    def make():
        with tempfile.TemporaryDirectory() as out:
            return build_wheel(out).read_bytes()
    return cache.Thing("wheel", [ROOT / "pyproject.toml", ROOT / "README.md", Path(__file__)], make, wheel_name())
