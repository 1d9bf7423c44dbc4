"""What the tests, the build hooks and the benchmarks know about the site, said once.

The pages come from the nav of mkdocs.yml; a page's Python blocks come from pytest-codeblocks'
own reader; the build, the local server and the Chromium launch are the ones every test and
benchmark uses; the contrast ratio is WCAG's formula.
"""

import concurrent.futures
import contextlib
import functools
import http.server
import io
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STEP = re.compile(r"\d+-[\w-]+\.md")  # step pages: 1-network.md, 2-forward.md, ...

CHROMIUM = os.environ.get("NEURA_CHROMIUM", "/usr/bin/chromium")  # Debian's; never Playwright's download
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]


def nav(project=ROOT):
    """The files the nav of PROJECT's mkdocs.yml lists, in order, as paths below docs/."""
    from mkdocs.utils.yaml import yaml_load  # mkdocs' own loader understands the !ENV tags

    with open(Path(project) / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)  # a section
            elif not re.match(r"[a-z]+://", value):  # links to other hosts are not pages
                yield value
    return list(walk(config["nav"]))


def pages(project=ROOT):
    """The site's pages, Markdown and notebooks, as files in docs/, in the nav's order."""
    return [Path(project) / "docs" / name for name in nav(project)]


def step_pages(project=ROOT):
    """The numbered step pages (docs/1-network.md, ...) in the nav's order."""
    return [page for page in pages(project) if STEP.fullmatch(page.name)]


def url(page):
    """Where PAGE (a file in docs/) is served, below the site's root: "" for the home page, "3-loss/" ..."""
    stem = Path(page).with_suffix("").name
    return "" if stem == "index" else f"{stem}/"


def urls(project=ROOT):
    """Every page's address below the site's root, in the nav's order."""
    return [url(page) for page in pages(project)]


@dataclass(frozen=True)
class Block:
    """One Python block of a page, as pytest-codeblocks reads it."""

    page: Path
    line: int
    code: str
    expected: str | None  # the output the page shows under it, if any
    marks: tuple = ()  # pytest marks written above it, as text: "pytest.mark.xfail(...)"
    boxed: bool = False  # the block sits in a collapsed box (`??? kind "title"`)
    output_boxed: bool = False  # its shown output does (`??? success "Answer"` under a block to predict)

    @property
    def name(self):
        return f"{self.page.name}:{self.line}"

    @property
    def must_fail(self):
        """Marked with pytest.mark.xfail: the page shows it failing on purpose."""
        return any("xfail" in mark for mark in self.marks)

    def problem(self, ok, output):
        """What is wrong with this block, given how it ran alone (ok, output); None if nothing.

        A block marked to fail is judged by its mark (pytest's xfail), so here only whether it ran.
        """
        if not ok:
            return f"{self.name} failed when run alone:\n{output}"
        if self.expected is not None and output != self.expected:
            return f"{self.name} printed\n{output}\nbut its page shows\n{self.expected}"
        return None


COLLAPSED = re.compile(r"^( *)\?\?\? ")  # a collapsed box; `???+` opens expanded, `!!!` cannot close
MARKER = "pytest-codeblocks:expected-output"


def collapsed(text):
    """The numbers (from 1) of TEXT's lines inside a collapsed box: those under its `???` line that are
    blank or indented deeper than it."""
    inside, depth = set(), None
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if depth is not None and line.strip() and indent <= depth:
            depth = None
        if depth is not None:
            inside.add(n)
        elif box := COLLAPSED.match(line):
            depth = len(box.group(1))
    return inside


def blocks(page, text=None):
    """The Python blocks of a Markdown page, in order; of TEXT, if given, as if it were PAGE's."""
    from pytest_codeblocks import extract_from_buffer

    text = Path(page).read_text() if text is None else text
    lines, boxed = text.splitlines(), collapsed(text)

    def output_line(b):  # pytest-codeblocks gives a block the first output marked below it
        return next((n for n in range(b.lineno + 1, len(lines) + 1) if MARKER in lines[n - 1]), None)
    return [Block(Path(page), b.lineno, b.code, b.expected_output, tuple(b.marks), b.lineno in boxed,
                  b.expected_output is not None and output_line(b) in boxed)
            for b in extract_from_buffer(io.StringIO(text)) if b.syntax == "python"]


class Alone:
    """Runs blocks each alone in a fresh interpreter (tests/run_each_alone.py), each code once.

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
        run = subprocess.run([sys.executable, str(ROOT / "tests" / "run_each_alone.py")], cwd=ROOT,
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


def build(out, url, project=ROOT):
    """`mkdocs build --strict` of PROJECT into OUT, for pages served at URL; the finished process."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NEURA_SITE_URL": url})


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, *args):
        pass


def serve(folder, handler=Quiet):
    """Serve FOLDER from a free port of 127.0.0.1; return the server and its address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def missing_browser():
    """Why Chromium cannot be driven here, or None."""
    import shutil

    if shutil.which(CHROMIUM) is None:
        return f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium`"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("no playwright package: install it with `pip install playwright`"
                " (Debian's Chromium is used, no browser download)")
    return None


@contextlib.contextmanager
def chromium():
    """Debian's headless Chromium with the site's flags, in a Playwright of its own: one per thread, since
    Playwright's objects work only in the thread that made them."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


AXE = "axe-core@4.14.1"  # Deque's accessibility checker, from npm at test time (nothing of it is committed)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]  # every A/AA rule, and more
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then(r => r.violations.flatMap(v => v.nodes.map(n => [v.id, n.target.join(" "), n.failureSummary])))"""


def npm_package(spec):
    """The folder of the npm package SPEC (name@version), installed into .cache/npm/ on first use."""
    import shutil

    name = spec.rsplit("@", 1)[0]
    where = ROOT / ".cache" / "npm" / spec
    if not (where / "node_modules" / name / "package.json").exists():
        if shutil.which("npm") is None:
            raise RuntimeError(f"{spec} is installed with npm, and there is no npm: install Node.js")
        subprocess.run(["npm", "install", "--prefix", str(where), "--no-audit", "--no-fund", "--silent", spec],
                       check=True)
    return where / "node_modules" / name


def axe(page):
    """What axe-core finds wrong on PAGE (a Playwright page) as shown now: [(rule, element, summary)]."""
    if not page.evaluate("typeof axe === 'object'"):  # once per page load
        page.add_script_tag(path=npm_package(AXE) / "axe.min.js")
    return [tuple(v) for v in page.evaluate(AXE_RUN, AXE_TAGS)]


def luminance(rgb):
    """WCAG's relative luminance of an (r, g, b) colour, channels 0-255."""
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb)]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """WCAG's contrast ratio of two colours, each #rrggbb or (r, g, b)."""
    rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) if isinstance(c, str) else c for c in (a, b)]
    light, dark = sorted(map(luminance, rgb), reverse=True)
    return (light + 0.05) / (dark + 0.05)

