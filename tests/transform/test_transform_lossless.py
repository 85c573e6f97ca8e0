"""The transform only inserts wrapper tags: every other byte, and the text, stay as they were."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_mathscale.transform import transform

from .transform_helpers import canonical, parse, render, strip_wrappers, text_content, unwrap

SOURCE = textwrap.dedent(
    r"""
    # Title with `code` & <em>entities</em> &amp; &#x27;refs&#x27;

    Prose with<br>line breaks, <a href='single' title=unquoted>links</a> and &nbsp;spaces.

    $$
    \frac{a}{b} < c \quad \text{and} \quad d > e
    $$

    <!-- a comment with $$ x $$ and <div class="arithmatex"> inside -->

    ```tex
    $$ code $$
    ```

    - item with $x$
    - item

        \begin{align}
        a &= b
        \end{align}

    | a | b |
    |---|---|
    | $y$ | text |
    """
)


def test_output_minus_the_wrappers_is_the_input_byte_for_byte():
    html = render(SOURCE)

    result = transform(html)

    assert result.equations == 2
    assert strip_wrappers(result.html) == html


def test_text_content_is_unchanged():
    html = render(SOURCE)

    assert text_content(transform(html).html) == text_content(html)


def test_transform_is_idempotent():
    once = transform(render(SOURCE))

    twice = transform(once.html)

    assert twice.html == once.html
    assert twice.equations == once.equations == 2


def test_page_without_math_is_returned_unchanged():
    html = render("# Plain\n\nNo math, just a price of $5 and a [link](x.md).")

    result = transform(html)

    assert result.html is html
    assert (result.equations, result.inline, result.problems) == (0, 0, ())


def test_only_the_body_of_a_full_page_is_looked_at():
    head = '<head><script>window.cfg = "$$ x $$";</script><title>$$ t $$</title></head>'
    html = f"<!doctype html><html>{head}<body><div>$$ y $$</div></body></html>"

    result = transform(html)

    assert result.equations == 1
    assert result.html.startswith(f"<!doctype html><html>{head}<body>")


def test_content_hint_limits_scanning_to_the_content():
    content = render("$$\nx\n$$")
    nav = "<nav><ul><li><a href='a/'>A</a></li></ul></nav>"
    html = f"<html><body>{nav}<article>{content}</article></body></html>"

    result = transform(html, within=content)

    assert result.equations == 1
    assert strip_wrappers(result.html) == html


def test_math_outside_the_content_hint_is_still_wrapped():
    # Blog index pages: the excerpts are not part of the page's own content.
    content = render("Intro.")
    excerpt = render("$$\ny\n$$")
    html = f"<html><body><article>{content}</article><article>{excerpt}</article></body></html>"

    result = transform(html, within=content)

    assert result.equations == 1


OUTSIDE = [
    '<div class="arithmatex">\\[y\\]</div>',
    '<mjx-container class="MathJax" display="true">y</mjx-container>',
    '<div class="MathJax_Display"><span class="MJXc-display">y</span></div>',
    '<span class="katex-display"><span class="katex">y</span></span>',
]


@pytest.mark.parametrize("excerpt", OUTSIDE, ids=["arithmatex", "mjx", "mjxc", "katex"])
@pytest.mark.parametrize("before", [True, False])
def test_rendered_math_before_or_after_the_content_hint_is_still_wrapped(excerpt, before):
    content = "<p>Intro x X.</p>"
    parts = [f"<article>{excerpt}</article>", f"<article>{content}</article>"]
    html = f"<html><body>{''.join(parts if before else parts[::-1])}</body></html>"

    assert transform(html, within=content).equations == 1


def test_the_content_hint_is_found_after_a_copy_of_its_beginning():
    content = "<p>" + "x" * 100 + '</p><div class="arithmatex">\\[x\\]</div>'
    copy = content[:90]
    html = f"<html><body><pre>{copy}</pre><article>{content}</article></body></html>"

    result = transform(html, within=content)

    assert result.equations == 1
    assert result == transform(html)


def test_reparsed_output_is_the_input_tree_plus_wrappers():
    html = render(SOURCE)

    tree = unwrap(parse(transform(html).html))

    assert canonical(tree) == canonical(parse(html))


def test_raw_tex_outside_the_content_hint_is_still_wrapped():
    content = "<p>Intro.</p>"
    html = f"<html><body><article>{content}</article><div>$$ y $$</div></body></html>"

    assert transform(html, within=content).equations == 1
    assert transform(html, within=content, raw_tex=False).equations == 0
