"""The runtime assets written into a folder, for sites without the plugin (Zensical, MkDocs with
the Markdown extension only): the same bytes the plugin serves, ``min_scale`` in the style sheet."""

from __future__ import annotations

from pathlib import Path

from .served import NAMES, served, version


def export(folder: Path, min_scale: float) -> str:
    """Write every asset (the two a page links and the three the script fetches from its own
    folder) into ``folder``; return the version to put in their URLs' ``?v=``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        (folder / name).write_bytes(served(name, min_scale))
    return version(min_scale)


def config_lines(folder: Path, docs_dir: Path, stamp: str, toml: bool = False) -> str:
    """The ``extra_css`` and ``extra_javascript`` entries that link the assets written to
    ``folder`` inside ``docs_dir``, cache-busted by ``stamp``: for mkdocs.yml, or with ``toml``
    for the ``[project]`` table of zensical.toml."""
    url = folder.resolve().relative_to(docs_dir.resolve()).as_posix()
    css, js = f"{url}/mathscale.css?v={stamp}", f"{url}/mathscale.js?v={stamp}"
    if toml:
        return f'extra_css = ["{css}"]\nextra_javascript = [{{ path = "{js}", defer = true }}]\n'
    return f"extra_css:\n  - {css}\nextra_javascript:\n  - path: {js}\n    defer: true\n"
