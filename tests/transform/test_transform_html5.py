"""A browser's HTML5 parser builds exactly the tree the transform meant: no repaired nesting."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.transform import transform

from .transform_helpers import canonical, parse, render, unwrap, wrappers

CASES = {
    # html, tag of the element the wrapper must sit in, wrapper tag
    "paragraph": ("<p>Thus $$ x = 1 $$ holds.</p>", "p", "span"),
    "heading": ("<h2>Result \\[ x \\]</h2>", "h2", "span"),
    "link": ('<div><a href="#eq">$$ x $$</a></div>', "a", "span"),
    "emphasis in list item": ("<ul><li><em>$$ x $$</em></li></ul>", "em", "span"),
    "list item": ("<ul><li>$$ x $$</li></ul>", "li", "div"),
    "definition term": ("<dl><dt>$$ x $$</dt><dd>$$ y $$</dd></dl>", "dt", "span"),
    "summary": ("<details><summary>$$ x $$</summary>text</details>", "summary", "span"),
    "table cell": ("<table><tr><td>$$ x $$</td></tr></table>", "td", "div"),
    "katex in paragraph": (
        '<p><span class="katex-display"><span class="katex">x</span></span></p>',
        "p",
        "span",
    ),
    "paragraph closed by a div": (
        '<p>Text<div class="arithmatex">\\[ x \\]</div>tail</p>',
        "body",
        "div",
    ),
}


@pytest.mark.parametrize(("html", "parent", "tag"), CASES.values(), ids=CASES.keys())
def test_wrapper_stays_where_it_was_written(html, parent, tag):
    out = transform(html).html
    tree = parse(out)
    parents = {child: p for p in tree.iter() for child in p}

    first = wrappers(tree)[0]

    assert first.tag == tag
    assert parents[first].tag == parent
    assert canonical(unwrap(parse(out))) == canonical(parse(html))


def test_arithmatex_page_reparses_to_the_same_tree_plus_wrappers():
    html = render(
        "Intro $a$.\n\n$$\nx\n$$\n\n> quote\n>\n> \\[ y \\]\n\n- item\n\n    $$\n    z\n    $$\n"
    )

    out = transform(html).html

    assert len(wrappers(parse(out))) == 3
    assert canonical(unwrap(parse(out))) == canonical(parse(html))
