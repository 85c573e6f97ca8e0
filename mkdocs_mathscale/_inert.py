"""Block content that cannot hold display math, stepped over in one regex match.

Most of a typical page is paragraphs, headings and list items of text, inline math and a few
phrasing elements, which a browser opens and closes again in order: the scan's state after
such a block is the state before it, but for the implied end tags of the block's start tag,
the inline math counted and a previous sibling that is neither a MathJax preview nor an
equation. ``block_end`` matches that content and the block's end tag after it; anything else
(a comment, a stray ``<``, nesting, attributes other than the few below, raw TeX delimiters
when they are looked for) ends the match, and the scan reads the block tag by tag as before.
Every piece is maximal or ends in a fixed string, so nothing backtracks more than once over
the text it matched.
"""

from __future__ import annotations

import re

from ._engines import INTERESTING_WORDS

# Blocks whose content is looked at this way; each start tag closes what an open paragraph
# or list item needs closed, and none recreates formatting elements.
BLOCKS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"))
_END_TAGS = {name: f"</{name}>" for name in BLOCKS}
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


_LINK = rf'<a(?: (?:href|title|class|id|rel|target)="{_plain_value_char()}*")*>'


def _content(text: str) -> re.Pattern[str]:
    pieces = [
        text,
        _INLINE_MATH,
        *(f"<{name}>(?:{text})*</{name}>" for name in _PHRASING),
        *(f"<{name}>[^<]*</{name}>" for name in _OPAQUE),
        f"{_LINK}(?:{text})*</a>",
        "<br>",
    ]
    return re.compile("(?:" + "|".join(pieces) + ")*")


# Text: anything but a tag; with raw TeX looked for, also no "$$", "\[" or "\begin{".
_TEXT = _content("[^<]+(?![^<])")
_TEXT_NO_TEX = _content(r"[^<$\\]+(?![^<$\\])|\$(?!\$)|\\(?!\[|begin\{)")


def block_end(html: str, name: str, pos: int, end: int, raw_tex: bool) -> int:
    """Where block ``name`` ends, end tag included, when its content from ``pos`` is inert
    and its own end tag follows it before ``end``; otherwise -1."""
    m = (_TEXT_NO_TEX if raw_tex else _TEXT).match(html, pos, end)
    assert m is not None  # (the pattern matches the empty string)
    close = _END_TAGS[name]
    stop = m.end()
    return stop + len(close) if html.startswith(close, stop, end) else -1
