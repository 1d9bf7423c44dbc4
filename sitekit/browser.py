"""Debian's headless Chromium, driven by Playwright, and what it checks: axe-core, WCAG's contrast."""

import contextlib
import os
import subprocess

from .layout import CACHE

CHROMIUM = os.environ.get("NEURA_CHROMIUM", "/usr/bin/chromium")  # Debian's; never Playwright's download
# Debian's packages of the two font families the narrow tests lay every page out in; .ci/run installs them.
FONT_PACKAGES = "fonts-dejavu-core fonts-liberation"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]
# The tests' Chromium finds no host but this machine: a request to another host fails at once (and a Visit
# records it), where a closed network would keep it waiting.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


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
    """Debian's headless Chromium with the site's flags, offline, in a Playwright of its own: one per thread,
    since Playwright's objects work only in the thread that made them."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, OFFLINE])
        try:
            yield browser
        finally:
            browser.close()


AXE = "axe-core@4.14.1"  # Deque's accessibility checker, from npm at test time (nothing of it is committed)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]  # every A/AA rule, and more
AXE_RUN = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then(r => r.violations.flatMap(v => v.nodes.map(n => [v.id, n.target.join(" "), n.failureSummary])))"""


def npm_folder(spec):
    """Where npm_package(SPEC) installs the npm package SPEC (name@version), installed or not."""
    return CACHE / "npm" / spec / "node_modules" / spec.rsplit("@", 1)[0]


def npm_package(spec):
    """The folder of the npm package SPEC (name@version), installed into .cache/npm/ on first use."""
    import shutil

    folder = npm_folder(spec)
    if not (folder / "package.json").exists():
        if shutil.which("npm") is None:
            raise RuntimeError(f"{spec} is installed with npm, and there is no npm: install Node.js")
        subprocess.run(["npm", "install", "--prefix", str(CACHE / "npm" / spec), "--no-audit", "--no-fund",
                        "--silent", spec], check=True)
    return folder


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
