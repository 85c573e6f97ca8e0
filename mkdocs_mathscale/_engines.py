"""What math engines write into a page: the markers that say a page is worth a scan and the
classes and attributes that make an element display math, inline math or not math at all."""

from __future__ import annotations

import re
from functools import lru_cache

from ._html import ATTRIBUTE, lower

# Substrings that display math elements carry: a page without any of them in its body is
# returned as it is without being tokenized.
DISPLAY_MARKERS = (
    "arithmatex",
    "math/tex",
    "mjx-container",
    "MathJax_",
    "MJXc-display",
    "katex-display",
)
# What math rendered outside the page's own content (blog excerpts) carries, looked for in the
# whole page around the content (see math_outside); short needles such as "MathJax_" cost
# several times more.
_X_MARKERS = ("arithmatex", "mjx-container", "katex-display")
_MJXC_MARKER = "MJXc-display"
# Within the content itself the inline math and existing wrappers are worth a scan too.
CONTENT_MARKERS = (*DISPLAY_MARKERS, "katex-html", "mathscale")

# Attribute text without any of these holds no class the transform acts on.
INTERESTING_WORDS = (
    "arithmatex",
    "MathJax",
    "MJXc",
    "katex",
    "mathscale",
    "tex2jax",
    "mathjax_ignore",
)
INTERESTING = re.compile("|".join(INTERESTING_WORDS))
RENDERED_DISPLAY = frozenset(
    ("MathJax_Display", "MathJax_SVG_Display", "MJXc-display", "katex-display")
)
MJ2_DISPLAY = frozenset(("MathJax_Display", "MathJax_SVG_Display", "MJXc-display"))
# Classes whose content MathJax and KaTeX leave alone (and so does the transform).
IGNORED = frozenset(("no-mathscale", "tex2jax_ignore", "mathjax_ignore"))

# What classify() makes of an element.
PLAIN = 0
"""Nothing to do with math."""
OPAQUE = 1
"""Its content is not looked at (ignored by engines, or a preview of an equation)."""
EXISTING = 2
"""A wrapper the transform wrote before."""
DISPLAY = 3
"""One display equation."""
DISPLAY_MJ2 = 4
"""One display equation rendered by MathJax 2, which its math script may follow."""
INLINE = 5
"""Inline math."""
ARITHMATEX_SPAN = 6
"""An arithmatex span: display when its text starts with a display delimiter."""


# The same few attribute strings (class="arithmatex" and the like) recur on every page.
@lru_cache(maxsize=1024)
def classes(attrs: str) -> frozenset[str]:
    """The class names in a start tag's attribute text."""
    for m in ATTRIBUTE.finditer(attrs):
        if lower(m.group(1)) == "class":
            value = m.group(2)
            if value is None:
                value = m.group(3)
            if value is None:
                value = m.group(4) or ""
            return frozenset(value.split())
    return frozenset()


def classify(name: str, names: frozenset[str]) -> int:
    """What an element ``name`` with classes ``names`` is (one of the constants above)."""
    if names & IGNORED:
        return OPAQUE
    if "mathscale" in names:
        return EXISTING
    if "arithmatex" in names:
        return DISPLAY if name == "div" else ARITHMATEX_SPAN
    if names & MJ2_DISPLAY:
        return DISPLAY_MJ2
    if names & RENDERED_DISPLAY:
        return DISPLAY
    if "katex" in names:
        return INLINE
    if "MathJax_Preview" in names:
        return OPAQUE
    return PLAIN


def _from_letter(letter: str, words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that matches ``words`` from their first ``letter`` on, the part before it
    looked behind."""
    pieces = []
    for word in words:
        at = word.index(letter) + 1
        pieces.append(f"(?<={re.escape(word[:at])}){re.escape(word[at:])}")
    return re.compile(re.escape(letter) + "(?:" + "|".join(pieces) + ")")


# A pattern that starts with a literal letter is searched for in C from one such letter to the
# next, without a Python step per candidate: anchored on an "x", rare in HTML, one search
# finds the three words in less than half the time three searches take.
_NEAR_X = _from_letter("x", _X_MARKERS)


def math_outside(html: str, start: int, end: int) -> bool:
    """Whether ``html[start:end]`` holds a marker of math rendered outside the content."""
    # (The pattern may see a word that begins before ``start``: a match is only a candidate.)
    if _NEAR_X.search(html, start, end) is not None and any(
        html.find(word, start, end) >= 0 for word in _X_MARKERS
    ):
        return True
    # A capital X, looked for first, is rarer still.
    return html.find("X", start, end) >= 0 and html.find(_MJXC_MARKER, start, end) >= 0


def starts_display(text: str) -> bool:
    """Whether an arithmatex span whose content starts with ``text`` is display math."""
    head = text.lstrip()
    return head.startswith(("\\[", "$$", "\\begin{", '<div class="MathJax_Preview'))


def math_script(kind: str) -> int:
    """What a ``<script>`` of type ``kind`` is: DISPLAY, INLINE or PLAIN."""
    kind = lower(kind)
    if not kind.startswith("math/tex"):
        return PLAIN
    return DISPLAY if "mode=display" in kind else INLINE
