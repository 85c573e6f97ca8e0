"""The asset tags written into <head>, and the runtime options they carry, cannot be broken out
of."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.inject import asset_tags, has_assets, inject, option_attributes
from mkdocs_mathscale.transform import transform

from .transform_helpers import parse

HOSTILE = [
    "</script><script>alert(1)</script>",
    '" onload="alert(1)',
    "<!--",
    "<!-- <script>",
    "a & b > c",
    "line\u2028separator",
    "'single'",
]


def test_options_become_data_attributes_named_like_the_config():
    assert option_attributes({"min_scale": 0.75, "zoom": False}) == (
        ' data-min-scale="0.75" data-zoom="false"'
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_an_option_value_survives_html_parsing_intact(value):
    page = "<html><head><title>t</title></head><body><p id='after'>after</p></body></html>"
    tags = asset_tags("a.css", "a.js", option_attributes({"label": value}))

    tree = parse(inject(page, tags))

    scripts = [e for e in tree.iter("script") if e.get("src")]
    assert [(e.get("src"), e.get("data-label")) for e in scripts] == [("a.js", value)]
    assert tree.find(".//p[@id='after']") is not None


def test_tags_go_at_the_end_of_head_in_contract_order():
    page = "<html><head><title>t</title></head><body></body></html>"

    out = inject(page, asset_tags("../x.css?v=1", "../x.js?v=1", ' data-zoom="true"'))

    assert out == (
        "<html><head><title>t</title>"
        '<link rel="stylesheet" href="../x.css?v=1">'
        '<script defer id="mathscale-js" src="../x.js?v=1" data-zoom="true"></script>'
        "</head><body></body></html>"
    )


def test_without_a_head_the_tags_go_where_the_implied_head_ends():
    out = inject('<body class="x"><p>a</p></body>', asset_tags("x.css", None))

    assert out == '<link rel="stylesheet" href="x.css"><body class="x"><p>a</p></body>'
    assert [e.tag for e in parse(out).find("head")] == ["link"]


def test_urls_are_attribute_escaped():
    tags = asset_tags('a".css', "b&c.js")

    assert 'href="a&quot;.css"' in tags
    assert 'src="b&amp;c.js"' in tags


TAGS = asset_tags("m.css", "m.js")


def head_of(html: str) -> list[str]:
    return [e.tag for e in parse(html).find("head")]


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title>The `&lt;/head&gt;` tag</title></head><body></body>",
        "<!DOCTYPE html><html><head><title>The </head> tag</title></head><body></body>",
        '<!DOCTYPE html><html><head><meta name="description" content="Why </head> matters">'
        "</head><body></body>",
        "<!DOCTYPE html><html><head><script>document.write('</head>');</script></head><body>",
        "<!DOCTYPE html><html><head><!-- </head> --></head><body></body>",
        "<!DOCTYPE html><html><head><style>a::after { content: '</head>' }</style></head><body>",
    ],
    ids=["escaped-title", "title", "attribute", "script", "comment", "style"],
)
def test_tags_go_before_the_head_end_a_browser_sees(page):
    out = inject(page, TAGS)

    tree = parse(out)
    assert head_of(out)[-2:] == ["link", "script"]
    assert tree.find(".//head/script[@id='mathscale-js']").get("src") == "m.js"
    assert out.replace(TAGS, "") == page
    before = [e.text for e in parse(page).iter() if e.tag in ("title", "script", "style")]
    after = [e.text for e in tree.iter() if e.tag in ("title", "script", "style") and e.text]
    assert [t for t in before if t] == after


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><title>t</title><p>text</p>",
        "<!DOCTYPE html>\n<meta charset=utf-8>\nHello",
        "<!DOCTYPE html><html><p>x</p></html>",
        "<!DOCTYPE html>",
    ],
    ids=["no-head-no-body", "text-starts-the-body", "html-only", "doctype-only"],
)
def test_without_head_and_body_tags_the_tags_go_where_the_implied_head_ends(page):
    out = inject(page, TAGS)

    assert out.startswith("<!DOCTYPE html>")
    assert head_of(out)[-2:] == ["link", "script"]
    assert out.replace(TAGS, "") == page


def test_a_page_quoting_the_script_id_in_its_text_still_gets_the_assets():
    page = (
        "<html><head><title>t</title></head><body>"
        '<p>The plugin adds <code>&lt;script id="mathscale-js"&gt;</code> and'
        ' in a comment: <!-- <script id="mathscale-js"> -->'
        '<textarea><script id="mathscale-js"></textarea></p></body></html>'
    )

    assert not has_assets(page)
    assert has_assets(inject(page, TAGS))


def test_a_theme_override_that_adds_the_script_is_recognised():
    page = (
        "<html><head><script defer src='x.js' ID=mathscale-js></script></head><body></body></html>"
    )

    assert has_assets(page)


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title>The </head> tag</title></head>"
        '<body><div class="arithmatex">\\[x\\]</div></body>',
        '<!DOCTYPE html><title>t</title><p>$$x$$</p><div class="arithmatex">\\[y\\]</div>',
        "<!DOCTYPE html><html><head></head><body><p>No math here.</p></body>",
    ],
    ids=["head-with-math", "implied-head-with-math", "no-math"],
)
def test_the_head_end_transform_reports_is_where_inject_would_find_it(page):
    # The plugin passes it on rather than reading the head of every page twice.
    result = transform(page)

    assert inject(result.html, TAGS, result.head_end) == inject(result.html, TAGS)
