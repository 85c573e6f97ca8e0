"""The scan: HTML5 tree building, as far as it decides where a wrapper may go.

It keeps the stack of open elements a browser keeps (implied end tags, end tags the tree
builder ignores, foreign content) with each lookup in constant time, so the scan is linear in
the size and the depth of the page, and collects the display equations as units.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import _engines as engines
from . import _html as html5
from . import _inert as inert
from . import _rawtex as rawtex
from ._splice import Unit


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_VOID = _names("area base basefont bgsound br col embed hr img input link meta param source track")
_VOID |= _names("wbr keygen frame image")
# Math is never looked for inside these (their text is code, or not shown as prose).
_SKIP = _names("pre code kbd samp svg math template select option optgroup listing")
_FOREIGN = frozenset(("svg", "math"))
# Foreign elements whose content is HTML again.
_INTEGRATION = _names("foreignobject desc title mi mo mn ms mtext")
# Start tags that end foreign content (they pop back to the nearest HTML element).
_BREAKOUT = _names(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img "
    "li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var"
)
# Elements in which a block <div> may stand without the HTML parser moving it; anywhere else
# the wrapper is written with <span>s.
_FLOW = _names(
    "body main article section aside nav header footer div blockquote ul ol dl menu li dd td th "
    "figure figcaption details dialog form fieldset center address search"
)
_CELLS = frozenset(("td", "th"))
# Elements whose direct content a browser moves elsewhere ("foster parenting" and friends):
# wrapping math that stands directly in them would not stay where it was written.
_FOSTER = _names("table tbody thead tfoot tr colgroup select optgroup option html head frameset")
# Start tags that close an open <p> (HTML "close a p element" rule).
_CLOSES_P = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section "
    "summary table ul listing plaintext xmp search dd dt li"
)
_HEADINGS = _names("h1 h2 h3 h4 h5 h6")
# HTML5's "special" elements: an end tag for another element does not close them.
_SPECIAL = _names(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link "
    "listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext "
    "pre script search section select source style summary table tbody td template textarea "
    "tfoot th thead title tr track ul wbr xmp"
)
# The same, less the three that an <li>, <dd> or <dt> start tag looks through.
_LIST_BOUNDARY = _SPECIAL - {"address", "div", "p"}
_FORMATTING = _names("a b big code em font i nobr s small strike strong tt u")
_SCOPE = _names("applet caption html table td th marquee object template")
_BUTTON_SCOPE = _SCOPE | {"button"}
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = _names("html table template")
_TABLE_PARTS = _names("table tbody thead tfoot tr td th caption colgroup")
# Start tags a browser drops inside <body>.
_DROPPED = _names("html head body")
# Elements an end tag of an enclosing element closes without a parse error.
_IMPLIED_END = _names("dd dt li optgroup option p rb rp rt rtc")
# Start tags a browser drops outside a table.
_TABLE_ONLY = _names("caption col colgroup frame tbody td tfoot th thead tr")
# Elements start_tag must see whatever their attributes; any other element without a math
# class needs only the implied end tags it causes and a place on the stack.
_GENERAL = _VOID | html5.RAW_TEXT | _SKIP | _DROPPED | _TABLE_ONLY | {"mjx-container", "form"}
_CLOSES_SOMETHING = _CLOSES_P | _HEADINGS | _names("td th tr button")
_CDATA = "<![CDATA["
# Elements that put a marker in the list of active formatting elements.
_MARKERS = _names("td th caption applet marquee object template")
# Start tags that do not recreate formatting elements closed too early ("reconstruct the
# active formatting elements"); every other start tag and all text does.
_NOT_RECONSTRUCTING = (
    _CLOSES_P
    | _TABLE_PARTS
    | _DROPPED
    | _names("base basefont bgsound link meta noframes script style template title col frame")
    | _names("textarea iframe noembed noscript frameset rb rp rt rtc")
)
# Names push() and pop() have more to do for.
_TRACKED = _SPECIAL | _FORMATTING | _MARKERS


class _Element:
    __slots__ = (
        "classes",
        "end",
        "explicit_end",
        "foreign",
        "foreign_base",
        "in_foreign",
        "index",
        "name",
        "on_stack",
        "opaque",
        "parent",
        "pending",
        "phrasing",
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
        self.unit: Unit | None = None
        self.pending: rawtex.Opener | None = None
        # The last element child closed so far, to join MathJax previews with their equation.
        self.prev: _Element | None = None
        self.index = 0
        self.on_stack = False
        # Whether a wrapper here must be written with spans.
        self.phrasing: bool
        if parent is None or name in _CELLS:
            self.phrasing = False
        elif name in _FLOW:
            self.phrasing = parent.phrasing
        else:
            self.phrasing = True
        # An SVG or MathML element; whether its children are foreign content too; the index
        # of the outermost foreign element of its run.
        self.foreign: bool = name in _FOREIGN or (parent is not None and parent.in_foreign)
        self.in_foreign: bool = self.foreign and name not in _INTEGRATION
        self.foreign_base = -1


class Scanner:
    """Finds the display equations of ``html[start:end]`` (see ``run``)."""

    def __init__(self, html: str, raw_tex: bool, excluded: set[int], quirks: bool) -> None:
        self.html = html
        self.raw_tex = raw_tex
        self.excluded = excluded
        self.quirks = quirks
        self.units: list[Unit] = []
        self.existing = 0
        self.inline = 0
        self.problems: list[str] = []
        self.root = _Element("#root", 0, None)
        self.stack: list[_Element] = [self.root]
        # Stack indices of the open elements of each name, and of the open special elements.
        self.open: dict[str, list[int]] = {}
        self.special: list[int] = []
        self.list_boundary: list[int] = []
        # HTML5's list of active formatting elements (None is a marker).
        self.active: list[_Element | None] = []
        # Index in the stack of the outermost element whose content is not looked at.
        self.opaque_at: int | None = None
        self.excluded_seen: set[int] = set()
        self.closed_p = False
        self.limit = len(html)
        # Per block name, the times step_over could not take one: a name that keeps failing
        # (navigation list items full of markup) is no longer tried on this page.
        self.misses: dict[str, int] = {}

    def near(self, at: int) -> str:
        """A short quote of the source at ``at``, to find the spot in the page."""
        return near(self.html, at)

    # -- the stack --------------------------------------------------------------------------

    def push(self, element: _Element) -> None:
        stack = self.stack
        index = len(stack)
        element.index = index
        element.on_stack = True
        stack.append(element)
        name = element.name
        positions = self.open.get(name)
        if positions is None:
            self.open[name] = [index]
        else:
            positions.append(index)
        if name in _TRACKED or element.opaque or element.foreign:
            self._track(element, index)

    def _track(self, element: _Element, index: int) -> None:
        if element.opaque and self.opaque_at is None:
            self.opaque_at = index
        name = element.name
        if element.foreign:
            parent = element.parent
            element.foreign_base = (
                parent.foreign_base if parent is not None and parent.foreign else index
            )
            return
        if name in _FORMATTING:
            self.active.append(element)
        elif name in _MARKERS:
            self.active.append(None)
        if name in _SPECIAL:
            self.special.append(index)
            if name in _LIST_BOUNDARY:
                self.list_boundary.append(index)

    def pop(self) -> _Element:
        element = self.stack.pop()
        element.on_stack = False
        name = element.name
        self.open[name].pop()
        if name in _TRACKED or self.opaque_at is not None:
            self._untrack(element)
        return element

    def _untrack(self, element: _Element) -> None:
        index = element.index
        if element.name in _MARKERS and not element.foreign and None in self.active:
            while self.active.pop() is not None:
                pass
        if self.special and self.special[-1] == index:
            self.special.pop()
            if self.list_boundary and self.list_boundary[-1] == index:
                self.list_boundary.pop()
        if self.opaque_at is not None and index <= self.opaque_at:
            self.opaque_at = None

    def pop_to(self, index: int, at: int, explicit_end: int | None) -> None:
        """Close the elements from the top of the stack down to ``index``.

        The element at ``index`` ends at ``explicit_end`` when its end tag was seen; every
        element above it was closed implicitly at offset ``at``.
        """
        while len(self.stack) > index:
            element = self.pop()
            if len(self.stack) == index and explicit_end is not None:
                element.end = explicit_end
                element.explicit_end = True
                self.forget(element)
            else:
                element.end = at
            self.closed(element)

    def forget(self, element: _Element) -> None:
        """Take a formatting element closed by its own end tag off the active list."""
        active = self.active
        if element.name in _FORMATTING:
            for at in range(len(active) - 1, -1, -1):
                if active[at] is element:
                    del active[at]
                    return
                if active[at] is None:
                    return

    def reconstruct(self, at: int) -> bool:
        """Recreate the formatting elements closed too early (text or a start tag at ``at``
        comes); whether there were any."""
        active = self.active
        if not active or active[-1] is None or active[-1].on_stack:
            return False
        first = len(active) - 1
        while first > 0:
            entry = active[first - 1]
            if entry is None or entry.on_stack:
                break
            first -= 1
        for n in range(first, len(active)):
            entry = active[n]
            assert entry is not None
            clone = _Element(entry.name, at, self.stack[-1])
            clone.opaque = entry.opaque or entry.name in _SKIP
            clone.classes = entry.classes
            active[n] = clone
            self.push(clone)
            self.active.pop()
        return True

    def closed(self, element: _Element) -> None:
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
        parent = element.parent
        if parent is not None:
            parent.prev = element

    def last(self, name: str) -> int:
        """The stack index of the innermost open ``name``, or 0."""
        positions = self.open.get(name)
        return positions[-1] if positions else 0

    def in_scope(self, name: str, scope: frozenset[str]) -> int:
        """The stack index of the innermost open ``name`` with no ``scope`` element above it,
        or 0."""
        index = self.last(name)
        if index and any(self.last(other) > index for other in scope):
            return 0
        return index

    # -- start tags -------------------------------------------------------------------------

    def start_tag(self, name: str, attrs: str, start: int, end: int) -> int:
        """Handle a start tag at ``html[start:end]``; return where the scan goes on."""
        parent = self.stack[-1]
        # In SVG or MathML first: there <td> is foreign, and <body> leaves foreign content
        # before a browser drops it.
        if parent.in_foreign:
            # A <font> breaks out of SVG or MathML only with a color, face or size attribute.
            if name in _BREAKOUT or (
                name == "font"
                and any(html5.attribute(attrs, a) is not None for a in ("color", "face", "size"))
            ):
                while self.stack[-1].in_foreign:
                    self.pop_to(len(self.stack) - 1, start, None)
                parent = self.stack[-1]
            else:
                return self.foreign_start(name, attrs, start, end, parent)
        if name in _DROPPED or (
            name in _TABLE_ONLY and self.last("table") <= self.last("template")
        ):
            return end
        # Whether this tag closed a paragraph: only a <div> wrapper before it does the same.
        self.closed_p = False
        # Even inside content that is not looked at: a <pre> ends an opaque <p> all the same.
        # (Not in a <select>, where a browser drops such tags.)
        if name in _CLOSES_SOMETHING and not self.open.get("select"):
            depth = len(self.stack)
            self.implicit_closes(name, start)
            parent = self.stack[-1]
            self.closed_p = len(self.stack) < depth and name in _CLOSES_P
        if name not in _NOT_RECONSTRUCTING and self.reconstruct(start):
            parent = self.stack[-1]
        # (After both: they can end an element whose content is not looked at, or recreate one.)
        opaque = self.opaque_at is not None
        if name in html5.RAW_TEXT:
            return self.raw_text(name, attrs, start, end, parent, opaque)
        element = _Element(name, start, parent)
        # A <form> straight inside a table is closed as soon as it opens.
        if (
            name in _VOID
            or (name in _FOREIGN and _self_closing(attrs))
            or (name == "form" and parent.name in _FOSTER)
        ):
            element.end = end
            element.explicit_end = True
            parent.prev = element
            return end
        if not opaque:
            self.classify(element, attrs, start, end)
        self.push(element)
        return end

    def foreign_start(self, name: str, attrs: str, start: int, end: int, parent: _Element) -> int:
        element = _Element(name, start, parent)
        if _self_closing(attrs):
            element.end = end
            element.explicit_end = True
            parent.prev = element
            return end
        self.push(element)
        return end

    def raw_text(
        self, name: str, attrs: str, start: int, end: int, parent: _Element, opaque: bool
    ) -> int:
        close = html5.raw_text_end(self.html, name, end, self.limit)
        close_end = close[1] if close is not None else self.limit
        if not opaque and name == "script":
            self.script(attrs, start, close_end if close is not None else -1, parent)
        element = _Element(name, start, parent)
        element.end = close_end
        element.explicit_end = close is not None
        parent.prev = element
        return close_end

    def implicit_closes(self, name: str, start: int) -> None:
        if name in ("li", "dd", "dt"):
            for other in ("li",) if name == "li" else ("dd", "dt"):
                index = self.last(other)
                if index and not (self.list_boundary and self.list_boundary[-1] > index):
                    self.pop_to(index, start, None)
        elif name in ("td", "th"):
            index = max(self.in_scope("td", _TABLE_SCOPE), self.in_scope("th", _TABLE_SCOPE))
            if index and index > self.last("tr"):
                self.pop_to(index, start, None)
        elif name == "tr":
            index = self.in_scope("tr", _TABLE_SCOPE)
            if index:
                self.pop_to(index, start, None)
        elif name == "button":
            index = self.in_scope("button", _SCOPE)
            if index:
                self.pop_to(index, start, None)
        if name in _CLOSES_P and not (name == "table" and self.quirks) and self.open.get("p"):
            index = self.in_scope("p", _BUTTON_SCOPE)
            if index:
                self.pop_to(index, start, None)
        if name in _HEADINGS and self.stack[-1].name in _HEADINGS:
            self.pop_to(len(self.stack) - 1, start, None)

    def classify(self, element: _Element, attrs: str, start: int, end: int) -> None:
        name = element.name
        parent = element.parent
        assert parent is not None
        if name in _SKIP:
            element.opaque = True
            return
        if start in self.excluded:
            self.excluded_seen.add(start)
            element.opaque = True
            return
        if name == "mjx-container":
            element.opaque = True
            if html5.lower(html5.attribute(attrs, "display") or "") == "true":
                element.unit = self.begin_unit(start, parent, mj2=False)
            else:
                self.inline += 1
            return
        if not attrs or engines.INTERESTING.search(attrs) is None:
            return
        classes = engines.classes(attrs)
        if not classes:
            return
        element.classes = classes
        kind = engines.classify(name, classes)
        if kind == engines.PLAIN:
            return
        element.opaque = True
        if kind == engines.EXISTING:
            self.existing += 1
        elif kind == engines.ARITHMATEX_SPAN:
            if engines.starts_display(self.html[end : end + 64]):
                element.unit = self.begin_unit(start, parent, mj2=False)
            else:
                self.inline += 1
        elif kind == engines.DISPLAY or kind == engines.DISPLAY_MJ2:
            element.unit = self.begin_unit(start, parent, mj2=kind == engines.DISPLAY_MJ2)
        elif kind == engines.INLINE:
            self.inline += 1

    def step_over(self, pos: int, end: int) -> int:
        """Paragraphs (headings, list items) without display math and arithmatex divs holding
        only text, one after the other from ``pos`` with only white space between them (see
        _inert), handled as the general path would handle them; returns where they stop.

        The caller has checked that no formatting element is to be recreated, that nothing
        open is opaque or foreign and that no tag is to be checked against a selector; none of
        that changes here."""
        html = self.html
        stack = self.stack
        match = inert.items(self.raw_tex).match
        while True:
            m = match(html, pos, end)
            if m is None:
                return pos
            pos = m.end()
            if m.lastindex == inert.BLOCK:
                # Closed as it opened: only its start tag's implied end tags, its inline math
                # and a previous sibling that is neither a preview nor an equation remain.
                at = m.start(1) - 1
                name = m.group(1)
                # (A <p> closes nothing but an open p.)
                if name != "p" or self.open.get("p"):
                    self.implicit_closes(name, at)
                self.inline += html.count(inert.INLINE_MATH, at, pos)
                stack[-1].prev = _PLAIN_SIBLING
            else:
                self.display_div(m.start(inert.DISPLAY_DIV), pos)

    def display_div(self, start: int, end: int) -> None:
        """A ``<div class="arithmatex">`` holding only text, ``html[start:end]``, handled as
        start_tag, classify and its end tag would handle it, without entering it."""
        depth = len(self.stack)
        # (A <div> closes nothing but an open p.)
        if self.open.get("p") and not self.open.get("select"):
            self.implicit_closes("div", start)
        self.closed_p = len(self.stack) < depth
        container = self.stack[-1]
        unit = self.begin_unit(start, container, mj2=False)
        if unit is not None:
            unit.end = end
            self.units.append(unit)
        # As a previous sibling it is neither a preview nor an equation a script could join.
        container.prev = _PLAIN_SIBLING

    def script(self, attrs: str, start: int, end: int, parent: _Element) -> None:
        kind = engines.math_script(html5.attribute(attrs, "type") or "")
        if kind == engines.INLINE:
            self.inline += 1
        if kind != engines.DISPLAY:
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
        unit = self.begin_unit(start, parent, mj2=False)
        if unit is not None:
            unit.end = end
            self.units.append(unit)

    def begin_unit(self, at: int, container: _Element, mj2: bool) -> Unit | None:
        """The display equation of an element starting at ``at`` in ``container``; None when it
        cannot be wrapped."""
        if container.name in _FOSTER:
            self.problems.append(
                f"display math directly inside <{container.name}> near {self.near(at)}"
            )
            return None
        start = at
        prev = container.prev
        if (
            prev is not None
            and "MathJax_Preview" in prev.classes
            and prev.explicit_end
            and not self.html[prev.end : start].strip()
        ):
            start = prev.start
        if self.open_pending_above(at):
            return None
        if container.phrasing and self.reconstruction_pending():
            # A span wrapper would recreate them around the equation, a div split the text.
            self.problems.append(
                f"display math after misnested formatting tags near {self.near(at)}"
            )
            return None
        return Unit(start, container.phrasing and not self.closed_p, mj2)

    def reconstruction_pending(self) -> bool:
        active = self.active
        return bool(active) and active[-1] is not None and not active[-1].on_stack

    def open_pending_above(self, at: int) -> bool:
        for element in self.stack:
            if element.pending is not None:
                self.problems.append(
                    f"display math inside unclosed {element.pending.delimiter} near {self.near(at)}"
                )
                element.pending = None
                return True
        return False

    # -- end tags ---------------------------------------------------------------------------

    def end_tag(self, name: str, start: int, end: int) -> None:
        top = self.stack[-1]
        # (Browsers now end foreign content at </p> and </br>, html5lib does not: either way
        # the scan stays in it, where nothing is wrapped.)
        if top.foreign:
            index = self.last(name)
            if index and index >= top.foreign_base:
                self.pop_to(index, start, end)
                return
        if name in _DROPPED or name == "br":
            return
        if self.open.get("select") and name not in ("select", "option", "optgroup"):
            # Inside a <select> a browser ignores every other end tag.
            return
        if name == "form":
            index = self.in_scope("form", _SCOPE)
            if not index:
                return
            # A browser closes the elements with implied end tags above the form, then takes
            # the form off its stack but leaves anything else above it open, inside it: for
            # where wrappers go, the form is then still open.
            while len(self.stack) - 1 > index and self.stack[-1].name in _IMPLIED_END:
                self.pop_to(len(self.stack) - 1, start, None)
            if len(self.stack) - 1 > index:
                return
        elif name == "p":
            index = self.in_scope("p", _BUTTON_SCOPE)
        elif name == "li":
            index = self.in_scope("li", _LIST_SCOPE)
        elif name in _HEADINGS:
            index = max(self.in_scope(h, _SCOPE) for h in _HEADINGS)
        elif name in _TABLE_PARTS:
            index = self.in_scope(name, _TABLE_SCOPE)
        elif name in _SPECIAL:
            index = self.in_scope(name, _SCOPE)
        else:
            index = self.last(name)
            if index and self.special and self.special[-1] > index:
                if name in _FORMATTING and not any(self.last(s) > index for s in _SCOPE):
                    self.adopt(index, start)
                else:
                    self.ignored_end(name, start)
                return
        if index:
            self.pop_to(index, start, end)
        else:
            self.ignored_end(name, start)

    def ignored_end(self, name: str, at: int) -> None:
        """An end tag the browser ignores here. Inside a wrapper of the same tag it would close
        the wrapper instead, so an equation it is part of is left unwrapped."""
        if name not in ("div", "span"):
            return
        span = name == "span"
        container = self.stack[-1]
        pending = container.pending
        if pending is not None and container.phrasing == span:
            self.problems.append(
                f"display math across a stray </{name}> near {self.near(pending.start)}"
            )
            container.pending = None
        for element in self.stack:
            if element.unit is not None and element.unit.span == span:
                self.problems.append(
                    f"display math holding a stray </{name}> near {self.near(element.start)}"
                )
                element.unit = None

    def adopt(self, index: int, at: int) -> None:
        """A formatting element closed with a block inside it: the browser moves that block
        out and its content into a copy of the formatting element (the "adoption agency")."""
        for element in self.stack[index + 1 :]:
            if element.unit is not None:
                self.problems.append(
                    f"<{element.name}> holding display math is cut by misnested markup"
                    f" near {self.near(at)}"
                )
                element.unit = None
            element.pending = None
        block = self.special[bisect_right(self.special, index)]
        self.pop_to(block + 1, at, None)
        element = self.stack[index]
        if element in self.active:
            self.active.remove(element)
        self.open[element.name].pop()
        element.name = "#adopted"
        adopted = self.open.setdefault(element.name, [])
        adopted.append(index)
        adopted.sort()

    # -- text -------------------------------------------------------------------------------

    def text(self, start: int, end: int) -> None:
        html = self.html
        container = self.stack[-1]
        pos = start
        pending = container.pending
        if pending is not None:
            close = rawtex.closer(pending, html, pos, end)
            if close is None:
                return
            container.pending = None
            self.raw_unit(container, pending.start, close)
            pos = close
        while True:
            found = rawtex.opener(html, pos, end)
            if found is None:
                return
            after = rawtex.after_opener(found)
            close = rawtex.closer(found, html, after, end)
            if close is None:
                container.pending = found
                return
            self.raw_unit(container, found.start, close)
            pos = close

    def raw_unit(self, container: _Element, start: int, end: int) -> None:
        if self.open_pending_above(start):
            return
        if container.name in _FOSTER:
            self.problems.append(
                f"display math directly inside <{container.name}> near {self.near(start)}"
            )
            return
        unit = Unit(start, container.phrasing)
        unit.end = end
        self.units.append(unit)

    # -- the loop ---------------------------------------------------------------------------

    def run(self, start: int, end: int) -> None:
        """Scan ``html[start:end]``, which must begin and end outside any tag."""
        html = self.html
        self.limit = end
        stack = self.stack
        pos = start
        search = html5.TOKEN.search
        raw_tex = self.raw_tex
        upper = html5.UPPER
        push = self.push
        # Elements a user selector excludes must go through classify to be recognised.
        fast = not self.excluded
        while True:
            m = search(html, pos, end)
            if m is None:
                if pos < end and self.active and not stack[-1].in_foreign:
                    self.reconstruct(pos)
                if raw_tex and self.opaque_at is None:
                    self.text(pos, end)
                break
            at = m.start()
            if at > pos:
                if self.active and not stack[-1].in_foreign:
                    self.reconstruct(pos)
                if raw_tex and self.opaque_at is None:
                    self.text(pos, at)
            kind = m.lastindex
            if kind == html5.START_TAG:
                name, attrs = m.group(2, 3)
                if not name.islower():
                    name = name.translate(upper)
                if name not in _GENERAL and not stack[-1].in_foreign:
                    # The common cases, handled here as start_tag would, without its checks.
                    if self.opaque_at is not None:
                        # (A tag that closes something may end the opaque element itself:
                        # start_tag sees it.)
                        if name not in _CLOSES_SOMETHING:
                            if self.active and name not in _NOT_RECONSTRUCTING:
                                self.reconstruct(at)
                            push(_Element(name, at, stack[-1]))
                            pos = m.end()
                            continue
                    elif fast and attrs == _ARITHMATEX_ATTRS and name == "span":
                        # Python-Markdown's inline math, two thirds of the math elements of
                        # a typical page: when only text follows up to its </span>, that is
                        # the whole element, handled here without entering it.
                        close = html.find("<", m.end(), end)
                        if (
                            close >= 0
                            and html.startswith("</span>", close, end)
                            and not engines.starts_display(html[m.end() : m.end() + 64])
                        ):
                            if self.active:
                                self.reconstruct(at)
                            # (Unless that recreated a <code> around it.)
                            if self.opaque_at is None:
                                self.inline += 1
                                stack[-1].prev = _PLAIN_SIBLING
                                pos = close + 7
                                continue
                    elif fast and attrs == _ARITHMATEX_ATTRS and name == "div":
                        # Its display math, and what follows it (formatting elements to
                        # recreate are left to the general path).
                        if not self.active:
                            after = self.step_over(at, end)
                            if after > at:
                                pos = after
                                continue
                    elif fast and (not attrs or engines.INTERESTING.search(attrs) is None):
                        if (
                            name in _INERT_BLOCKS
                            and not self.active
                            and self.misses.get(name, 0) < _MISSES
                        ):
                            # A paragraph (heading, list item) without display math, and
                            # what follows it.
                            after = self.step_over(at, end)
                            if after > at:
                                pos = after
                                continue
                            self.misses[name] = self.misses.get(name, 0) + 1
                        if name in _CLOSES_SOMETHING:
                            self.implicit_closes(name, at)
                        if self.active and name not in _NOT_RECONSTRUCTING:
                            self.reconstruct(at)
                        push(_Element(name, at, stack[-1]))
                        pos = m.end()
                        continue
                pos = self.start_tag(name, attrs, at, m.end())
                continue
            pos = m.end()
            if kind == html5.END_TAG:
                name = m.group(4)
                if not name.islower():
                    name = name.translate(upper)
                top = stack[-1]
                if top.name == name and len(stack) > 1 and not top.foreign:
                    # The common case, an end tag closing the current element.
                    self.pop()
                    top.end = pos
                    top.explicit_end = True
                    if self.active:
                        self.forget(top)
                    self.closed(top)
                else:
                    self.end_tag(name, at, pos)
            elif kind == html5.BOGUS:
                if stack[-1].in_foreign and html.startswith(_CDATA, at):
                    pos = html5.cdata_end(html, at + len(_CDATA), end)
            elif kind == html5.OPEN_TAG:
                # A tag that never ends: the rest of the region is inside it.
                pos = end
                break
        self.pop_to(1, end, None)


_ARITHMATEX_ATTRS = ' class="arithmatex"'
_INERT_BLOCKS = _names("p h1 h2 h3 h4 h5 h6 li dt dd")
_MISSES = 8
# Stands for any closed element that is neither a MathJax preview nor an equation its script
# could join, as the previous sibling of what follows.
_PLAIN_SIBLING = _Element("span", 0, None)


def _self_closing(attrs: str) -> bool:
    """Whether a start tag with attribute text ``attrs`` ends with "/>" (the "/" is not the
    end of an unquoted attribute value)."""
    if not attrs.endswith("/"):
        return False
    ends = [m.end() for m in html5.ATTRIBUTE.finditer(attrs)]
    return not ends or ends[-1] < len(attrs)


_NEAR_END = re.compile("<")


def near(html: str, at: int) -> str:
    """A short quote of ``html`` at ``at``, to find the spot in the page."""
    m = _NEAR_END.search(html, at + 1, at + 40)
    end = m.start() if m is not None else at + 40
    excerpt = " ".join(html[at:end].split())
    return repr(excerpt + ("…" if m is None and len(html) > end else ""))
