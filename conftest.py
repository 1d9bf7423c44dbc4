"""Every Markdown page is a test file: `pytest docs/3-loss.md` checks that page's Python blocks.

Each block runs once, alone, in a fresh interpreter, as a learner would paste it; the one result
serves its item here and every test that asks the `alone` fixture (the copy buttons, the
mutation test). A block passes if it runs and prints exactly the output its page shows under it;
a block marked `pytest.mark.xfail(...)` must fail.

The first process of the run (a pytest-xdist worker) to need a block's result runs, in one batch, every
block it knows of: those of the pages it collected and the code that the collected tests' modules name
in RUN_ALONE (a list of Blocks) as code they will ask `alone` about. The other processes read the
results it kept (sitekit/suite.py, sitekit/alone.py). So `pytest docs/3-loss.md` runs that page's blocks
and no others.

The hooks here also set up what the run's processes share (sitekit/suite.py): its folder, and the site
that tests/conftest.py builds once for all of them.
"""

import os
import sys

# One torch thread in this Python and every one it starts (blocks, kernels, builds): the tensors here
# are tiny, and a second thread would only spin while the suite keeps both cores busy. The reader's
# fresh venv (tests/site/test_install.py) runs its blocks with torch's default threads.
os.environ["OMP_NUM_THREADS"] = "1"

import pytest  # noqa: E402

import sitekit  # noqa: E402
from sitekit import suite  # noqa: E402


def pytest_configure(config):
    suite.configure(config)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # pytest-xdist's controller, for each worker
    suite.configure_node(node)


def pytest_unconfigure(config):
    suite.unconfigure(config)


def pytest_collection_finish(session):
    """The code that the collected tests will ask `alone` about runs in the pages' batch."""
    for module in {item.module for item in session.items if "alone" in getattr(item, "fixturenames", ())}:
        suite.alone(session.config).add(getattr(module, "RUN_ALONE", []))


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".md":
        return Page.from_parent(parent, path=file_path)


class Page(pytest.File):
    def collect(self):
        found = sitekit.blocks(self.path)
        suite.alone(self.config).add(found)
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
        problem = self.block.problem(*suite.alone(self.config)(self.block.code))
        if problem:
            raise RuntimeError(problem)  # what a block marked xfail(raises=RuntimeError) must raise

    def repr_failure(self, excinfo):
        return str(excinfo.value) if excinfo.errisinstance(RuntimeError) else super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.block.line - 1, f"{self.block.name}, run alone"


@pytest.fixture(scope="session")
def alone(request):
    """Run code alone in a fresh interpreter: alone(code) -> (ok, output). The first question runs, in one
    batch, the blocks of the collected pages and the collected modules' RUN_ALONE (see above)."""
    return suite.alone(request.config)
