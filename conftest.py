"""Every Markdown page is a test file: `pytest docs/3-loss.md` checks that page's Python blocks.

Each block runs once, alone, in a fresh interpreter, as a learner would paste it; the one result
serves its item here and every test that asks the `alone` fixture (the copy buttons, the
mutation test). A block passes if it runs and prints exactly the output its page shows under it;
a block marked `pytest.mark.xfail(...)` must fail.
"""

import os
import sys

# One torch thread in this Python and every one it starts (blocks, kernels, builds): the tensors here
# are tiny, and a second thread would only spin while the suite keeps both cores busy. The reader's
# fresh venv (tests/test_install.py) runs its blocks with torch's default threads.
os.environ["OMP_NUM_THREADS"] = "1"

import pytest  # noqa: E402

import sitekit

ALONE = sitekit.Alone()  # one per session: each block's code runs once


def pytest_collection_finish(session):
    """The blocks start running now, in a thread, beside the first tests (those that ask for no block).
    A test module that will ask `alone` about code of its own names it in RUN_ALONE, a list of Blocks,
    which run in the same batch."""
    asking = [item for item in session.items if "alone" in getattr(item, "fixturenames", ())]
    if asking:
        for page in sitekit.pages():  # the `alone` fixture answers for every page's blocks
            if page.suffix == ".md":
                ALONE.add(sitekit.blocks(page))
        for module in {item.module for item in asking}:
            ALONE.add(getattr(module, "RUN_ALONE", []))
    if ALONE.known:
        ALONE.start()


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".md":
        return Page.from_parent(parent, path=file_path)


class Page(pytest.File):
    def collect(self):
        found = sitekit.blocks(self.path)
        ALONE.add(found)
        for block in found:
            item = BlockItem.from_parent(self, name=f"line {block.line}", block=block)
            for mark in block.marks:
                item.add_marker(eval(mark, {"pytest": pytest, "sys": sys}))
            yield item


class BlockItem(pytest.Item):
    def __init__(self, *, block, **kwargs):
        super().__init__(**kwargs)
        self.block = block

    def runtest(self):
        problem = self.block.problem(*ALONE(self.block.code))
        if problem:
            raise RuntimeError(problem)  # what a block marked xfail(raises=RuntimeError) must raise

    def repr_failure(self, excinfo):
        return str(excinfo.value) if excinfo.errisinstance(RuntimeError) else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.block.line - 1, f"{self.block.name}, run alone"


@pytest.fixture(scope="session")
def alone():
    """Run code alone in a fresh interpreter: alone(code) -> (ok, output); every block of the nav's
    pages ran once, in the first batch (pytest_collection_finish)."""
    return ALONE
