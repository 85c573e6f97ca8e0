"""Real `mkdocs build`s: every display equation wrapped once, assets linked only where needed."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.served import served

from .build_helpers import (
    display_math,
    head_tags,
    nested_wrappers,
    pages,
    parse,
    read,
    resolve,
    runtime_options,
    strip_query,
    wrappers,
)

MATH_PAGE = """
    # Home

    Inline $x$ first.

    $$
    E = mc^2
    $$

    - A list item

        \\[
        a^2 + b^2 = c^2
        \\]
    """
NESTED_PAGE = """
    # Deep

    !!! note
        $$
        \\int_0^1 f(t)\\,dt
        $$
    """
PLAIN_PAGE = "# Plain\n\nNo math at all, only a price of $5.\n"
OPTED_OUT_PAGE = """
    ---
    mathscale: false
    ---
    # Opted out

    $$
    x
    $$
    """
INLINE_PAGE = "# Inline\n\nOnly $a+b$ inline.\n"


def docs(site):
    return (
        site.page("index.md", MATH_PAGE)
        .page("sub/deep/page.md", NESTED_PAGE)
        .page("plain.md", PLAIN_PAGE)
        .page("optout.md", OPTED_OUT_PAGE)
        .page("inline.md", INLINE_PAGE)
    )


def built(site, theme, directory_urls, plugin="mathscale"):
    s = docs(
        site(
            theme=theme,
            plugin=plugin,
            use_directory_urls=directory_urls,
            markdown_extensions=[{"pymdownx.arithmatex": {"generic": True}}, "admonition"],
        )
    )
    return s.build()


def find(site_dir, name):
    directory = site_dir / name
    return directory / "index.html" if directory.is_dir() else site_dir / f"{name}.html"


THEMES = pytest.mark.parametrize("theme", ["mkdocs", "material"])
URL_STYLES = pytest.mark.parametrize("directory_urls", [True, False], ids=["dir-urls", "file-urls"])


@THEMES
@URL_STYLES
def test_every_display_equation_has_exactly_one_wrapper(site, theme, directory_urls):
    site_dir = built(site, theme, directory_urls)

    for name, expected in [("index", 2), ("sub/deep/page", 1)]:
        tree = parse(read(find(site_dir, name)))
        assert len(display_math(tree)) == expected
        assert len(wrappers(tree)) == expected
        assert nested_wrappers(tree) == 0
        for wrapper in wrappers(tree):
            (inner,) = list(wrapper)
            assert [classes for classes in [c.get("class") for c in inner]] == ["arithmatex"]


@THEMES
@URL_STYLES
def test_asset_urls_on_every_page_resolve_to_the_packaged_files(site, theme, directory_urls):
    site_dir = built(site, theme, directory_urls)

    checked = 0
    for page in pages(site_dir):
        tags = head_tags(parse(read(page)))
        for role, attribute in [("css", "href"), ("js", "src")]:
            if role in tags:
                target = resolve(site_dir, page, tags[role].get(attribute))
                assert target.is_file(), f"{page}: {tags[role].get(attribute)}"
                assert target.read_bytes() == served(target.name)
                checked += 1
    assert checked >= 4  # both math pages link both assets


@THEMES
def test_math_pages_get_css_options_and_deferred_script(site, theme):
    site_dir = built(site, theme, True)

    tags = head_tags(parse(read(site_dir / "sub/deep/page/index.html")))

    assert set(tags) == {"css", "js"}
    assert strip_query(tags["css"].get("href")) == "../../../assets/mathscale/mathscale.css"
    assert tags["js"].get("defer") is not None
    assert runtime_options(parse(read(site_dir / "index.html"))) == {
        "min-scale": "0.6",
        "zoom": "true",
    }


@THEMES
@URL_STYLES
def test_pages_without_math_are_byte_identical_to_a_build_without_the_plugin(
    site, theme, directory_urls
):
    with_plugin = built(site, theme, directory_urls)
    without = built(site, theme, directory_urls, plugin=None)

    for name in ["plain", "optout"]:
        assert read(find(with_plugin, name)) == read(find(without, name))


@THEMES
def test_opted_out_page_keeps_its_math_unwrapped(site, theme):
    site_dir = built(site, theme, True)

    tree = parse(read(site_dir / "optout/index.html"))

    assert len(display_math(tree)) == 1
    assert wrappers(tree) == []
    assert head_tags(tree) == {}


@THEMES
def test_page_with_only_inline_math_gets_the_stylesheet_only(site, theme):
    site_dir = built(site, theme, True)

    tags = head_tags(parse(read(site_dir / "inline/index.html")))

    assert set(tags) == {"css"}


def test_options_reach_the_runtime_on_its_script_tag(site):
    s = site(plugins=["search", {"mathscale": {"min_scale": 0.75, "zoom": False}}])
    site_dir = s.page("index.md", MATH_PAGE).build()

    assert runtime_options(parse(read(site_dir / "index.html"))) == {
        "min-scale": "0.75",
        "zoom": "false",
    }


def test_min_scale_is_the_floor_in_the_served_style_sheet(site):
    s = site(plugins=["search", {"mathscale": {"min_scale": 0.75}}])
    site_dir = s.page("index.md", MATH_PAGE).build()

    tags = head_tags(parse(read(site_dir / "index.html")))
    sheet = resolve(site_dir, site_dir / "index.html", tags["css"].get("href"))
    assert sheet.read_bytes() == served("mathscale.css", 0.75)
    assert b"var(--mathscale-min,0.75)" in sheet.read_bytes()


def test_exclude_option_leaves_matching_math_alone(site):
    s = site(
        plugins=["search", {"mathscale": {"exclude": [".proof"]}}],
        markdown_extensions=[{"pymdownx.arithmatex": {"generic": True}}, "md_in_html"],
    )
    s.page(
        "index.md",
        """
        $$
        a
        $$

        <div class="proof" markdown="1">

        $$
        b
        $$

        </div>
        """,
    )

    tree = parse(read(s.build() / "index.html"))

    assert (len(display_math(tree)), len(wrappers(tree))) == (2, 1)


def test_raw_tex_is_wrapped_when_arithmatex_is_not_used(site):
    s = site(markdown_extensions=[])
    s.page("index.md", "Text\n\n$$\nx\n$$\n\n\\begin{align}\na &= b\n\\end{align}\n")

    tree = parse(read(s.build() / "index.html"))

    assert len(wrappers(tree)) == 2
    assert set(head_tags(tree)) == {"css", "js"}


def test_prose_dollars_are_not_touched_when_arithmatex_is_used(site):
    # With arithmatex, MathJax is set up for \( \[ only: leftover $$ text is just prose.
    s = site().page("index.md", "A price list: $$ and $$$ signs.\n")

    tree = parse(read(s.build() / "index.html"))

    assert wrappers(tree) == []


HEAD_END_IN_TEXT_PAGE = """
    ---
    description: 'Why </head> matters'
    ---
    # The `</head>` tag

    $$
    E = mc^2
    $$
    """


@THEMES
def test_a_page_about_the_head_end_tag_gets_its_tags_in_its_real_head(site, theme):
    s = site(theme=theme, markdown_extensions=[{"pymdownx.arithmatex": {"generic": True}}])
    site_dir = s.page("index.md", PLAIN_PAGE).page("tag.md", HEAD_END_IN_TEXT_PAGE).build()
    tree = parse(read(find(site_dir, "tag")))
    assert set(head_tags(tree)) == {"css", "js"}
    # The title and the description read as written: no tag was put inside them.
    assert "</head>" in tree.find("head/title").text
    descriptions = [m for m in tree.iter("meta") if m.get("name") == "description"]
    assert [m.get("content") for m in descriptions] in ([], ["Why </head> matters"])
    assert len(wrappers(tree)) == 1
