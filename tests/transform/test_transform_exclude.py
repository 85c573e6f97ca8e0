"""Math inside `.no-mathscale` or a user's `exclude` selectors is left exactly as it was."""

from __future__ import annotations

from mkdocs_mathscale.transform import transform

from .transform_helpers import render

EQUATION = "$$\nx^2\n$$"


def page(*blocks: str) -> str:
    return render("\n\n".join(blocks))


def test_no_mathscale_class_on_an_ancestor_excludes_its_math():
    html = page('<div class="no-mathscale" markdown="1">', EQUATION, "</div>", EQUATION)

    result = transform(html)

    assert result.equations == 1
    kept = html[: html.index("</div>\n</div>") + len("</div>\n</div>")]
    assert result.html.startswith(kept)


def test_no_mathscale_class_on_the_equation_itself_excludes_it():
    html = '<div class="arithmatex no-mathscale">\\[ x \\]</div>'

    assert transform(html).html == html


def test_user_selector_excludes_matching_subtrees_only():
    html = page('<div class="proof" markdown="1">', EQUATION, "</div>", EQUATION)

    result = transform(html, exclude=[".proof"])

    assert result.equations == 1
    assert result.html.index('class="proof"') < result.html.index('class="mathscale"')
    assert transform(html).equations == 2


def test_descendant_and_attribute_selectors_work():
    html = page(
        '<section data-kind="appendix" markdown="1">',
        '<div class="box" markdown="1">',
        EQUATION,
        "</div>",
        "</section>",
        '<div class="box" markdown="1">',
        EQUATION,
        "</div>",
    )

    result = transform(html, exclude=['section[data-kind="appendix"] .box'])

    assert result.equations == 1
    first, second = result.html.split('<div class="box">')[1:]
    assert "mathscale" not in first
    assert "mathscale" in second


def test_exclude_selector_can_name_the_equation_element():
    html = page(EQUATION, '<div id="keep" markdown="1">', EQUATION, "</div>")

    result = transform(html, exclude=["#keep > .arithmatex"])

    assert result.equations == 1
