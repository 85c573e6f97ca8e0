"""The scanner's shortcuts (ordinary elements, arithmatex elements holding only text, blocks
stepped over whole) give exactly what its general path gives.

With an ``exclude`` selector matching anything, every start tag goes through the general
path (it has to be checked against the selector), so the same page transformed with and
without such a selector must come out byte for byte the same.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_mathscale.transform import transform

# A marker element ahead of the page, so that the selector matches without touching any math.
MARKER = '<i id="general-path"></i>'
GENERAL = ["#general-path"]

TEX = st.sampled_from(["x^2", "\\frac{a}{b}", "a &amp; b", "\\alpha + \\beta"])
ATTRS = st.sampled_from(
    [
        "",
        "",
        "",
        ' class="md-nav__link"',
        ' id="a" title="x > y"',
        " hidden",
        ' data-x="/"',
        ' class="arithmatex"',
        ' class="MathJax_Preview"',
        ' class="katex"',
        ' class="no-mathscale"',
        " /",
        ' class="headerlink" href="#a" title="Permanent link"',
        ' href="https://katex.org/"',
        ' title="arithmatex"',
    ]
)
# Few enough names that tags often meet their own kind (implied ends, misnesting).
NAMES = st.sampled_from(
    ["p", "p", "li", "li", "ul", "div", "span", "td", "tr", "table", "dd", "svg", "pre", "br",
     "h2", "dt", "em", "b", "code", "a", "a"]
)  # fmt: skip


TEXT = st.sampled_from(
    ["x", "$$", "$$", "\\[", "\\]", "<!-- $$ -->", "<script>a<b</script>", "text ", "$", "\\",
     "\\begin{x}", "\\(", "a < b", "<br>"]
)  # fmt: skip
# What a paragraph, heading or list item is made of, for blocks often whole in one token.
INLINE = st.sampled_from(
    [
        "text ",
        "$",
        "$$",
        "\\",
        "\\[",
        "&amp;",
        "<br>",
        "<em>a</em>",
        "<code>$$</code>",
        "<em>",
        "</em>",
        "<code>",
        '<span class="arithmatex">\\(x\\)</span>',
        '<span class="arithmatex"> \\[x\\]</span>',
        '<a class="headerlink" href="#a" title="Permanent link">&para;</a>',
        '<a title="katex">x</a>',
        '<a class="arithmatex">\\[x\\]</a>',
        "<!-- x -->",
    ]
)


@st.composite
def block(draw) -> str:
    name = draw(st.sampled_from(["p", "p", "h2", "li", "dt"]))
    inner = "".join(draw(st.lists(INLINE, max_size=5)))
    close = draw(st.sampled_from([f"</{name}>", f"</{name}>", "</p>", ""]))
    return f"<{name}{draw(ATTRS)}>{inner}{close}"


@st.composite
def token(draw) -> str:
    kind = draw(
        st.sampled_from(["open", "open", "open", "close", "close", "text", "text", "math", "block"])
    )
    if kind == "block":
        return draw(block())
    if kind == "open":
        return f"<{draw(NAMES)}{draw(ATTRS)}>"
    if kind == "close":
        return f"</{draw(NAMES)}>"
    if kind == "text":
        return draw(TEXT)
    tex = draw(TEX)
    return draw(
        st.sampled_from(
            [
                f'<div class="arithmatex">\\[{tex}\\]</div>',
                f'<span class="arithmatex">\\[{tex}\\]</span>',
                f'<span class="arithmatex">\\({tex}\\)</span>',
                f"$${tex}$$",
                f"\\begin{{align}}{tex}\\end{{align}}",
                f'<script type="math/tex; mode=display">{tex}</script>',
                f'<mjx-container class="MathJax" display="true">{tex}</mjx-container>',
                f'<span class="katex-display"><span class="katex">{tex}</span></span>',
            ]
        )
    )


PAGE = st.lists(token(), min_size=1, max_size=30).map("".join)

settings.register_profile("fast-path", max_examples=1000, deadline=None)


@settings(settings.get_profile("fast-path"))
@given(PAGE, st.booleans())
def test_shortcut_and_general_path_give_the_same_result(body, raw_tex):
    html = MARKER + body

    assert transform(html, raw_tex=raw_tex) == transform(html, raw_tex=raw_tex, exclude=GENERAL)


# Blocks next to what stops them from being stepped over whole.
SHAPES = [
    '<p><code>x</p><p><span class="arithmatex">\\(y\\)</span></p>',
    "<p><code>x</p><p>y</p><p>$$z$$</p>",
    '<p><b>x</p><h2 id="a">y<a class="headerlink" href="#a">&para;</a></h2>',
    '<p>x<span class="arithmatex">\\[y\\]</span></p>',
    '<p>x <a class="arithmatex">\\[y\\]</a></p><p>$$z$$</p>',
    '<p>x <a title="no-mathscale">y</a> $$z$$</p>',
    "<p>a $$x$$ b</p><li>\\[y\\]</li><dt>\\begin{align}z\\end{align}</dt>",
    "<p>x<!-- $$ --></p>$$y$$",
    "<p>x</P>$$y$$<p>z",
    '<table><tr><td><p>x</p><div class="arithmatex">\\[y\\]</div></td></tr></table>',
    '<select><p>x</p></select><div class="arithmatex">\\[y\\]</div>',
    '<span class="MathJax_Preview">x</span><div class="arithmatex">\\[y\\]</div>',
    '<p>x<div class="arithmatex">\\[y\\]</div>z</p>',
    '<p><b>x<div class="arithmatex">\\[y\\]</div></b></p>',
    '<span class="MathJax_Preview">x</span><div class="arithmatex">\\[y\\]</div>\n'
    '<div class="arithmatex">\\[z\\]</div>',
    "<h2>a<h3>b</h3>$$x$$",
    "<dl><dt>a<dd>b</dd>$$x$$</dl>",
    '<p>a<div class="arithmatex">\\[x\\]</div>$$y$$',
]


@pytest.mark.parametrize("body", SHAPES)
@pytest.mark.parametrize("raw_tex", [False, True])
def test_shortcuts_stop_where_the_general_path_differs(body, raw_tex):
    html = MARKER + body

    assert transform(html, raw_tex=raw_tex) == transform(html, raw_tex=raw_tex, exclude=GENERAL)
