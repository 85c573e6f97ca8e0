"""Material for MkDocs: blog excerpts are wrapped; instant navigation always finds the assets."""

from __future__ import annotations

from urllib.parse import urljoin

from .build_helpers import (
    display_math,
    head_tags,
    nested_wrappers,
    page_url,
    pages,
    parse,
    read,
    resolve,
    runtime_options,
    wrappers,
)

POST = """
    ---
    date: 2024-10-15
    categories:
      - Maths
    ---
    # A post with an equation

    The excerpt holds a display equation:

    $$
    \\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
    $$

    <!-- more -->

    The rest of the post.

    $$
    x
    $$
    """


def blog_site(site):
    s = site(
        theme="material",
        plugins=["search", "blog", "mathscale"],
    )
    return (
        s.page("index.md", "# Home\n")
        .page("blog/index.md", "# Blog\n")
        .page("blog/posts/post.md", POST)
    )


def test_blog_index_archive_and_category_pages_wrap_the_excerpt_math(site):
    site_dir = blog_site(site).build()

    views = [
        site_dir / "blog/index.html",
        site_dir / "blog/archive/2024/index.html",
        site_dir / "blog/category/maths/index.html",
    ]
    for view in views:
        tree = parse(read(view))
        assert len(display_math(tree)) == 1, view
        assert len(wrappers(tree)) == 1, view
        assert set(head_tags(tree)) == {"css", "js"}, view


def test_blog_post_page_wraps_all_its_equations(site):
    site_dir = blog_site(site).build()

    (post,) = (site_dir / "blog").rglob("a-post-with-an-equation/index.html")
    tree = parse(read(post))

    assert len(display_math(tree)) == len(wrappers(tree)) == 2
    assert nested_wrappers(tree) == 0


def instant_site(site, features):
    s = site(theme={"name": "material", "features": features})
    return (
        s.page("index.md", "# Home\n\nNo math here.\n")
        .page("math.md", "# Math\n\n$$\nx\n$$\n")
        .page("deep/er/page.md", "# Deep\n\nPlain.\n")
        .page("optout.md", "---\nmathscale: false\n---\n# Out\n\n$$\ny\n$$\n")
    )


def test_with_instant_navigation_every_page_carries_the_assets(site):
    # Instant navigation swaps the page without running scripts added to <head>: the script
    # must already be loaded from whichever page the visitor opened first.
    site_dir = instant_site(site, ["navigation.instant"]).build()

    for page in pages(site_dir):
        tags = head_tags(parse(read(page)))
        assert set(tags) == {"css", "js"}, page
        for element, attribute in [(tags["css"], "href"), (tags["js"], "src")]:
            assert resolve(site_dir, page, element.get(attribute)).is_file()


def test_with_instant_navigation_the_head_tags_are_the_same_on_every_page(site):
    # Material keeps a <head> element across navigations when its HTML (after resolving
    # relative URLs) is unchanged, and removes or appends the others: identical tags mean
    # the style sheet stays and the script is neither removed nor appended unexecuted.
    site_dir = instant_site(site, ["navigation.instant"]).build()

    seen = set()
    for page in pages(site_dir):
        tags = head_tags(parse(read(page)))
        seen.add(
            (
                urljoin(page_url(site_dir, page), tags["css"].get("href")),
                urljoin(page_url(site_dir, page), tags["js"].get("src")),
                tuple(sorted(runtime_options(parse(read(page))).items())),
            )
        )
    assert len(seen) == 1


def test_with_instant_navigation_opted_out_math_stays_unwrapped(site):
    site_dir = instant_site(site, ["navigation.instant"]).build()

    tree = parse(read(site_dir / "optout/index.html"))

    assert len(display_math(tree)) == 1
    assert wrappers(tree) == []


def test_without_instant_navigation_pages_without_math_carry_nothing(site):
    site_dir = instant_site(site, ["navigation.tabs"]).build()

    assert head_tags(parse(read(site_dir / "index.html"))) == {}
    assert set(head_tags(parse(read(site_dir / "math/index.html")))) == {"css", "js"}
