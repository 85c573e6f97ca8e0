"""The runtime assets as the plugin serves them: the readable sources minified by maintained
minifiers (rjsmin for JavaScript, rcssmin for CSS), so the sources follow no rules of ours."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import rcssmin
import rjsmin

ASSETS_DIR = Path(__file__).parent / "assets"
INJECTED = ("mathscale.css", "mathscale.js")
"""Linked from pages by the plugin."""
LOADED_BY_SCRIPT = ("mathscale-scaled.css", "mathscale-scaled.js", "mathscale-fallback.js")
"""Fetched by mathscale.js itself when needed: edge shadows and zoom once an equation is scaled
down or the window resizes, the fallback only in browsers without container query units."""
NAMES = INJECTED + LOADED_BY_SCRIPT

# The floor in the served style sheet: min_scale's default, replaced by the configured value.
_FLOOR = re.compile(r"var\(--mathscale-min,[0-9.]+\)")


def minified(name: str, text: str) -> str:
    """``text`` of asset ``name`` (``.js`` or ``.css``) minified, ending with a newline."""
    if name.endswith(".js"):
        out = str(rjsmin.jsmin(text))
    elif name.endswith(".css"):
        out = str(rcssmin.cssmin(text))
    else:
        raise ValueError(f"{name}: not a .js or .css asset")
    return out.rstrip("\n") + "\n"


def served(name: str, min_scale: float | None = None) -> bytes:
    """The bytes served for asset ``name``, derived from the packaged source; with
    ``min_scale``, the style sheet's floor is that value instead of the source's default."""
    text = minified(name, (ASSETS_DIR / name).read_text(encoding="utf-8"))
    if min_scale is not None and name == "mathscale.css":
        text, found = _FLOOR.subn(f"var(--mathscale-min,{min_scale:g})", text)
        if found != 1:
            raise RuntimeError(f"{name}: expected one {_FLOOR.pattern!r}, found {found}")
    return text.encode()


def version(min_scale: float | None = None) -> str:
    """A short digest of every served asset: changes whenever any of them does, so the URL
    of mathscale.js (which fetches the zoom files next to it) changes with the zoom files."""
    digest = hashlib.sha256()
    for name in NAMES:
        digest.update(served(name, min_scale))
    return digest.hexdigest()[:8]
