"""Wrap every display equation of an HTML page in the ``.mathscale`` wrapper (see CONTRACT.md).

Pure string in, string out. The page is never re-serialised: a small tokenizer finds the exact
offsets of the equations and the wrapper tags are spliced into the original string, so every
byte outside the inserted tags is unchanged (entities, quoting, ``<br>`` and all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

DIV_OPEN = '<div class="mathscale"><div class="mathscale-inner">'
DIV_CLOSE = "</div></div>"
SPAN_OPEN = '<span class="mathscale"><span class="mathscale-inner">'
SPAN_CLOSE = "</span></span>"

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
# whole page around the content; short needles such as "MathJax_" cost several times more.
OUTSIDE_MARKERS = ("arithmatex", "mjx-container", "MJXc-display", "katex-display")
# Raw TeX display delimiters, each behind a single character that is rare in HTML: looking
# for one character is a memchr, many times faster than looking for two.
RAW_MARKERS = (("$", "$$"), ("\\", "\\["), ("\\", "\\begin{"))
# Within the content itself the inline math and existing wrappers are worth a scan too.
CONTENT_MARKERS = (*DISPLAY_MARKERS, "katex-html", "mathscale")


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


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


VOID = _names("area base br col embed hr img input link meta param source track wbr keygen frame")
RAW_TEXT = _names("script style textarea title xmp iframe noembed noframes noscript")
# Math is never looked for inside these (their text is code, not prose).
SKIP = _names("pre code kbd samp svg math template")
FOREIGN = frozenset(("svg", "math"))
# Elements in which a block <div> may stand without the HTML parser moving it; anywhere else
# the wrapper is written with <span>s.
FLOW = _names(
    "body main article section aside nav header footer div blockquote ul ol dl menu li dd td th "
    "figure "
    "figcaption details dialog form fieldset center address"
)
# Table cells start a new flow context whatever the table stands in.
CELLS = frozenset(("td", "th"))
# Elements whose direct content a browser moves elsewhere ("foster parenting" and friends):
# wrapping math that stands directly in them would not stay where it was written.
FOSTER = _names("table tbody thead tfoot tr colgroup select optgroup option html head")
# Start tags that close an open <p> (HTML "close a p element" rule).
CLOSES_P = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section "
    "summary table ul listing plaintext xmp"
)
# Start tags that end an open sibling of theirs: name -> (names ended, scope boundary).
IMPLIED_END = {
    "li": (("li",), _names("ul ol")),
    "dt": (("dt", "dd"), _names("dl")),
    "dd": (("dt", "dd"), _names("dl")),
    "td": (("td", "th"), _names("table tr")),
    "th": (("td", "th"), _names("table tr")),
    "tr": (("tr", "td", "th"), _names("table")),
}
CLOSES_SOMETHING = CLOSES_P | IMPLIED_END.keys()
# Elements that stop the search for an open <p> to close ("button scope").
P_SCOPE = _names("button table td th caption html template object marquee applet")

RENDERED_DISPLAY = frozenset(
    ("MathJax_Display", "MathJax_SVG_Display", "MJXc-display", "katex-display")
)
MJ2_DISPLAY = frozenset(("MathJax_Display", "MathJax_SVG_Display", "MJXc-display"))
INTERESTING = re.compile("arithmatex|MathJax|MJXc|katex|mathscale")
# Elements start_tag must see whatever their attributes; any other element without a math
# class needs only the implied end tags it causes and a place on the stack.
SPECIAL = VOID | RAW_TEXT | SKIP | {"mjx-container"}

TOKEN = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<[!?][^>]*>?"
    r"|</([a-zA-Z][^\s/>]*)[^>]*>"
    r"|<([a-zA-Z][^\s/>]*)((?:[\s/]+|[^\s/>][^\s/>=]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)>",
    re.S,
)
ATTR = re.compile(r"([^\s/>][^\s/>=]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]*)))?")
RAW_TEXT_END = {name: re.compile(r"</" + name + r"(?=[\s/>])[^>]*>", re.I) for name in RAW_TEXT}
BODY = re.compile(r"<body[\s>]", re.I)
OPENER = re.compile(r"\$\$|\\\[|\\begin\{(" + "|".join(ENVIRONMENTS) + r")(\*?)\}")
CLOSER_DOLLARS = re.compile(r"\$\$")
CLOSER_BRACKET = re.compile(r"\\\]")


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


class _Element:
    __slots__ = (
        "classes",
        "end",
        "explicit_end",
        "name",
        "opaque",
        "parent",
        "pending",
        "prev",
        "start",
        "unit",
    )

    def __init__(self, name: str, start: int, parent: _Element | None) -> None:
        self.name = name
        self.start = start
        self.parent = parent
        self.end = -1
        self.explicit_end = False
        self.classes: frozenset[str] = frozenset()
        self.opaque = False
        self.unit: _Unit | None = None
        self.pending: _Pending | None = None
        # The last element child closed so far, to join MathJax previews with their equation.
        self.prev: _Element | None = None


class _Unit:
    __slots__ = ("end", "mj2", "span", "start")

    def __init__(self, start: int, span: bool, mj2: bool = False) -> None:
        self.start = start
        self.end = -1
        self.span = span
        self.mj2 = mj2


class _Pending:
    """A raw TeX opener whose closer lies after some markup in the same parent."""

    __slots__ = ("closer", "delimiter", "start")

    def __init__(self, start: int, closer: re.Pattern[str], delimiter: str) -> None:
        self.start = start
        self.closer = closer
        self.delimiter = delimiter


# The same few attribute strings (class="arithmatex" and the like) recur on every page.
@lru_cache(maxsize=1024)
def _classes(attrs: str) -> frozenset[str]:
    for m in ATTR.finditer(attrs):
        if m.group(1).lower() == "class":
            return frozenset((m.group(2) or m.group(3) or m.group(4) or "").split())
    return frozenset()


def _attr(attrs: str, name: str) -> str | None:
    for m in ATTR.finditer(attrs):
        if m.group(1).lower() == name:
            return m.group(2) or m.group(3) or m.group(4) or ""
    return None


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    offsets.extend(m.end() for m in re.finditer("\n", text))
    return offsets


def _excluded_starts(html: str, base: int, end: int, selectors: Sequence[str]) -> set[int]:
    """Offsets of the start tags of the elements the user's ``exclude`` selectors match."""
    # Imported here: BeautifulSoup and soupsieve take a noticeable share of a build's start-up,
    # and only sites that configure ``exclude`` need them.
    from bs4 import BeautifulSoup

    region = html[base:end]
    soup = BeautifulSoup(region, "html.parser")
    lines = _line_offsets(region)
    starts: set[int] = set()
    for selector in selectors:
        for tag in soup.select(selector):
            if tag.sourceline is not None and tag.sourcepos is not None:
                starts.add(base + lines[tag.sourceline - 1] + tag.sourcepos)
    return starts


