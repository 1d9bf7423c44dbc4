"""The built site, for the tests that need it (tests/site/, tests/browser/): built once per run for all of
pytest-xdist's workers, and served on 127.0.0.1.

One process of its own builds and serves it (sitekit/suite.py's Site): it binds a free port, builds the
site with `mkdocs build --strict` for that address (site_url: Material's instant navigation needs the
page's real address), records the address and the build's outcome in the run's shared folder, then
serves until the run ends. The first worker that needs the site starts that process, under a file lock
(filelock, as xdist's documentation does it); the others find it started, and every worker waits for
the record. Since the process is no thread of a worker, the site stays served when the worker that
started it runs out of tests; xdist's controller stops it once every worker is done.

If any collected test needs the site, the build starts as collection ends, so that it runs while the
workers run the tests that do not need it (tests/unit/, tests/slow/, the pages' blocks).
"""

import pytest

from sitekit import suite


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(
            "served" in getattr(item, "fixturenames", ()) for item in session.items):
        suite.Site(session.config).start()


@pytest.fixture(scope="session")
def served(request):
    """(folder, address) of the site built once with `mkdocs build --strict` and served on 127.0.0.1."""
    return suite.Site(request.config).ready()


@pytest.fixture(scope="session")
def site(served):
    """The folder of the built site."""
    return served[0]


@pytest.fixture(scope="session")
def server(served):
    """The address the built site is served from."""
    return served[1]
