"""Run code alone in a fresh interpreter, as a learner would paste it (each_alone.py does the running)."""

import concurrent.futures
import json
import subprocess
import sys
from pathlib import Path

from .layout import ROOT

RUNNER = Path(__file__).with_name("each_alone.py")  # a file of its own: a reader's bare venv runs it too


class Alone:
    """Runs blocks each alone in a fresh interpreter (each_alone.py), each code once.

    start() runs every block it has been told about, in one batch in a thread, so that the children
    run side by side and beside whatever the caller does meanwhile; a question waits for that batch,
    and a question about new code runs another.
    """

    def __init__(self):
        self.results, self.known, self.batch = {}, [], None

    def add(self, blocks):
        self.known += [b.code for b in blocks]

    def start(self):
        """Run every block known so far, from now on, in a thread."""
        self.batch = concurrent.futures.ThreadPoolExecutor(1).submit(self.run, list(self.known))

    def run(self, codes):
        todo = {c: c for c in codes if c not in self.results}
        run = subprocess.run([sys.executable, str(RUNNER)], cwd=ROOT,
                             input=json.dumps(todo), capture_output=True, text=True, check=True)
        self.results.update({c: tuple(r) for c, r in json.loads(run.stdout).items()})

    def __call__(self, code):
        """(ok, printed text or the error) of CODE run alone."""
        if self.batch is None:
            self.start()
        self.batch.result()  # raises what the batch raised
        if code not in self.results:
            self.run([*self.known, code])
        return self.results[code]
