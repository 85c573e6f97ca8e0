"""Blocks that cannot hold display math, and arithmatex display divs, stepped over in one
regex match each.

Most of a typical page is paragraphs, headings and list items of text, inline math and a few
phrasing elements, which a browser opens and closes again in order: the scan's state after
such a block is the state before it, but for the implied end tags of the block's start tag,
the inline math counted and a previous sibling that is neither a MathJax preview nor an
equation. Between them stand display equations as arithmatex writes them, a div holding only
text, and white space. ``items`` matches one of these after optional white space; anything
else (a comment, a stray ``<``, nesting, attributes other than the few below, raw TeX
delimiters when they are looked for) ends the match, and the scan reads the rest tag by tag.
Every piece is maximal or ends in a fixed string, so nothing backtracks more than once over
the text it matched.
"""

from __future__ import annotations

import re

from ._engines import INTERESTING_WORDS

# What a match of ``items`` is, by its ``lastindex``.
BLOCK = 1
"""Group 1: the name of the block (its start tag begins just before it)."""
DISPLAY_DIV = 2
"""Group 2: the "<" that begins the div."""

# Inline math as Python-Markdown's arithmatex writes it in generic mode: "\(" is never the
# start of display math.
INLINE_MATH = '<span class="arithmatex">'
_INLINE_MATH = re.escape(INLINE_MATH) + r"\\\([^<]*</span>"
# Elements whose content is text again (formatting ones among them go on and off the list of
# active formatting elements), and elements whose content is not looked at.
_PHRASING = ("em", "strong", "b", "i", "s", "u", "small", "sub", "sup", "mark")
_OPAQUE = ("code", "kbd", "samp")


def _plain_value_char() -> str:
    """One character of an attribute value that does not begin a word of INTERESTING_WORDS:
    values made of these give an element no class the scan acts on."""
    firsts = sorted({word[0] for word in INTERESTING_WORDS})
    alternatives = [f'[^"<{"".join(firsts)}]']
    for first in firsts:
        rests = "|".join(re.escape(w[1:]) for w in INTERESTING_WORDS if w[0] == first)
        alternatives.append(f"{first}(?!{rests})")
    return "(?:" + "|".join(alternatives) + ")"


_PLAIN_VALUE = f"{_plain_value_char()}*"
_LINK = f'<a(?: (?:href|title|class|id|rel|target)="{_PLAIN_VALUE}")*>'
# Blocks whose start tag closes only what an open paragraph, heading or list item needs
# closed, and recreates no formatting element.
_BLOCK = f'<(p|h[1-6]|li|dt|dd)(?: (?:id|class|title|lang|dir)="{_PLAIN_VALUE}")*>'


def _items(text: str) -> re.Pattern[str]:
    pieces = [
        text,
        _INLINE_MATH,
        *(f"<{name}>(?:{text})*</{name}>" for name in _PHRASING),
        *(f"<{name}>[^<]*</{name}>" for name in _OPAQUE),
        f"{_LINK}(?:{text})*</a>",
        "<br>",
    ]
    content = "(?:" + "|".join(pieces) + ")*"
    return re.compile(
        rf"[\t\n\f\r ]*(?:{_BLOCK}{content}</\1>"
        r'|(<)div class="arithmatex">[^<]*</div>)'
    )


# Text: anything but a tag; with raw TeX looked for, also no "$$", "\[" or "\begin{".
_ITEMS = _items("[^<]+(?![^<])")
_ITEMS_NO_TEX = _items(r"[^<$\\]+(?![^<$\\])|\$(?!\$)|\\(?!\[|begin\{)")


def items(raw_tex: bool) -> re.Pattern[str]:
    """The pattern for one inert block or arithmatex display div after optional white space."""
    return _ITEMS_NO_TEX if raw_tex else _ITEMS
