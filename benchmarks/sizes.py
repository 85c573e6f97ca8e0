"""Bytes the plugin adds to a page: raw and gzip -9 sizes of the injected script and style."""

from __future__ import annotations

import gzip
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "mkdocs_mathscale" / "assets"
NAMES = ("mathscale.js", "mathscale.css")


def asset_sizes() -> dict[str, tuple[int, int]]:
    """name → (raw bytes, gzipped bytes at level 9), each file compressed on its own as served."""
    sizes = {}
    for name in NAMES:
        data = (ASSETS / name).read_bytes()
        sizes[name] = (len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))
    return sizes
