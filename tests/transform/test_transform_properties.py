"""Properties that hold for any document: random mixes of prose, code, math and markup."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_mathscale.transform import transform

from .transform_helpers import canonical, parse, strip_wrappers, text_content, unwrap, wrappers

WORDS = st.sampled_from(
    ["energy", "is", "the", "$", "$$", "\\[", "\\]", "\\(", "x", "&amp;", "&lt;", "a_1", "[", "]"]
)
TEX = st.lists(
    st.sampled_from(["x", "y^2", "+", "=", "\\frac{a}{b}", "&amp;", "\\\\", "{", "}", "\\alpha"]),
    min_size=1,
    max_size=6,
).map(" ".join)
PROSE = st.lists(WORDS, max_size=8).map(" ".join)


@st.composite
def inline(draw) -> str:
    kind = draw(st.sampled_from(["text", "em", "code", "br", "inline-math", "raw-display"]))
    if kind == "text":
        return draw(PROSE)
    if kind == "em":
        return f"<em>{draw(PROSE)}</em>"
    if kind == "code":
        return f"<code>{draw(PROSE)} $$ {draw(TEX)} $$</code>"
    if kind == "br":
        return "<br>"
    if kind == "inline-math":
        return f'<span class="arithmatex">\\({draw(TEX)}\\)</span>'
    opener, closer = draw(st.sampled_from([("$$", "$$"), ("\\[", "\\]")]))
    return f"{opener} {draw(TEX)} {closer}"


PARAGRAPH = st.lists(inline(), min_size=1, max_size=5).map(
    lambda parts: f"<p>{' '.join(parts)}</p>"
)


def blocks(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        PARAGRAPH,
        TEX.map(lambda t: f'<div class="arithmatex">\\[{t}\\]</div>'),
        TEX.map(lambda t: f"<pre><code>$$ {t} $$\n\\begin{{align}}{t}\\end{{align}}</code></pre>"),
        TEX.map(lambda t: f"<!-- $$ {t} $$ -->"),
        TEX.map(lambda t: f"<div>\\begin{{equation}}{t}\\end{{equation}}</div>"),
        inner.map(lambda b: f"<blockquote>{b}</blockquote>"),
        st.lists(inner, min_size=1, max_size=3).map(
            lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        ),
        inner.map(lambda b: f'<div class="admonition note">{b}</div>'),
        inner.map(lambda b: f'<div class="no-mathscale">{b}</div>'),
    )


BLOCK = st.recursive(PARAGRAPH, blocks, max_leaves=8)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=5).map("\n".join)
CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>|<!--.*?-->", re.S)

settings.register_profile("transform", max_examples=150, deadline=None)
settings.load_profile("transform")


@given(DOCUMENT)
def test_only_wrapper_tags_are_added(html):
    assert strip_wrappers(transform(html).html) == html


@given(DOCUMENT)
def test_text_content_is_preserved(html):
    assert text_content(transform(html).html) == text_content(html)


@given(DOCUMENT)
def test_transform_is_idempotent(html):
    once = transform(html)
    twice = transform(once.html)
    assert twice.html == once.html
    assert twice.equations == once.equations


@given(DOCUMENT)
def test_code_and_comments_are_untouched(html):
    out = transform(html).html
    assert CODE.findall(out) == CODE.findall(html)


@given(DOCUMENT)
def test_browser_tree_is_the_input_tree_plus_wrappers(html):
    out = transform(html).html
    assert canonical(unwrap(parse(out))) == canonical(parse(html))


@given(DOCUMENT)
def test_wrappers_are_never_nested_and_each_holds_one_inner(html):
    result = transform(html)
    found = wrappers(parse(result.html))
    assert len(found) == result.equations
    for wrapper in found:
        (inner,) = list(wrapper)
        assert inner.get("class") == "mathscale-inner"
        assert not wrappers(inner)
