"""The ``mathscale`` Markdown extension on its own: in plain Python-Markdown, in MkDocs without
the plugin, and alongside the plugin (which then does everything, once)."""

from __future__ import annotations

import markdown
import pytest
import yaml
from mkdocs.exceptions import Abort

from mkdocs_mathscale.__main__ import main
from mkdocs_mathscale.served import NAMES, served

from .build_helpers import (
    ARITHMATEX,
    display_math,
    head_tags,
    nested_wrappers,
    parse,
    read,
    runtime_options,
    wrappers,
)

PAGE = """
    # Notes

    $$
    \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
    $$

    Inline \\(a^2\\) and a numbered one:

    \\begin{equation}
    E = mc^2
    \\end{equation}

    <div class="proof" markdown>

    $$
    x
    $$

    </div>
"""


def test_python_markdown_with_the_extension_wraps_arithmatex_display_math():
    html = markdown.markdown(
        "Text\n\n$$\nx^2\n$$\n\n`$$not math$$`",
        extensions=["pymdownx.arithmatex", "mathscale"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    tree = parse(html)

    assert len(wrappers(tree)) == 1
    assert [len(display_math(w)) for w in wrappers(tree)] == [1]
    assert "<code>$$not math$$</code>" in html


def test_listed_before_arithmatex_in_its_default_mode_it_wraps_each_display_equation_once():
    # Arithmatex's default output: a MathJax preview and a math/tex script per equation.
    html = markdown.markdown(
        "$$\nx^2\n$$\n\nText \\(y\\).\n\n\\begin{align}\na &= b\n\\end{align}",
        extensions=["mathscale", "pymdownx.arithmatex"],
    )
    tree = parse(html)

    assert [len(display_math(w)) for w in wrappers(tree)] == [1, 1]
    assert nested_wrappers(tree) == 0
    assert html.count('type="math/tex; mode=display"') == 2


def test_without_arithmatex_raw_tex_left_in_the_text_is_wrapped():
    html = markdown.markdown("Text\n\n$$\nx^2\n$$\n", extensions=["mathscale"])

    assert '<span class="mathscale"><span class="mathscale-inner">$$' in html


def test_the_options_reach_the_page_on_an_element_with_the_scripts_id():
    html = markdown.markdown(
        "$$\nx\n$$",
        extensions=["mathscale"],
        extension_configs={"mathscale": {"min_scale": 0.75, "zoom": False}},
    )
    carrier = parse(html).find(".//*[@id='mathscale-js']")

    assert carrier is not None and carrier.get("hidden") is not None
    assert (carrier.get("data-min-scale"), carrier.get("data-zoom")) == ("0.75", "false")


def test_an_unclosed_dollar_pair_is_prose_left_alone_without_a_warning(caplog):
    html = markdown.markdown("Text\n\n$$\nx^2 never closed\n\nMore.", extensions=["mathscale"])

    assert "mathscale" not in html
    assert "untouched" not in caplog.text


def test_a_document_without_display_math_is_left_as_it_is():
    plain = markdown.markdown("Just \\(x\\) inline.", extensions=["pymdownx.arithmatex"])
    html = markdown.markdown(
        "Just \\(x\\) inline.", extensions=["pymdownx.arithmatex", "mathscale"]
    )

    assert html == plain


BAD_OPTIONS = {
    "min_scale above one": ({"min_scale": 1.5}, "option 'min_scale': got 1.5; allowed:"),
    "zoom text": ({"zoom": "yes"}, "option 'zoom': got 'yes'; allowed: true or false"),
    "exclude bad selector": (
        {"exclude": ["div[data-x"]},
        "option 'exclude': invalid CSS selector 'div[data-x'",
    ),
    "unknown option": ({"min_scal": 0.5}, "unknown option 'min_scal'; allowed: min_scale"),
}


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_bad_options_fail_with_the_plugins_wording(options, message):
    with pytest.raises(ValueError, match="Markdown extension 'mathscale'") as error:
        markdown.markdown("x", extensions=["mathscale"], extension_configs={"mathscale": options})

    assert message in str(error.value)


def test_mkdocs_without_the_plugin_wraps_each_equation_once_and_honours_exclude(site):
    extension = {"mathscale": {"exclude": [".proof"]}}
    built = (
        site(plugin=None, markdown_extensions=[ARITHMATEX, "md_in_html", extension])
        .page("index.md", PAGE)
        .build()
    )
    tree = parse(read(built / "index.html"))

    assert len(wrappers(tree)) == 2
    assert nested_wrappers(tree) == 0
    assert [len(display_math(w)) for w in wrappers(tree)] == [1, 1]
    assert head_tags(tree) == {}


def test_an_invalid_extension_option_stops_the_mkdocs_build_naming_it(site, caplog):
    bad = site(plugin=None, markdown_extensions=[ARITHMATEX, {"mathscale": {"min_scale": 0}}])

    with pytest.raises(Abort):
        bad.page("index.md", PAGE).build()

    assert "Markdown extension 'mathscale' option 'min_scale': got 0; allowed" in caplog.text
    assert not (bad.root / "site").exists()


def test_with_the_plugin_too_every_equation_is_wrapped_once_and_the_assets_linked_once(
    site, capsys
):
    # A mkdocs.yml set up for Zensical as the README says, built by MkDocs with the plugin.
    both = site(
        plugin={"mathscale": {"min_scale": 0.7}},
        markdown_extensions=[ARITHMATEX, "md_in_html", {"mathscale": {"min_scale": 0.7}}],
    )
    docs = both.root / "docs"
    main(["assets", str(docs / "assets" / "mathscale"), "--docs-dir", str(docs)])
    both.config.update(yaml.safe_load(capsys.readouterr().out.split("\n", 1)[1]))
    built = both.page("index.md", PAGE).page("other.md", "# No math\n").build()
    tree = parse(read(built / "index.html"))

    assert len(wrappers(tree)) == 3
    assert nested_wrappers(tree) == 0
    assert [len(display_math(w)) for w in wrappers(tree)] == [1, 1, 1]
    page = read(built / "index.html")
    assert page.count("mathscale.css") == 1 and page.count("mathscale.js") == 1
    assert page.count('id="mathscale-js"') == 1
    assert runtime_options(tree) == {"min-scale": "0.7", "zoom": "true"}
    assert "mathscale" not in read(built / "other" / "index.html")
    for name in NAMES:
        assert (built / "assets" / "mathscale" / name).read_bytes() == served(name, 0.7)


def test_the_assets_command_writes_what_the_plugin_serves_with_the_floor(tmp_path, capsys):
    folder = tmp_path / "docs" / "assets" / "mathscale"

    code = main(
        ["assets", str(folder), "--min-scale", "0.75", "--docs-dir", str(tmp_path / "docs")]
    )

    out = capsys.readouterr().out
    assert code == 0
    for name in NAMES:
        assert (folder / name).read_bytes() == served(name, 0.75)
    assert "var(--mathscale-min,0.75)" in (folder / "mathscale.css").read_text()
    assert "  - assets/mathscale/mathscale.css?v=" in out
    assert "  - path: assets/mathscale/mathscale.js?v=" in out


def test_the_assets_command_rejects_a_bad_floor_naming_it(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["assets", str(tmp_path / "docs" / "a"), "--min-scale", "1.5"])

    assert "--min-scale: got 1.5; allowed: a number greater than 0 and at most 1" in (
        capsys.readouterr().err
    )
