"""The runtime options and asset tags written into <head> cannot be broken out of."""

from __future__ import annotations

import json

import pytest
from transform_helpers import parse

from mkdocs_mathscale.inject import asset_tags, config_json, inject

HOSTILE = [
    "</script><script>alert(1)</script>",
    '" onload="alert(1)',
    "<!--",
    "<!-- <script>",
    "a & b > c",
    "line\u2028separator",
    "'single'",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_config_json_round_trips_and_holds_no_markup_characters(value):
    text = config_json({"minScale": 0.6, "zoom": True, "label": value})

    assert json.loads(text)["label"] == value
    assert not {"<", ">", "&"} & set(text)


@pytest.mark.parametrize("value", HOSTILE)
def test_config_script_element_survives_html_parsing_intact(value):
    options = config_json({"label": value})
    page = "<html><head><title>t</title></head><body><p id='after'>after</p></body></html>"

    tree = parse(inject(page, asset_tags("a.css", "a.js", options)))

    scripts = [e for e in tree.iter("script") if e.get("id") == "mathscale-config"]
    assert len(scripts) == 1
    assert json.loads(scripts[0].text)["label"] == value
    assert [e.get("src") for e in tree.iter("script") if e.get("src")] == ["a.js"]
    assert tree.find(".//p[@id='after']") is not None


def test_tags_go_at_the_end_of_head_in_contract_order():
    page = "<html><head><title>t</title></head><body></body></html>"

    out = inject(page, asset_tags("../x.css?v=1", "../x.js?v=1", "{}"))

    assert out == (
        "<html><head><title>t</title>"
        '<link rel="stylesheet" href="../x.css?v=1">'
        '<script type="application/json" id="mathscale-config">{}</script>'
        '<script defer src="../x.js?v=1"></script>'
        "</head><body></body></html>"
    )


def test_without_a_head_the_tags_open_the_body():
    out = inject('<body class="x"><p>a</p></body>', asset_tags("x.css", None, None))

    assert out == '<body class="x"><link rel="stylesheet" href="x.css"><p>a</p></body>'


def test_urls_are_attribute_escaped():
    tags = asset_tags('a".css', "b&c.js", "{}")

    assert 'href="a&quot;.css"' in tags
    assert 'src="b&amp;c.js"' in tags
