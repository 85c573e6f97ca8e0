"""HTML5 tokenizing, exact where it decides what is markup and what is text, and linear.

Every pattern here is unambiguous (each piece is maximal, each alternative starts differently),
so no match backtracks; a tag that does not end before the end of the scanned region means the
rest of the region is inside that tag, as an HTML5 tokenizer reads it (EOF in a tag), so the
scan stops there instead of searching on. Case folding is ASCII-only and whitespace is HTML's
(tab, LF, FF, CR, space), as in the HTML5 specification.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WS = "\\t\\n\\f\\r "
# One attribute list, as the HTML5 tokenizer reads it: separators (whitespace and "/"), names,
# and after a name optionally "=" and a value. Every piece is maximal, so nothing backtracks.
_ATTRIBUTES = (
    rf"(?:[{_WS}/]+(?![{_WS}/])"
    rf"|[^{_WS}/>][^{_WS}/>=]*(?![^{_WS}/>=])"
    rf"(?:[{_WS}]*=[{_WS}]*(?![{_WS}])(?:\"[^\"]*\"|'[^']*'|(?![\"'])[^{_WS}>]*(?![^{_WS}>]))"
    rf"|(?![{_WS}]*=)))*"
)
_NAME = rf"[a-zA-Z][^{_WS}/>]*(?![^{_WS}/>])"

# What a match of TOKEN is, by its ``lastindex``.
COMMENT = 1
START_TAG = 3
"""Groups 2 and 3: the name and the attribute text."""
END_TAG = 4
"""Group 4: the name."""
BOGUS = 5
"""A bogus comment ("<!…>", "<?…>", "</" and a non-letter)."""
OPEN_TAG = 6
"""A tag that never ends: the rest of the scanned region is inside it."""

TOKEN = re.compile(
    # Every alternative after one "<", so that a search skips to the next "<" at once.
    r"<(?:"
    # A comment, "<!-->" and "<!--->" included; one without an end runs to the end.
    r"(?P<comment>!--(?:-?>|.*?(?:--!?>|\Z)))"
    rf"|(?P<start>{_NAME})(?P<attrs>{_ATTRIBUTES})>"
    rf"|/(?P<end>{_NAME}){_ATTRIBUTES}>"
    # Bogus comments: "<!…>", "<?…>", "</" + a non-letter; "</>" is dropped by a browser.
    r"|(?P<bogus>[!?][^>]*>?|/[^a-zA-Z>][^>]*>?|/>)"
    r"|(?P<open>/?[a-zA-Z])"
    r")",
    re.S,
)
_TAG_END = re.compile(rf"{_ATTRIBUTES}>")
ATTRIBUTE = re.compile(
    rf"([^{_WS}/>][^{_WS}/>=]*)(?:[{_WS}]*=[{_WS}]*(?:\"([^\"]*)\"|'([^']*)'|([^{_WS}>]*)))?"
)
_CDATA_END = re.compile(r"\]\]>")

UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(name: str) -> str:
    """``name`` with ASCII capitals lowered and nothing else changed (HTML's tag-name rule)."""
    return name.translate(UPPER) if not name.islower() else name


# Elements whose content is text up to their own end tag.
RAW_TEXT = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript")
) | {"plaintext"}
_CLOSERS = {
    name: re.compile(rf"</{name}(?=[{_WS}/>])", re.I | re.A) for name in RAW_TEXT - {"script"}
}
# Script data with its escaped and double-escaped states (a "<!--" in a script lets a
# "<script>" inside it hide the next "</script>").
_SCRIPT_DATA = re.compile(rf"(<!--)|</script(?=[{_WS}/>])", re.I | re.A)
_SCRIPT_ESCAPED = re.compile(rf"(-->)|(<script(?=[{_WS}/>]))|</script(?=[{_WS}/>])", re.I | re.A)
_SCRIPT_DOUBLE = re.compile(rf"(-->)|</script(?=[{_WS}/>])", re.I | re.A)


def raw_text_end(html: str, name: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where the content of raw text element ``name`` starting at ``pos`` ends: the start and
    end of its end tag, or None when it runs to ``end``."""
    if name == "plaintext":
        return None
    if name != "script":
        close = _CLOSERS[name].search(html, pos, end)
        return None if close is None else _end_tag_at(html, close.start(), close.end(), end)
    state = _SCRIPT_DATA
    while True:
        m = state.search(html, pos, end)
        if m is None:
            return None
        if state is _SCRIPT_DATA:
            if m.group(1) is None:
                return _end_tag_at(html, m.start(), m.end(), end)
            state, pos = _SCRIPT_ESCAPED, m.start() + 2
        elif state is _SCRIPT_ESCAPED:
            if m.group(1) is not None:
                state, pos = _SCRIPT_DATA, m.end()
            elif m.group(2) is not None:
                state, pos = _SCRIPT_DOUBLE, m.end()
            else:
                return _end_tag_at(html, m.start(), m.end(), end)
        else:
            state = _SCRIPT_DATA if m.group(1) is not None else _SCRIPT_ESCAPED
            pos = m.end()


def _end_tag_at(html: str, start: int, after_name: int, end: int) -> tuple[int, int] | None:
    tail = _TAG_END.match(html, after_name, end)
    return None if tail is None else (start, tail.end())


def cdata_end(html: str, pos: int, end: int) -> int:
    """The end of a CDATA section (foreign content only) whose content starts at ``pos``."""
    m = _CDATA_END.search(html, pos, end)
    return end if m is None else m.end()


def attribute(attrs: str, name: str) -> str | None:
    """The value of the first attribute ``name`` in a start tag's attribute text."""
    for m in ATTRIBUTE.finditer(attrs):
        if lower(m.group(1)) == name:
            value = m.group(2)
            if value is None:
                value = m.group(3)
            if value is None:
                value = m.group(4) or ""
            return value
    return None


def start_tags(html: str, end: int) -> Iterator[tuple[str, str]]:
    """The name and attribute text of each start tag in ``html[:end]``, in order (the content
    of raw text elements, comments and foreign CDATA are not markup)."""
    pos = 0
    while True:
        m = TOKEN.search(html, pos, end)
        if m is None or m.lastgroup == "open":
            return
        pos = m.end()
        if m.lastgroup == "attrs":
            name = lower(m.group("start"))
            yield name, m.group("attrs")
            if name in RAW_TEXT:
                close = raw_text_end(html, name, pos, end)
                if close is None:
                    return
                pos = close[1]
