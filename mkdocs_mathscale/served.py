"""The runtime assets as the plugin serves them: the readable sources without comments,
indentation, blank lines and the spaces next to punctuation.

Deliberately tiny, for this package's own files only: it understands comments that start a
line (``//`` and ``/* … */`` in JS, ``/* … */`` anywhere in CSS) and string literals, and
nothing else, so the sources must keep comment markers out of strings and off the end of code
lines, and regular expressions free of quotes and spaces (unit tests hold them to it).
JavaScript lines are joined only after ``{``, ``;`` or ``,`` and before ``}``, where a line
break never matters (automatic semicolons are unaffected); CSS lines are all joined, and the
optional semicolon that ends a CSS block goes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
INJECTED = ("mathscale.css", "mathscale.js")
"""Linked from pages by the plugin."""
LOADED_BY_SCRIPT = ("mathscale-scaled.css", "mathscale-scaled.js", "mathscale-fallback.js")
"""Fetched by mathscale.js itself when needed: edge shadows and zoom once an equation is scaled
down or the window resizes, the fallback only in browsers without container query units."""
NAMES = INJECTED + LOADED_BY_SCRIPT

# Quoted strings and template literals (kept as they are), or a run of spaces.
_JS_TOKENS = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|( +)""")
_JS_PUNCTUATION = set("[]{}();,:=<>+-*/?!&|")
# In CSS a space before ":" or inside calc() around + and - is meaningful: only these go.
_CSS_SPACES = re.compile(r" *([{};,>]) *|(:) +")
# The floor in the served style sheet: min_scale's default, replaced by the configured value.
_FLOOR = re.compile(r"var\(--mathscale-min,[0-9.]+\)")
_BLOCK_COMMENTS = {
    "css": re.compile(r"/\*.*?\*/", re.S),
    "js": re.compile(r"^[ \t]*/\*.*?\*/[ \t]*$", re.S | re.M),
}


def strip(name: str, text: str) -> str:
    """``text`` of asset ``name`` (``.js`` or ``.css``) without comments, indentation and the
    spaces next to punctuation."""
    kind = name.rsplit(".", 1)[1]
    text = _BLOCK_COMMENTS[kind].sub("", text)
    lines = (line.strip() for line in text.splitlines())
    compact = _compact_js if kind == "js" else _compact_css
    kept = [compact(line) for line in lines if line and not line.startswith("//")]
    joined = kept[:1]
    for line in kept[1:]:
        if kind == "css" or joined[-1][-1] in "{;," or line[0] == "}":
            space = kind == "css" and not (joined[-1][-1] in "{};,:(" or line[0] in ")}")
            joined[-1] += " " * space + line
        else:
            joined.append(line)
    text = "".join(f"{line}\n" for line in joined)
    # A declaration block's last semicolon is optional.
    return text.replace(";}", "}") if kind == "css" else text


def _compact_js(line: str) -> str:
    def space(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        before = line[match.start() - 1] if match.start() else ""
        after = line[match.end()] if match.end() < len(line) else ""
        # "a - -b", "a + +b" and "a / /re/" need their space.
        if before == after and before in "+-/":
            return match.group()
        return "" if before in _JS_PUNCTUATION or after in _JS_PUNCTUATION else " "

    return _JS_TOKENS.sub(space, line)


def _compact_css(line: str) -> str:
    return _CSS_SPACES.sub(lambda m: m.group(1) or m.group(2), line)


def served(name: str, min_scale: float | None = None) -> bytes:
    """The bytes served for asset ``name``, derived from the packaged source; with
    ``min_scale``, the style sheet's floor is that value instead of the source's default."""
    text = strip(name, (ASSETS_DIR / name).read_text(encoding="utf-8"))
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