def _near(html: str, at: int) -> str:
    """A short quote of the source at ``at``, to find the spot in the page."""
    tag = html.find("<", at + 1, at + 40)
    end = tag if tag >= 0 else at + 40
    excerpt = " ".join(html[at:end].split())
    return repr(excerpt + ("…" if tag < 0 and len(html) > end else ""))


def _is_start_tag(html: str, at: int) -> bool:
    m = TOKEN.match(html, at)
    return m is not None and m.group(2) is not None


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


def _closer_for(match: re.Match[str]) -> re.Pattern[str]:
    delimiter = match.group(0)
    if delimiter == "$$":
        return CLOSER_DOLLARS
    if delimiter == "\\[":
        return CLOSER_BRACKET
    return re.compile(re.escape("\\end{" + match.group(1) + match.group(2) + "}"))


class _Scanner:
    def __init__(self, html: str, raw_tex: bool, excluded: set[int]) -> None:
        self.html = html
        self.raw_tex = raw_tex
        self.excluded = excluded
        self.units: list[_Unit] = []
        self.existing = 0
        self.inline = 0
        self.problems: list[str] = []
        self.root = _Element("#root", 0, None)
        self.stack: list[_Element] = [self.root]
        # Index in the stack of the outermost element whose content is not looked at.
        self.opaque_at: int | None = None
        self.excluded_seen: set[int] = set()
        self.limit = len(html)

    def near(self, at: int) -> str:
        return _near(self.html, at)

    # -- stack handling -------------------------------------------------------------------

    def push(self, element: _Element) -> None:
        if element.opaque and self.opaque_at is None:
            self.opaque_at = len(self.stack)
        self.stack.append(element)

    def pop_to(self, index: int, at: int, explicit_end: int | None) -> None:
        """Close the elements from the top of the stack down to ``index``.

        The element at ``index`` ends at ``explicit_end`` when its end tag was seen; every
        element above it was closed implicitly at offset ``at``.
        """
        while len(self.stack) > index:
            element = self.stack.pop()
            is_target = len(self.stack) == index
            if is_target and explicit_end is not None:
                element.end = explicit_end
                element.explicit_end = True
            else:
                element.end = at
            self.closed(element)
            if self.opaque_at is not None and len(self.stack) <= self.opaque_at:
                self.opaque_at = None

    def closed(self, element: _Element) -> None:
        parent = element.parent
        if element.pending is not None:
            self.problems.append(
                f"unclosed {element.pending.delimiter} near {self.near(element.pending.start)}"
            )
        unit = element.unit
        if unit is not None:
            if element.explicit_end:
                unit.end = element.end
                self.units.append(unit)
            else:
                self.problems.append(
                    f"<{element.name}> holding display math has no end tag"
                    f" near {self.near(element.start)}"
                )
        if parent is not None:
            parent.prev = element

    def find(self, name: str, stop: frozenset[str] = frozenset()) -> int | None:
        for index in range(len(self.stack) - 1, 0, -1):
            open_name = self.stack[index].name
            if open_name == name:
                return index
            if open_name in stop:
                return None
        return None

    # -- tokens -----------------------------------------------------------------------------

    def start_tag(self, name: str, attrs: str, start: int, end: int) -> None:
        html = self.html
        opaque = self.opaque_at is not None
        if not opaque and name in CLOSES_SOMETHING:
            self.implicit_closes(name, start)
        parent = self.stack[-1]
        if name in RAW_TEXT:
            close = RAW_TEXT_END[name].search(html, end, self.limit)
            close_end = close.end() if close else self.limit
            if not opaque and name == "script":
                self.script(attrs, start, close_end if close else -1, parent)
            element = _Element(name, start, parent)
            element.end = close_end
            element.explicit_end = close is not None
            parent.prev = element
            return close_end
        self_closing = attrs.endswith("/") and (
            name in FOREIGN or any(e.name in FOREIGN for e in self.stack)
        )
        element = _Element(name, start, parent)
        if name in VOID or self_closing:
            element.end = end
            element.explicit_end = True
            parent.prev = element
            return end
        if not opaque:
            self.classify(element, attrs, start, end)
        self.push(element)
        return end

    def implicit_closes(self, name: str, start: int) -> None:
        if name in CLOSES_P:
            index = self.find("p", P_SCOPE)
            if index is not None:
                self.pop_to(index, start, None)
        if name in IMPLIED_END:
            names, scope = IMPLIED_END[name]
            for other in names:
                index = self.find(other, scope)
                if index is not None:
                    self.pop_to(index, start, None)

    def classify(self, element: _Element, attrs: str, start: int, end: int) -> None:
        name = element.name
        if name in SKIP:
            element.opaque = True
            return
        if start in self.excluded:
            self.excluded_seen.add(start)
            element.opaque = True
            return
        if name == "mjx-container":
            element.opaque = True
            if (_attr(attrs, "display") or "").lower() == "true":
                self.begin_unit(element, mj2=False)
            else:
                self.inline += 1
            return
        if not attrs or INTERESTING.search(attrs) is None:
            return
        classes = _classes(attrs)
        if not classes:
            return
        element.classes = classes
        if "no-mathscale" in classes:
            element.opaque = True
        elif "mathscale" in classes:
            element.opaque = True
            self.existing += 1
        elif "arithmatex" in classes:
            element.opaque = True
            if name == "div" or self.starts_display(end):
                self.begin_unit(element, mj2=False)
            else:
                self.inline += 1
        elif classes & RENDERED_DISPLAY:
            element.opaque = True
            self.begin_unit(element, mj2=bool(classes & MJ2_DISPLAY))
        elif "katex" in classes:
            element.opaque = True
            self.inline += 1

    def starts_display(self, end: int) -> bool:
        head = self.html[end : end + 64].lstrip()
        return head.startswith(("\\[", "$$", "\\begin{", '<div class="MathJax_Preview'))

    def script(self, attrs: str, start: int, end: int, parent: _Element) -> None:
        kind = (_attr(attrs, "type") or "").lower()
        if not kind.startswith("math/tex"):
            return
        if "mode=display" not in kind:
            self.inline += 1
            return
        if end < 0:
            self.problems.append(f"display math <script> has no end tag near {self.near(start)}")
            return
        prev = parent.prev
        if (
            prev is not None
            and prev.unit is not None
            and prev.unit.mj2
            and self.units
            and self.units[-1] is prev.unit
            and not self.html[prev.end : start].strip()
        ):
            prev.unit.end = end
            return
        element = _Element("script", start, parent)
        if self.begin_unit(element, mj2=False):
            assert element.unit is not None
            element.unit.end = end
            self.units.append(element.unit)

    def begin_unit(self, element: _Element, mj2: bool) -> bool:
        """Mark ``element`` as one display equation; False when it cannot be wrapped."""
        container = element.parent
        assert container is not None
        if container.name in FOSTER:
            self.problems.append(
                f"display math directly inside <{container.name}> near {self.near(element.start)}"
            )
            return False
        start = element.start
        prev = container.prev
        if (
            prev is not None
            and "MathJax_Preview" in prev.classes
            and prev.explicit_end
            and not self.html[prev.end : start].strip()
        ):
            start = prev.start
        if self.open_pending_above(element.start):
            return False
        element.unit = _Unit(start, self.phrasing(), mj2)
        return True

    def phrasing(self) -> bool:
        """Whether a wrapper at the current position must be written with spans."""
        for element in reversed(self.stack):
            if element.name in CELLS:
                return False
            if element.name not in FLOW:
                return element is not self.root
        return False

    def open_pending_above(self, at: int) -> bool:
        for element in self.stack:
            if element.pending is not None:
                self.problems.append(
                    f"display math inside unclosed {element.pending.delimiter} near {self.near(at)}"
                )
                element.pending = None
                return True
        return False

    def end_tag(self, name: str, start: int, end: int) -> None:
        index = self.find(name)
        if index is None:
            return
        self.pop_to(index, start, end)

    def text(self, start: int, end: int) -> None:
        if not self.raw_tex or self.opaque_at is not None:
            return
        html = self.html
        container = self.stack[-1]
        pos = start
        if container.pending is not None:
            pending = container.pending
            close = _unescaped(pending.closer, html, pos, end)
            if close is None:
                return
            container.pending = None
            self.raw_unit(container, pending.start, close.end())
            pos = close.end()
        while True:
            opener = _unescaped(OPENER, html, pos, end)
            if opener is None:
                return
            begin = opener.start()
            closer = _closer_for(opener)
            close = _unescaped(closer, html, opener.end(), end)
            if close is None:
                container.pending = _Pending(begin, closer, opener.group(0))
                return
            self.raw_unit(container, begin, close.end())
            pos = close.end()

    def raw_unit(self, container: _Element, start: int, end: int) -> None:
        if self.open_pending_above(start):
            return
        if container.name in FOSTER:
            self.problems.append(
                f"display math directly inside <{container.name}> near {self.near(start)}"
            )
            return
        unit = _Unit(start, self.phrasing())
        unit.end = end
        self.units.append(unit)

    def run(self, start: int, end: int) -> None:
        """Scan ``html[start:end]``, which must begin and end outside any tag."""
        html = self.html
        self.limit = end
        stack = self.stack
        pos = start
        search = TOKEN.search
        raw_tex = self.raw_tex
        # Elements a user selector excludes must go through classify to be recognised.
        fast = not self.excluded
        while True:
            m = search(html, pos, end)
            if m is None:
                if raw_tex:
                    self.text(pos, end)
                break
            if raw_tex and m.start() > pos:
                self.text(pos, m.start())
            kind = m.lastindex
            if kind == 3:
                name = m.group(2).lower()
                attrs = m.group(3)
                if name not in SPECIAL and (not attrs or attrs[-1] != "/"):
                    # The common cases, handled here as start_tag would, without its checks.
                    if self.opaque_at is not None:
                        stack.append(_Element(name, m.start(), stack[-1]))
                        pos = m.end()
                        continue
                    if fast and (not attrs or INTERESTING.search(attrs) is None):
                        if name in CLOSES_SOMETHING:
                            self.implicit_closes(name, m.start())
                        stack.append(_Element(name, m.start(), stack[-1]))
                        pos = m.end()
                        continue
                pos = self.start_tag(name, attrs, m.start(), m.end())
                continue
            pos = m.end()
            if kind != 1:
                continue
            name = m.group(1).lower()
            top = stack[-1]
            if top.name == name and len(stack) > 1:
                # The common case, an end tag closing the current element, without a search.
                stack.pop()
                top.end = pos
                top.explicit_end = True
                self.closed(top)
                if self.opaque_at is not None and len(stack) <= self.opaque_at:
                    self.opaque_at = None
            else:
                self.end_tag(name, m.start(), pos)
        self.pop_to(1, end, None)


