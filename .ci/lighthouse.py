"""Lighthouse on every page of the built site, beside a bare Material page built the same way.

    python .ci/lighthouse.py [RUNS]     # in the venv of the README's commands; needs node, npm and chromium

Lighthouse (npm, installed into .cache/lighthouse on first use) runs with its mobile preset in
Debian's Chromium against each page served on 127.0.0.1, compressed with gzip as GitHub Pages serves
it. One line per page: the four scores, the KiB the page transferred and the audits that lost points;
then the minimum of each score, and the same line for a bare Material page built the same way.
Among the audits: the performance metrics scored under 0.9 (`total-blocking-time=460 ms`).
Performance is simulated from this machine's CPU timings, so it moves by a few points from run to run;
each page is measured RUNS times (3 unless given) and the run with the median performance is shown,
as Lighthouse's own docs advise. A benchmark to read, not a test: nothing here fails CI.
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sitekit import CHROMIUM, FLAGS, ROOT, Quiet, build, serve, urls  # the pages, build and server the tests use

LIGHTHOUSE = "lighthouse@12.8.2"  # 13 needs Node 22; this machine's Node is 20
TOOLS = ROOT / ".cache" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", CHROMIUM)
SCORES = ["performance", "accessibility", "best-practices", "seo"]
TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
BARE = """site_name: Bare Material
site_description: A Material site with nothing but its theme, for comparison.
site_url: {url}
theme:
  name: material
"""


class Gzip(Quiet):
    """A static server that compresses text as GitHub Pages, the site's host, does."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or not kind.startswith(TEXT):
            return super().do_GET()  # redirects, 404s, pictures as they are
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def built(out, url, project=ROOT):
    """Build PROJECT into OUT for URL, or stop with mkdocs's complaint."""
    run = build(out, url, project)
    if run.returncode:
        sys.exit(f"mkdocs build --strict failed in {project}:\n{run.stderr[-4000:]}")


def lighthouse_bin():
    if not (TOOLS / "node_modules" / ".bin" / "lighthouse").exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--silent", LIGHTHOUSE],
                       check=True)
    return TOOLS / "node_modules" / ".bin" / "lighthouse"


def median_audit(tool, url, runs):
    """The audit of URL whose performance is the median of RUNS runs."""
    results = sorted((audit(tool, url) for _ in range(runs)), key=lambda r: r[0]["performance"])
    return results[len(results) // 2]


def audit(tool, url):
    """Lighthouse's four scores (0-100), the bytes the page transferred, the audits that lost points."""
    run = subprocess.run([str(tool), url, "--output=json", "--output-path=stdout", "--quiet",
                          f"--chrome-flags={' '.join(['--headless=new', *FLAGS])}"], capture_output=True, text=True,
                         env={**os.environ, "CHROME_PATH": CHROME})
    if run.returncode:
        sys.exit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in SCORES}
    audits = report["audits"]
    slow = [f"{a['id']}={' '.join(audits[a['id']]['displayValue'].split())}"  # metrics in the page's way
            for a in report["categories"]["performance"]["auditRefs"] if a["weight"] and audits[a["id"]]["score"] < 0.9]
    failing = slow + [a["id"] for c in SCORES[1:] for a in report["categories"][c]["auditRefs"]
                      if a["weight"] and (audits[a["id"]]["score"] or 0) < 1]
    return scores, int(report["audits"]["total-byte-weight"]["numericValue"]), failing


def line(name, scores, size=None, failing=()):
    cells = "".join(f"{scores[c]:>16}" for c in SCORES)
    return f"{name:<22}{cells}{'' if size is None else round(size / 1024):>12}  {' '.join(failing)}"


def main(runs=3):
    tool = lighthouse_bin()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours, ours_url = serve(tmp / "site", Gzip)
        bare, bare_url = serve(tmp / "bare" / "site", Gzip)
        built(tmp / "site", ours_url)
        (tmp / "bare" / "docs").mkdir(parents=True)
        (tmp / "bare" / "docs" / "index.md").write_text("# A bare page\n\nMaterial's defaults, nothing added.\n")
        (tmp / "bare" / "mkdocs.yml").write_text(BARE.format(url=bare_url))
        built(tmp / "bare" / "site", bare_url, tmp / "bare")

        print(f"{'page':<22}" + "".join(f"{c:>16}" for c in SCORES) + f"{'KiB':>12}  audits that lost points")
        results = []
        for page in urls():
            result = median_audit(tool, ours_url + page, runs)
            results.append(result)
            print(line(page or "(home)", *result), flush=True)
        print(line("minimum", {c: min(r[0][c] for r in results) for c in SCORES}))
        print(line("bare Material page", *median_audit(tool, bare_url, runs)))
        ours.shutdown()
        bare.shutdown()


if __name__ == "__main__":
    main(*map(int, sys.argv[1:2]))
