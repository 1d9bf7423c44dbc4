"""Run code alone in a fresh interpreter, as a learner would paste it (each_alone.py does the running)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .layout import ROOT

RUNNER = Path(__file__).with_name("each_alone.py")  # a file of its own: a reader's bare venv runs it too


class Alone:
    """Runs code each alone in a fresh interpreter (each_alone.py), each code once.

    The first question runs every code it has been told about (add) in one batch, so that the children
    run side by side; a question about new code runs another. With SHARED, a folder that several
    processes share (a test run's pytest-xdist workers), the results are kept there: a batch runs under
    a file lock, and only the code that no process has run yet.
    """

    def __init__(self, shared=None):
        self.results, self.known, self.shared = {}, [], shared and Path(shared)

    def add(self, blocks):
        self.known += [b.code for b in blocks]

    def __call__(self, code):
        """(ok, printed text or the error) of CODE run alone."""
        if code not in self.results:
            self.run([*self.known, code])
        return self.results[code]

    def run(self, codes):
        """Run those of CODES that have not run yet, in one batch."""
        if self.shared is None:
            return self.results.update(self.batch(codes))
        from filelock import FileLock

        store = self.shared / "alone.json"
        with FileLock(self.shared / "alone.lock"):
            if store.exists():
                self.results.update({c: tuple(r) for c, r in json.loads(store.read_text()).items()})
            ran = self.batch(codes)
            if ran:
                self.results.update(ran)
                part = store.with_name(f".{store.name}.{os.getpid()}.part")
                part.write_text(json.dumps(self.results))
                part.replace(store)

    def batch(self, codes):
        """{code: (ok, output)} of those of CODES not run yet, each run alone."""
        todo = {c: c for c in codes if c not in self.results}
        if not todo:
            return {}
        run = subprocess.run([sys.executable, str(RUNNER)], cwd=ROOT,
                             input=json.dumps(todo), capture_output=True, text=True, check=True)
        return {c: tuple(r) for c, r in json.loads(run.stdout).items()}