def _splice(html: str, units: Iterable[_Unit]) -> str:
    parts: list[str] = []
    pos = 0
    for unit in sorted(units, key=lambda u: u.start):
        parts.append(html[pos : unit.start])
        parts.append(SPAN_OPEN if unit.span else DIV_OPEN)
        parts.append(html[unit.start : unit.end])
        parts.append(SPAN_CLOSE if unit.span else DIV_CLOSE)
        pos = unit.end
    parts.append(html[pos:])
    return "".join(parts)


def _has_marker(html: str, start: int, end: int, markers: tuple[str, ...], raw_tex: bool) -> bool:
    if any(html.find(marker, start, end) >= 0 for marker in markers):
        return True
    return raw_tex and any(
        html.find(char, start, end) >= 0 and html.find(marker, start, end) >= 0
        for char, marker in RAW_MARKERS
    )


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
    Only the document body is looked at when there is one. ``within`` is a hint: the part of
    the page that holds the content (a copy of it); when it occurs verbatim in the body and the
    rest of the body shows no sign of display math (arithmatex, raw TeX, MathJax 3/4 or
    KaTeX output; not pre-rendered MathJax 2), only that part is scanned, which keeps large
    navigation menus out of the cost.
    """
    body = BODY.search(html)
    start = body.start() if body else 0
    end = len(html)
    if within:
        at = html.find(within, start)
        if (
            at >= 0
            and not _has_marker(html, start, at, OUTSIDE_MARKERS, raw_tex)
            and not _has_marker(html, at + len(within), end, OUTSIDE_MARKERS, raw_tex)
        ):
            start, end = at, at + len(within)
    if not _has_marker(html, start, end, CONTENT_MARKERS, raw_tex):
        return Result(html, 0, 0, ())
    excluded = _excluded_starts(html, start, end, exclude) if exclude else set()
    scanner = _Scanner(html, raw_tex, excluded)
    scanner.run(start, end)
    problems = list(scanner.problems)
    missed = [at for at in excluded - scanner.excluded_seen if not _is_start_tag(html, at)]
    if missed:
        problems.append(
            f"an exclude selector matched markup the transform could not place"
            f" near {_near(html, min(missed))}"
        )
        return Result(html, 0, scanner.inline, tuple(problems))
    out = _splice(html, scanner.units)
    return Result(out, scanner.existing + len(scanner.units), scanner.inline, tuple(problems))
