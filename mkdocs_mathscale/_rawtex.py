"""Raw TeX display delimiters left in the text: ``$$…$$``, ``\\[…\\]`` and the display
environments MathJax reads as display math."""

from __future__ import annotations

import re

ENVIRONMENTS = (
    "equation",
    "align",
    "gather",
    "multline",
    "flalign",
    "alignat",
    "eqnarray",
    "displaymath",
    "math",
)
# Raw TeX display delimiters, each behind a single character that is rare in HTML: looking
# for one character is a memchr, many times faster than looking for two.
MARKERS = (("$", "$$"), ("\\", "\\["), ("\\", "\\begin{"))

# Two dollars, not three or more: a run like "$$$" is prose (price tiers), never a delimiter.
_OPENER = re.compile(r"(?<!\$)\$\$(?!\$)|\\\[|\\begin\{(" + "|".join(ENVIRONMENTS) + r")(\*?)\}")
_DOLLARS = re.compile(r"(?<!\$)\$\$(?!\$)")
_BRACKET = re.compile(r"\\\]")


def _unescaped(pattern: re.Pattern[str], html: str, pos: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` not escaped by an odd number of backslashes before it."""
    while True:
        m = pattern.search(html, pos, end)
        if m is None:
            return None
        at = m.start()
        before = at
        while before > 0 and html[before - 1] == "\\":
            before -= 1
        if (at - before) % 2 == 0:
            return m
        pos = at + 1


class Opener:
    """A display delimiter whose closer has not been found yet."""

    __slots__ = ("closer", "delimiter", "start")

    def __init__(self, start: int, closer: re.Pattern[str], delimiter: str) -> None:
        self.start = start
        self.closer = closer
        self.delimiter = delimiter


def opener(html: str, pos: int, end: int) -> Opener | None:
    """The first unescaped display opener in ``html[pos:end]``."""
    m = _unescaped(_OPENER, html, pos, end)
    if m is None:
        return None
    delimiter = m.group(0)
    if delimiter == "$$":
        closer = _DOLLARS
    elif delimiter == "\\[":
        closer = _BRACKET
    else:
        closer = re.compile(re.escape("\\end{" + m.group(1) + m.group(2) + "}"))
    return Opener(m.start(), closer, delimiter)


def after_opener(found: Opener) -> int:
    """Where the text after the opener ``found`` starts."""
    return found.start + len(found.delimiter)


def closer(found: Opener, html: str, pos: int, end: int) -> int | None:
    """The end of the first unescaped closer of ``found`` in ``html[pos:end]``."""
    m = _unescaped(found.closer, html, pos, end)
    return None if m is None else m.end()
