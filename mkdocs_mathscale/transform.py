"""Wrap every display equation of an HTML page in the ``.mathscale`` wrapper (see CONTRACT.md).

Pure string in, string out. The page is never re-serialised: a tokenizer that reads the page
as a browser does finds the exact offsets of the equations and the wrapper tags are spliced
into the original string, so every byte outside the inserted tags is unchanged (entities,
quoting, ``<br>`` and all). The work is split by concern: ``_html`` (tokenizing),
``_document`` (head and body), ``_engines`` (what math engines write), ``_rawtex`` (TeX left
as text), ``_scan`` (the tree as a browser builds it), ``_inert`` (blocks it steps over whole),
``_exclude`` (user selectors) and ``_splice`` (the wrappers); this module is the public entry
point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import _html as html5
from ._document import head
from ._engines import CONTENT_MARKERS, math_outside
from ._exclude import excluded_starts
from ._rawtex import MARKERS as RAW_MARKERS
from ._scan import Scanner, near
from ._splice import DIV_CLOSE, DIV_OPEN, SPAN_CLOSE, SPAN_OPEN, outermost, splice

__all__ = ["DIV_CLOSE", "DIV_OPEN", "SPAN_CLOSE", "SPAN_OPEN", "Result", "transform"]


@dataclass(frozen=True)
class Result:
    """The transformed page and what was found in it."""

    html: str
    equations: int
    """Display equations in the output, each inside exactly one wrapper."""
    inline: int
    """Inline math elements seen (arithmatex spans, inline MathJax/KaTeX output, inline scripts)."""
    problems: tuple[str, ...]
    """Things that looked like display math but could not be delimited and were left alone."""
    head_end: int
    """Where the browser's ``<head>`` of ``html`` ends: a tag written there is inside it (the
    wrappers, all in the body, leave it where it was in the input)."""


def _has_raw_tex(html: str, start: int, end: int) -> bool:
    return any(
        html.find(char, start, end) >= 0 and html.find(marker, start, end) >= 0
        for char, marker in RAW_MARKERS
    )


def _has_marker(html: str, start: int, end: int, raw_tex: bool) -> bool:
    if any(html.find(marker, start, end) >= 0 for marker in CONTENT_MARKERS):
        return True
    return raw_tex and _has_raw_tex(html, start, end)


def _math_outside(html: str, start: int, end: int, raw_tex: bool) -> bool:
    return math_outside(html, start, end) or (raw_tex and _has_raw_tex(html, start, end))


# A long needle is searched for with an algorithm that is linear in all cases but slower than
# the one for a short needle: the content is first found by its beginning.
_PREFIX = 64


def _find(html: str, within: str, start: int) -> int:
    """``html.find(within, start)``."""
    at = html.find(within[:_PREFIX], start)
    if at < 0 or html.startswith(within, at):
        return at
    return html.find(within, at + 1)


def _is_start_tag(html: str, at: int) -> bool:
    m = html5.TOKEN.match(html, at)
    return m is not None and m.lastgroup == "attrs"


def transform(
    html: str,
    *,
    exclude: Sequence[str] = (),
    raw_tex: bool = True,
    within: str | None = None,
) -> Result:
    """Wrap each display equation of ``html`` once; return the new HTML and what was found.

    ``exclude`` are CSS selectors whose content is left alone (``.no-mathscale`` always is).
    ``raw_tex`` also recognises ``$$…$$``, ``\\[…\\]`` and ``\\begin{equation}…`` left as text.
    Only the document body is looked at. ``within`` is a hint: the part of the page that holds
    the content (a copy of it); when it occurs verbatim in the body and the rest of the body
    shows no sign of display math (arithmatex, raw TeX, MathJax 3/4 or KaTeX output; not
    pre-rendered MathJax 2), only that part is scanned, which keeps large navigation menus out
    of the cost.
    """
    page = head(html)
    start = page.body
    end = len(html)
    if within:
        at = _find(html, within, start)
        if (
            at >= 0
            and not _math_outside(html, start, at, raw_tex)
            and not _math_outside(html, at + len(within), end, raw_tex)
        ):
            start, end = at, at + len(within)
    if not _has_marker(html, start, end, raw_tex):
        return Result(html, 0, 0, (), page.end)
    excluded = excluded_starts(html, start, end, exclude) if exclude else set()
    scanner = Scanner(html, raw_tex, excluded, page.quirks)
    scanner.run(start, end)
    problems = list(scanner.problems)
    missed = [at for at in excluded - scanner.excluded_seen if not _is_start_tag(html, at)]
    if missed:
        problems.append(
            f"an exclude selector matched markup the transform could not place"
            f" near {near(html, min(missed))}"
        )
        return Result(html, 0, scanner.inline, tuple(problems), page.end)
    units, crossing = outermost(scanner.units)
    problems.extend(
        f"display math overlapping another equation near {near(html, unit.start)}"
        for unit in crossing
    )
    out = splice(html, units)
    return Result(out, scanner.existing + len(units), scanner.inline, tuple(problems), page.end)
