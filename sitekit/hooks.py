"""The one MkDocs hook file (mkdocs.yml `hooks:`): make first, then let MkDocs render.

Before each build (and each rebuild of a preview) it runs the make step (make.py), which writes
into docs/ only what changed, and lets `mkdocs serve --dirty` render every page again when a file they
all read changed (dirty.py). The rest is what only MkDocs has: the footer's versions, the
studio-session notebook page (mkdocs-jupyter renders the executed copy; notebook_page.py finishes it)
and Jinja's bytecode cache, so that a preview does not compile the templates again (mkdocs makes a
new Jinja environment for every build and mkdocstrings one for the API page: 67 templates, about
0.3 s of every preview of a prose edit). Pages are finished by the Markdown extensions that
mkdocs.yml lists, under any renderer.
"""

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from sitekit import dirty, layout, make, notebook_page, notebooks, wheel


def bytecode():
    folder = layout.CACHE / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def on_config(config):
    config.copyright = f"{config.copyright or ''} Built on {wheel.build_date()} with {wheel.verified()}.".strip()
    return config


def on_pre_build(config):
    make.make(config.site_url or "", Path(config.docs_dir))
    dirty.forget(config.site_dir)  # a preview's dirty rebuild renders every page if a shared input changed
    config.plugins["mkdocstrings"].get_handler("python").env.bytecode_cache = bytecode()


def on_files(files, config):
    """The notebook pages show their executed copies (hooks run after plugins: mkdocs-jupyter has wrapped them)."""
    for name in notebook_page.NOTEBOOKS:
        files.get_file_from_path(name).abs_src_path = str(notebooks.executed(Path(config.docs_dir) / name))
    return files


def on_env(env, config, files):
    env.bytecode_cache = bytecode()
    return env


def on_page_context(context, page, **kwargs):
    if page.file.src_uri in notebook_page.NOTEBOOKS:
        page.meta.setdefault("description", notebook_page.description(page.file.abs_src_path))
    return context


def on_post_page(output, page, **kwargs):
    return notebook_page.finish(output) if page.file.src_uri in notebook_page.NOTEBOOKS else output


def on_post_build(config):
    for name in notebook_page.NOTEBOOKS:
        download = Path(config.site_dir) / Path(name).stem / name
        notebook_page.with_setup(download, wheel.address(config.site_url), wheel.versions()["torch"])
