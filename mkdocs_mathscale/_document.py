"""Where a page's ``<head>`` really ends and its body begins, as a browser builds them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import _html as html5

# Start tags that stay in <head> (or go back into it after </head>).
_HEAD_CONTENT = frozenset(
    ("base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style")
) | {"script", "template"}
_NON_SPACE = re.compile(r"[^\t\n\f\r ]")
_DOCTYPE_HTML = re.compile(r"<!doctype[\t\n\f\r ]+html(?:[\t\n\f\r ]|>)", re.I | re.A)


@dataclass(frozen=True)
class Head:
    """Offsets in a page: where the head ends (where a tag written there is still inside it)
    and where the body's content begins; and whether the page is in quirks mode."""

    end: int
    body: int
    quirks: bool


def head(html: str) -> Head:
    """The head of ``html``: scanned token by token from the start, as a browser's "before
    head", "in head" and "after head" modes read it."""
    pos = 0
    end = len(html)
    head_end: int | None = None
    quirks = True
    templates = 0
    while True:
        m = html5.TOKEN.search(html, pos, end)
        text_end = m.start() if m is not None else end
        if not templates:
            content = _NON_SPACE.search(html, pos, text_end)
            if content is not None:
                at = content.start()
                return Head(at if head_end is None else head_end, at, quirks)
        if m is None:
            return Head(end if head_end is None else head_end, end, quirks)
        at = m.start()
        pos = m.end()
        group = m.lastgroup
        if group == "attrs":
            name = html5.lower(m.group("start"))
            if name == "template":
                templates += 1
            elif templates:
                if name in html5.RAW_TEXT:
                    pos = _after_raw_text(html, name, pos, end)
            elif name in ("html", "head"):
                pass
            elif name in _HEAD_CONTENT:
                if name in html5.RAW_TEXT:
                    pos = _after_raw_text(html, name, pos, end)
            else:
                return Head(at if head_end is None else head_end, at, quirks)
        elif group == "end":
            name = html5.lower(m.group("end"))
            if name == "template":
                templates = max(templates - 1, 0)
            elif templates:
                pass
            elif name == "head" and head_end is None:
                head_end = at
            elif name in ("body", "html", "br"):
                return Head(at if head_end is None else head_end, at, quirks)
        elif group == "open":
            return Head(at if head_end is None else head_end, end, quirks)
        elif _DOCTYPE_HTML.match(html, at) is not None:
            quirks = False


def _after_raw_text(html: str, name: str, pos: int, end: int) -> int:
    close = html5.raw_text_end(html, name, pos, end)
    return end if close is None else close[1]
