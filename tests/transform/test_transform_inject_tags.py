"""The asset tags written into <head>, and the runtime options they carry, cannot be broken out
of."""

from __future__ import annotations

import pytest
from transform_helpers import parse

from mkdocs_mathscale.inject import asset_tags, inject, option_attributes

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
