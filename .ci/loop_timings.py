"""The contributor's loop timed, each beside a bare Material site measured the same way in the same run.

    python .ci/loop_timings.py [EDITS]     # in the venv of the README's commands; 5 edits unless given

Build: `mkdocs build --strict` of a clean copy of the project (no .cache/: figures drawn, notebook
executed), then again with the cache it left. Preview: the copy is served by `mkdocs serve --dirty` (the
README's command; sitekit/dirty.py) and then by plain `mkdocs serve`, and, EDITS times, a sentence with a new
word is appended to a page and the page is fetched every 20 ms until the word is served: the time from the
file write to that moment is one measure. mkdocs serve polls for changes every 0.5 s, so about 0.25 s
of each measure is its polling. Prints every measure, the median and the worst. A benchmark, not a test.
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from sitekit import ROOT

BARE = {"mkdocs.yml": "site_name: Bare Material\ntheme:\n  name: material\n",
        "docs/index.md": "# A bare page\n\nMaterial's defaults, nothing added.\n",
        "docs/page.md": "# Another page\n\nSome prose to edit.\n"}


def ENV(project):  # noqa: N802
    """The copy's own sitekit and neura (ahead of this checkout's editable install), and so its own .cache/."""
    return {**os.environ, "PYTHONPATH": str(project)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


def measure(project, page, path, edits, flags=()):
    """Seconds from each write to PAGE (in PROJECT) to the new text being served at PATH by `mkdocs serve FLAGS`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{path}"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV(project))
    try:
        deadline = time.time() + 300
        while fetch(url) is None:
            if time.time() > deadline or server.poll() is not None:
                sys.exit(f"mkdocs serve did not serve {url}")
            time.sleep(0.2)
        times, source = [], project / "docs" / page
        for _ in range(edits):
            word = f"edit{uuid.uuid4().hex[:8]}"
            time.sleep(1.5)  # let the previous rebuild settle
            with open(source, "a", encoding="utf-8") as f:
                f.write(f"\nA new sentence with the word {word}.\n")
            start = time.perf_counter()
            while word not in (fetch(url) or ""):
                if time.perf_counter() - start > 60:
                    sys.exit(f"{word} never appeared at {url}")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait()


def build_seconds(project):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")],
                   cwd=project, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV(project))
    return time.perf_counter() - start


def line(name, times):
    each = " ".join(f"{t:.2f}" for t in times)
    return f"{name:<30} median {statistics.median(times):.2f} s   worst {max(times):.2f} s   ({each})"


def main(edits=5):
    with tempfile.TemporaryDirectory() as tmp:
        ours, bare = Path(tmp) / "ours", Path(tmp) / "bare"
        shutil.copytree(ROOT, ours, ignore=shutil.ignore_patterns(".venv", ".git", "site", ".cache", "node_modules",
                                                                  "__pycache__", "*.egg-info", ".pytest_cache"))
        for name, text in BARE.items():
            (bare / name).parent.mkdir(parents=True, exist_ok=True)
            (bare / name).write_text(text)
        for kind in ["clean", "cached"]:
            ours_s, bare_s = build_seconds(ours), build_seconds(bare)
            print(f"strict build, {kind:<9} this site {ours_s:5.1f} s   bare Material {bare_s:4.1f} s", flush=True)
        for flags in [["--dirty"], []]:
            serve = " ".join(["serve", *flags])
            print(line(f"{serve}, this site", measure(ours, "3-loss.md", "studio/3-loss/", edits, flags)), flush=True)
            print(line(f"{serve}, bare Material", measure(bare, "page.md", "page/", edits, flags)), flush=True)


if __name__ == "__main__":
    main(*map(int, sys.argv[1:2]))
