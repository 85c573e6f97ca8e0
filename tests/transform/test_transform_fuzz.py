"""Differential fuzzing against html5lib: on random, often broken HTML the transform adds
wrappers and nothing else a browser would see.

The grammar mixes ordinary markup with the shapes browsers read in surprising ways: misnested
and stray end tags, HTML5 comment forms, bogus comments, raw text end tags that only look like
one, unterminated tags, foreign content and every kind of math the transform wraps. For each
document, with html5lib (an HTML5 tree builder) as the reference:

- the tree of the output without its wrappers is the tree of the input;
- every wrapper the transform counts is an element in that tree (none ended up as text, inside
  a comment, a script or an attribute), none is inside code, preformatted text or foreign
  content, and none is inside another.

(``<template>`` is not in the grammar: html5lib leaves a template open at ``</template>`` when
a ``<p>`` inside it is open, and carries formatting elements out of it, where browsers do
neither; the transform never wraps anything inside a template. And a document html5lib itself
cannot parse is not an example: it fails an internal assertion on an ``html`` element inside
SVG inside a table, ``<table><svg><html>``, which browsers parse. Nor is one where html5lib
builds another tree than browsers do (Chromium 156, tests/browser/test_html5lib_differs.py):
it drops a ``<button>`` reopened in a table, and it ignores the raw-text elements a
``<select>`` now keeps, as the HTML standard's customizable select does.)

A paragraph split by a wrapper (a ``<div>`` a browser would move out of a ``<p>``) changes the
tree, so the first property catches it.

Examples per run: ``MATHSCALE_FUZZ_EXAMPLES`` (default 2,000; the nightly profile,
``MATHSCALE_FUZZ=nightly``, runs 50,000).
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from mkdocs_mathscale.transform import transform

from .transform_helpers import canonical, parse, unwrap, wrappers

_NIGHTLY = os.environ.get("MATHSCALE_FUZZ") == "nightly"
EXAMPLES = int(os.environ.get("MATHSCALE_FUZZ_EXAMPLES", "50000" if _NIGHTLY else "2000"))
settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NAMES = [
    "p", "p", "div", "div", "span", "span", "em", "b", "a", "code", "pre", "li", "ul", "ol",
    "table", "tr", "td", "th", "tbody", "h1", "h2", "blockquote", "dl", "dt", "dd", "button",
    "details", "summary", "section", "svg", "math", "foreignObject", "mi", "g", "select",
    "option", "kbd", "font", "nobr", "form", "caption", "body", "html", "head",
]  # fmt: skip
ATTRS = [
    "", "", "", "", ' class="x"', ' title="a > b"', " title='$$x$$'", ' data-x="</p>"',
    " hidden", " a=b/", ' b"c=d', " =x", ' class="arithmatex"', ' class="no-mathscale"',
    ' class="MathJax_Preview"', " /", ' id="mathscale-js"', " color=red",
]  # fmt: skip
TEX = ["x", "x^2", "\\frac{a}{b}", "a &amp; b", "a<b", "\\alpha"]
RAW = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed"]
RAW_CLOSE = [
    "</{0}>", "</{0} >", "</{0}\t>", "</{0}/>", "</{1}>", "</{0}\xa0>", "</{0}\u3000>",
    "</{2}>", '</{0} a=">">', "</{0}", "</{0} ",
]  # fmt: skip
TEXT = [
    "x", "text ", " ", "\n", "$$", "$$", "\\[", "\\]", "\\$$", "$", "&lt;", "<", "< b", "&",
    "<!-->", "<!--->", "<!--x--!>", "<!-- $$y$$ -->", "<!--", "<!x $$ >", "<?x $$ ?>",
    "</ $$x$$ >", "</>", "</3>", "<![CDATA[ $$x$$ ]]>", "<a title=\"", "<b",
]  # fmt: skip


@st.composite
def raw_text(draw) -> str:
    name = draw(st.sampled_from(RAW))
    odd = name.replace("s", "\u017f").replace("k", "\u212a")
    close = draw(st.sampled_from(RAW_CLOSE)).format(name, name.upper(), odd)
    inner = draw(st.sampled_from(["", "$$x$$", "<!--", "<!-- <script>", "-->", "</p>", "<body>"]))
    return f"<{name}>{inner}{close}"


@st.composite
def math(draw) -> str:
    tex = draw(st.sampled_from(TEX))
    return draw(
        st.sampled_from(
            [
                f'<div class="arithmatex">\\[{tex}\\]</div>',
                f'<span class="arithmatex">\\[{tex}\\]</span>',
                f'<span class="arithmatex">\\({tex}\\)</span>',
                f"$${tex}$$",
                f"\\[{tex}\\]",
                f"\\begin{{align}}{tex}\\end{{align}}",
                f'<script type="math/tex; mode=display">{tex}</script>',
                f'<span class="MathJax_Preview">$${tex}$$</span>'
                f'<script type="math/tex; mode=display">{tex}</script>',
                f'<div class="MathJax_Display">{tex}</div>'
                f'<script type="math/tex; mode=display">{tex}</script>',
                f'<mjx-container class="MathJax" display="true">{tex}</mjx-container>',
                f'<span class="katex-display"><span class="katex">{tex}</span></span>',
            ]
        )
    )


@st.composite
def token(draw) -> str:
    kind = draw(
        st.sampled_from(["open", "open", "open", "close", "close", "text", "text", "raw", "math"])
    )
    if kind == "open":
        return f"<{draw(st.sampled_from(NAMES))}{draw(st.sampled_from(ATTRS))}>"
    if kind == "close":
        return f"</{draw(st.sampled_from(NAMES))}>"
    if kind == "text":
        return draw(st.sampled_from(TEXT))
    if kind == "raw":
        return draw(raw_text())
    return draw(math())


PREFIX = st.sampled_from(
    [
        "",
        "<!DOCTYPE html>",
        "<!DOCTYPE html><html><head><title>t</title></head><body>",
        "<!DOCTYPE html><head><script>var s = '<body>$$x$$';</script></head><body>",
    ]
)
DOCUMENT = st.tuples(PREFIX, st.lists(token(), min_size=1, max_size=25).map("".join)).map("".join)
# Wrappers must never be inside these (code, preformatted text, foreign content).
NOT_INSIDE = {"pre", "code", "kbd", "samp", "listing"}


# Where html5lib is not the reference (see above): a second <button> in a table, and a raw-text
# element after a <select> (textarea closes the select, script is a script in both).
_NOT_LIKE_A_BROWSER = re.compile(
    r"<table\b.*<button\b.*<button\b|<select\b.*<(?:style|xmp|noscript|iframe|noembed|title)\b",
    re.I | re.S,
)


@settings(settings.get_profile("fuzz"))
@given(DOCUMENT, st.booleans())
def test_the_browser_sees_the_input_tree_plus_wrappers_only_where_allowed(html, raw_tex):
    if _NOT_LIKE_A_BROWSER.search(html):
        reject()
    try:
        reference = parse(html)
    except AssertionError:
        reject()  # html5lib's own limit (see above)
    result = transform(html, raw_tex=raw_tex)
    out = parse(result.html)
    parents = {child: parent for parent in out.iter() for child in parent}

    found = wrappers(out)
    assert len(found) == result.equations
    for wrapper in found:
        (inner,) = list(wrapper)
        assert inner.get("class") == "mathscale-inner"
        assert not wrappers(inner)
        node = wrapper
        while node in parents:
            node = parents[node]
            assert node.tag not in NOT_INSIDE, node.tag
            assert not node.tag.startswith("{"), node.tag
    assert canonical(unwrap(out)) == canonical(reference)
