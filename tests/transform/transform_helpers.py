"""Helpers shared by the transform tests: real Markdown rendering and HTML5 re-parsing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import html5lib
import markdown

from mkdocs_mathscale.transform import DIV_CLOSE, DIV_OPEN, SPAN_CLOSE, SPAN_OPEN

WRAPPER_FORMS = ((DIV_OPEN, DIV_CLOSE, "div"), (SPAN_OPEN, SPAN_CLOSE, "span"))

EXTENSIONS = [
    "admonition",
    "footnotes",
    "tables",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]


def render(source: str, *, generic: bool = True) -> str:
    """Markdown to HTML with pymdownx.arithmatex, as a MkDocs site would have it."""
    return markdown.markdown(
        source,
        extensions=[*EXTENSIONS, "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": generic}},
    )


def render_plain(source: str) -> str:
    """Markdown to HTML without arithmatex: TeX is left in the text for MathJax to find."""
    return markdown.markdown(source, extensions=EXTENSIONS)


def strip_wrappers(html: str) -> str:
    """The output with each wrapper pair the transform inserted cut out again."""
    while True:
        starts = [(html.find(o), o, c, t) for o, c, t in WRAPPER_FORMS if html.find(o) >= 0]
        if not starts:
            return html
        at, opener, closer, tag = min(starts)
        inside = at + len(opener)
        depth = 2
        for m in re.finditer(rf"<(/?){tag}\b[^>]*>", html[inside:]):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                end = inside + m.end()
                break
        else:
            raise AssertionError(f"wrapper at {at} is never closed")
        assert html[end - len(closer) : end] == closer
        html = html[:at] + html[inside : end - len(closer)] + html[end:]


def parse(html: str) -> ET.Element:
    """The DOM a browser builds from ``html`` (HTML5 tree construction)."""
    return html5lib.parse(html, namespaceHTMLElements=False, scripting=True)


def wrappers(tree: ET.Element) -> list[ET.Element]:
    return [e for e in tree.iter() if "mathscale" in (e.get("class") or "").split()]


def unwrap(tree: ET.Element) -> ET.Element:
    """Replace every wrapper pair in a parsed tree by its content (tails kept in place)."""
    parents = {child: parent for parent in tree.iter() for child in parent}
    for outer in wrappers(tree):
        (inner,) = list(outer)
        parent = parents[outer]
        index = list(parent).index(outer)
        children = list(inner)
        if inner.text:
            if index == 0:
                parent.text = (parent.text or "") + inner.text
            else:
                prev = parent[index - 1]
                prev.tail = (prev.tail or "") + inner.text
        parent.remove(outer)
        for offset, child in enumerate(children):
            parent.insert(index + offset, child)
        if outer.tail:
            if children:
                last = children[-1]
                last.tail = (last.tail or "") + outer.tail
            elif index == 0:
                parent.text = (parent.text or "") + outer.tail
            else:
                prev = parent[index - 1]
                prev.tail = (prev.tail or "") + outer.tail
        for child in children:
            parents[child] = parent
    return tree


def text_content(html: str) -> str:
    return "".join(parse(html).itertext())


def canonical(tree: ET.Element) -> str:
    return ET.tostring(tree, encoding="unicode")
