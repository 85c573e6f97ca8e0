"""What the plugin tells the user: one summary line, per-page debug lines, warnings naming pages."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

from .build_helpers import parse, read, wrappers

LOGGER = "mkdocs.plugins.mkdocs_mathscale"


def plugin_records(caplog, level):
    return [r for r in caplog.records if r.name.startswith(LOGGER) and r.levelno == level]


def math_site(site):
    return (
        site()
        .page("index.md", "# Home\n\n$$\na\n$$\n\n$$\nb\n$$\n")
        .page("plain.md", "# Plain\n")
        .page("out.md", "---\nmathscale: false\n---\n# Out\n\n$$\nc\n$$\n")
    )


def test_one_info_line_sums_up_the_build(site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")

    math_site(site).build()

    (summary,) = plugin_records(caplog, logging.INFO)
    assert summary.getMessage().endswith(
        "pages: 3, display equations wrapped: 2, pages opted out: 1"
    )


def test_each_page_gets_a_debug_line(site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")

    math_site(site).build()

    lines = [r.getMessage() for r in plugin_records(caplog, logging.DEBUG)]
    assert any("index.md: 2 display equation(s)" in line for line in lines)
    assert any("plain.md: 0 display equation(s)" in line for line in lines)
    assert any("out.md: opted out" in line for line in lines)


def test_valid_site_gives_no_plugin_warning_under_strict(site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")

    math_site(site).build()

    assert plugin_records(caplog, logging.WARNING) == []


def test_prose_with_a_lone_dollar_pair_builds_strict_without_a_warning(site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")
    s = site(markdown_extensions=[])
    s.page("index.md", "# Home\n\nIn Bash, $$ expands to the shell PID.\n")

    site_dir = s.build()  # --strict: any warning would fail it

    assert plugin_records(caplog, logging.WARNING) == []
    assert wrappers(parse(read(site_dir / "index.html"))) == []


def test_math_that_cannot_be_wrapped_is_left_alone_with_one_warning_naming_the_page(site, caplog):
    caplog.set_level(logging.DEBUG, logger="mkdocs")
    s = site(markdown_extensions=[])
    s.page("index.md", "# Home\n\n<table><tr>$$ x $$<td>cell</td></tr></table>\n")

    with pytest.raises(Abort):
        s.build()  # --strict turns the warning into a failed build
    site_dir = s.build(strict=False)

    warnings = plugin_records(caplog, logging.WARNING)
    assert len(warnings) == 2  # one per build
    assert (
        warnings[0]
        .getMessage()
        .endswith(
            "index.md: left 1 piece(s) of display math untouched:"
            " display math directly inside <tr> near '$$ x $$'"
        )
    )
    assert wrappers(parse(read(site_dir / "index.html"))) == []
