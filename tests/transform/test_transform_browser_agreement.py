"""Pages where the transform once read the HTML differently from a browser: each wrapper must go
exactly where the browser's tree has room for it, and nowhere else."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.transform import DIV_CLOSE, DIV_OPEN, SPAN_CLOSE, SPAN_OPEN, transform

from .transform_helpers import canonical, parse, unwrap, wrappers


def assert_browser_tree_unchanged(html: str, out: str) -> None:
    assert canonical(unwrap(parse(out))) == canonical(parse(html))


def test_tex_in_a_mathjax_preview_is_wrapped_once_with_its_script():
    html = (
        '<p><span class="MathJax_Preview">$$x$$</span>'
        '<script type="math/tex; mode=display">x</script></p>'
    )

    result = transform(html)

    assert result.html == f"<p>{SPAN_OPEN}{html[3:-4]}{SPAN_CLOSE}</p>"
    assert result.equations == 1
    assert result.html.count("$$x$$") == 1


def test_an_arithmatex_span_in_a_preview_does_not_duplicate_the_equation():
    html = (
        '<div><span class="MathJax_Preview"><span class="arithmatex">\\[x\\]</span></span>'
        '<script type="math/tex; mode=display">x</script></div>'
    )

    result = transform(html, raw_tex=False)

    assert result.html == f"<div>{DIV_OPEN}{html[5:-6]}{DIV_CLOSE}</div>"
    assert len(result.html) == len(html) + len(DIV_OPEN) + len(DIV_CLOSE)


def test_a_body_tag_inside_a_head_script_does_not_start_the_scan():
    html = (
        "<!DOCTYPE html><html><head><script>"
        "MathJax = {tex: {displayMath: [['$$', '$$']]}}; var t = '<body>';"
        "</script></head><body><p>$$x$$</p></body></html>"
    )

    result = transform(html)

    assert result.equations == 1
    assert "[['$$', '$$']]" in result.html
    assert f"<p>{SPAN_OPEN}$$x$${SPAN_CLOSE}</p>" in result.html


@pytest.mark.parametrize(
    "html",
    [
        "<pre>x</pre\xa0>$$y$$</pre>",
        "<pre>x</pre\u3000>$$y$$</pre>",
        "<textarea>x</textarea\xa0>$$y$$</textarea>",
        "<script>x</\u017fcript>$$y$$</script>",
        "<style>x</\u017ftyle>$$y$$</style>",
        "<xmp>x</xmp\u2003>$$y$$</xmp>",
    ],
    ids=["pre-nbsp", "pre-ideographic", "textarea-nbsp", "long-s-script", "long-s-style", "xmp"],
)
def test_only_ascii_case_and_html_whitespace_make_an_end_tag(html):
    result = transform(f"<div>{html}</div>")

    assert result.html == f"<div>{html}</div>"
    assert result.equations == 0


def test_an_end_tag_with_html_whitespace_and_capitals_does_end_a_script():
    html = "<div><script>x</SCRIPT\t>$$y$$</div>"

    result = transform(html)

    assert result.html == f"<div><script>x</SCRIPT\t>{DIV_OPEN}$$y$${DIV_CLOSE}</div>"


def test_a_script_end_tag_hidden_by_an_escaped_script_start_does_not_end_it():
    html = "<div><script><!--<script></script>$$y$$</script>--></script></div>"

    assert transform(html).html == html


@pytest.mark.parametrize(
    "html",
    [
        "<span><pre>x</span>$$y$$</pre>",
        "<pre>x</body>$$y$$</pre>",
        "<pre>x</html>$$y$$</pre>",
        "<pre><em>x</span>$$y$$</em></pre>",
        "<pre>x</td>$$y$$</pre>",
        "<ul><li><code>x</li>$$y$$</code></li></ul>",
    ],
    ids=["span-over-pre", "body-end", "html-end", "stray-span", "stray-cell", "li-over-code"],
)
def test_end_tags_the_tree_builder_ignores_keep_code_closed_to_math(html):
    page = f"<div>{html}</div>"

    result = transform(page)

    assert result.html == page
    assert not wrappers(parse(result.html))


@pytest.mark.parametrize(
    "comment",
    ["<!-->", "<!--->", "<!--x--!>", "<!-- x -->"],
    ids=["abrupt", "abrupt-dash", "bang", "ordinary"],
)
def test_comments_end_where_html5_ends_them_for_exclude_selectors_too(comment):
    html = f'{comment}<div class="private">$$x$$</div><p>$$y$$</p><!-- z -->'

    result = transform(html, exclude=[".private"])

    assert result.html == (
        f'{comment}<div class="private">$$x$$</div><p>{SPAN_OPEN}$$y$${SPAN_CLOSE}</p><!-- z -->'
    )
    assert result.problems == ()


@pytest.mark.parametrize(
    "bogus",
    ["</ $$x$$ >", "<! $$x$$ >", "<? $$x$$ ?>", "</3 $$x$$>"],
    ids=["end-tag-space", "bang", "question", "end-tag-digit"],
)
def test_nothing_is_wrapped_inside_a_bogus_comment(bogus):
    html = f"<div>{bogus}</div>"

    result = transform(html)

    assert result.html == html
    assert parse(html).find(".//div").text is None


def test_a_formatting_tag_closed_early_and_recreated_keeps_its_paragraph_whole():
    html = '<p><em>a</p><span class="arithmatex">\\[x\\]</span>tail<p>next</p>'

    result = transform(html)

    assert result.equations == 1
    assert_browser_tree_unchanged(html, result.html)


def test_a_div_wrapper_never_splits_a_paragraph_a_browser_keeps_whole():
    html = "<p>Before <b>$$x$$</b> after</p>"

    result = transform(html)

    assert result.html == f"<p>Before <b>{SPAN_OPEN}$$x$${SPAN_CLOSE}</b> after</p>"
    assert len(parse(result.html).findall(".//p")) == 1


def test_math_in_foreign_content_cdata_is_left_alone():
    html = "<div><svg><![CDATA[ </svg> $$x$$ ]]></svg></div>"

    assert transform(html).html == html


def test_text_after_code_closed_by_its_own_end_tag_is_prose_again():
    # </code> closes the <em> inside it too; the browser recreates the <em> outside the code.
    html = "<div><code><em>x</code>$$y$$</em></code></div>"

    result = transform(html)

    assert result.equations == 1
    assert_browser_tree_unchanged(html, result.html)
    assert parse(result.html).find(".//code").findall(".//span") == []


def test_a_tag_that_never_ends_holds_the_rest_of_the_page():
    html = '<div>$$a$$</div><p><a title="' + "x" * 10_000 + " $$b$$"

    result = transform(html)

    assert result.equations == 1
    assert result.html == f"<div>{DIV_OPEN}$$a$${DIV_CLOSE}</div>" + html[16:]


def test_a_stray_paragraph_end_in_svg_keeps_what_follows_unwrapped():
    # Browsers leave the SVG at </p>, html5lib does not: nothing there is wrapped either way.
    html = '<svg></p><mjx-container class="MathJax" display="true">x</mjx-container></svg>'

    assert transform(html).html == html


def test_table_tags_outside_a_table_are_dropped_as_a_browser_drops_them():
    html = '<tr><code></tr><div class="arithmatex">\\[x\\]</div></code>'

    assert transform(html).html == html


def test_nothing_inside_a_template_is_wrapped():
    html = '<template><p>$$x$$</p><div class="arithmatex">\\[y\\]</div></template>'

    assert transform(html).html == html


def test_end_tags_inside_a_select_are_ignored_as_a_browser_ignores_them():
    html = '<p><select></p><div class="arithmatex">\\[x\\]</div>'

    assert transform(html).html == html


def test_code_closed_early_inside_an_option_is_recreated_as_code():
    html = '<p><option><code></p><span><div class="arithmatex">\\[x\\]</div></span>'

    result = transform(html)

    assert result.html == html


def test_a_font_tag_in_svg_stays_svg_unless_it_has_color_face_or_size():
    # Fuzz finding: only <font color|face|size> leaves foreign content; <font class> is SVG.
    inside = "<div><svg><font class=x>$$x$$</font></svg></div>"
    breaks_out = "<div><svg><font SIZE=3>$$x$$</font></svg></div>"

    assert transform(inside).html == inside
    result = transform(breaks_out)
    assert result.equations == 1
    assert_browser_tree_unchanged(breaks_out, result.html)


@pytest.mark.parametrize(
    "html",
    [
        "<div>$$x</div>$$</div>",
        "<li><span class=arithmatex>\\[x</div>\\]</span></li>",
        "<span><p>$$x</span>$$</p></span>",
    ],
    ids=["raw TeX", "arithmatex span in a list item", "raw TeX in a paragraph"],
)
def test_an_ignored_end_tag_that_would_close_the_wrapper_leaves_the_equation_unwrapped(html):
    # Fuzz finding ($$</div>$$): the browser ignores the end tag in the page, but inside a
    # wrapper of that tag it would end the wrapper and split the equation.
    result = transform(html)

    assert result.html == html
    assert result.equations == 0
    assert len(result.problems) == 1 and "stray" in result.problems[0]


def test_an_ignored_end_tag_of_another_name_than_the_wrapper_changes_nothing():
    html = '<div><div class="arithmatex">\\[x</span>\\]</div></div>'

    result = transform(html)

    assert result.equations == 1
    assert_browser_tree_unchanged(html, result.html)


def test_a_body_tag_in_mathml_leaves_foreign_content_before_it_is_dropped():
    # Fuzz finding: after <math><body> the page is HTML again, so this <script> is raw text
    # that runs to the end of the page, and nothing after it is wrapped.
    html = '<p><math><body><script>x</script\u3000><div class="MathJax_Display">y</div></p>'

    assert transform(html).html == html


def test_table_tags_in_svg_are_svg_elements():
    html = "<div><svg><td>$$x$$</td></svg></div>"

    assert transform(html).html == html


def test_a_form_straight_inside_a_table_holds_nothing():
    # Fuzz finding: the browser closes such a <form> at once, so the math script after it is
    # the table's child, where a wrapper would be moved out of the table.
    html = '<table><form><script type="math/tex; mode=display">x</script></table>'

    result = transform(html)

    assert result.html == html
    assert result.equations == 0


@pytest.mark.parametrize("preview", ['class="MathJax_Preview"', 'class="arithmatex"'])
def test_a_block_ends_a_paragraph_whose_content_is_not_looked_at(preview):
    # Fuzz finding: <pre> ends the <p> before it even when the transform skips the <p>'s
    # content (a MathJax preview, inline math), so the equation after </p> is in the <pre>.
    html = f'<p {preview}><pre></p><div class="arithmatex">\\[x\\]</div></pre>'

    result = transform(html)

    assert result.html == html
    assert result.equations == 0


def test_a_div_ends_a_preview_paragraph_and_the_equation_after_it_is_wrapped_once():
    html = '<p class="MathJax_Preview"><div></p><div class="arithmatex">\\[x\\]</div></div>'

    result = transform(html)

    assert result.equations == 1
    assert_browser_tree_unchanged(html, result.html)


@pytest.mark.parametrize("math", ['<span class="arithmatex">\\[x\\]</span>', "$$x$$"])
def test_math_after_code_cut_by_a_paragraph_end_is_code_again(math):
    # Fuzz finding: </p> ends the <code> too, but the browser recreates it for what follows.
    html = f"<p><code></p>{math}</code>"

    result = transform(html)

    assert result.html == html
    assert result.equations == 0
