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


def config_lines(folder: Path, docs_dir: Path, stamp: str) -> str:
    """The ``extra_css`` and ``extra_javascript`` entries (mkdocs.yml) that link the assets
    written to ``folder`` inside ``docs_dir``, cache-busted by ``stamp``."""
    url = folder.resolve().relative_to(docs_dir.resolve()).as_posix()
    return (
        f"extra_css:\n  - {url}/mathscale.css?v={stamp}\n"
        f"extra_javascript:\n  - path: {url}/mathscale.js?v={stamp}\n    defer: true\n"
    )
