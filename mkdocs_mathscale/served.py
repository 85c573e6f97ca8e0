"""The runtime assets as the plugin serves them: the readable sources without comments,
indentation and blank lines.

Deliberately tiny, for this package's own files only: it understands comments that start a
line (``//`` and ``/* … */`` in JS, ``/* … */`` anywhere in CSS) and nothing else, so the
sources must keep comment markers out of strings and off the end of code lines (a unit test
holds them to it). Newlines stay, so JavaScript's automatic semicolons are unaffected.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
INJECTED = ("mathscale.css", "mathscale.js")
"""Linked from pages by the plugin."""
LOADED_BY_SCRIPT = ("mathscale-zoom.css", "mathscale-zoom.js", "mathscale-fallback.js")
"""Fetched by mathscale.js itself when needed: zoom once an equation is scaled down or the
window resizes, the fallback only in browsers without container query units."""
NAMES = INJECTED + LOADED_BY_SCRIPT

_BLOCK_COMMENTS = {
    "css": re.compile(r"/\*.*?\*/", re.S),
    "js": re.compile(r"^[ \t]*/\*.*?\*/[ \t]*$", re.S | re.M),
}


def strip(name: str, text: str) -> str:
    """``text`` of asset ``name`` (``.js`` or ``.css``) without comments and indentation."""
    text = _BLOCK_COMMENTS[name.rsplit(".", 1)[1]].sub("", text)
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"{line}\n" for line in lines if line and not line.startswith("//"))


def served(name: str) -> bytes:
    """The bytes served for asset ``name``, derived from the packaged source."""
    return strip(name, (ASSETS_DIR / name).read_text(encoding="utf-8")).encode()


def version() -> str:
    """A short digest of every served asset: changes whenever any of them does, so the URL
    of mathscale.js (which fetches the zoom files next to it) changes with the zoom files."""
    digest = hashlib.sha256()
    for name in NAMES:
        digest.update(served(name))
    return digest.hexdigest()[:8]
