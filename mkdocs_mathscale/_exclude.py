"""The elements a user's ``exclude`` selectors match, located by their start tags."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import _html as html5

_NOT_NEWLINE = re.compile(r"[^\n]")


def _blanked(html: str, start: int, end: int) -> str:
    """``html[start:end]`` with comments and the content of raw text elements turned into
    spaces (newlines kept), so that a parser that reads them differently (html.parser does, for
    ``<!-->`` or ``<title>``) still finds every tag where a browser does."""
    parts: list[str] = []
    pos = start
    while True:
        m = html5.TOKEN.search(html, pos, end)
        if m is None or m.lastgroup == "open":
            break
        group = m.lastgroup
        if group in ("comment", "bogus"):
            parts.append(html[pos : m.start()])
            parts.append(_NOT_NEWLINE.sub(" ", m.group()))
            pos = m.end()
            continue
        if group == "attrs":
            name = html5.lower(m.group("start"))
            if name in html5.RAW_TEXT:
                close = html5.raw_text_end(html, name, m.end(), end)
                stop = end if close is None else close[0]
                parts.append(html[pos : m.end()])
                parts.append(_NOT_NEWLINE.sub(" ", html[m.end() : stop]))
                pos = stop
                continue
        parts.append(html[pos : m.end()])
        pos = m.end()
    parts.append(html[pos:end])
    return "".join(parts)


def excluded_starts(html: str, start: int, end: int, selectors: Sequence[str]) -> set[int]:
    """Offsets of the start tags of the elements ``selectors`` match in ``html[start:end]``."""
    # Imported here: BeautifulSoup and soupsieve take a noticeable share of a build's start-up,
    # and only sites that configure ``exclude`` need them.
    from bs4 import BeautifulSoup

    region = _blanked(html, start, end)
    soup = BeautifulSoup(region, "html.parser")
    lines = [0]
    lines.extend(m.end() for m in re.finditer("\n", region))
    starts: set[int] = set()
    for selector in selectors:
        for tag in soup.select(selector):
            if tag.sourceline is not None and tag.sourcepos is not None:
                starts.add(start + lines[tag.sourceline - 1] + tag.sourcepos)
    return starts
