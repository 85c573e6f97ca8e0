"""The importer end to end: one post per article, facts from articles.json, nothing lost."""

import json
import re
import shutil
from pathlib import Path

import pytest

from site_example.seed_import import cli
from site_example.seed_import.render import TEXTS

SITE = Path(__file__).resolve().parents[2] / "site_example"
DAMAGE = re.compile(r"(?<![\\A-Za-z])(?: heta| abla| ext\{)")
JUNK = (
    "点击阅读全文",
    "最近评论",
    "13988888888",
    "平台注册入口",
    "产品中心",
    "消防",
    "By 苏剑林 |",
)


def _import(seeds: list[Path], docs: Path, articles: Path | None = None) -> int:
    args = [str(p) for p in seeds] + ["--docs", str(docs)]
    if articles is not None:
        args += ["--articles", str(articles)]
    return cli.main(args)


def _tree(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


@pytest.fixture
def imported(seeds_dir: Path, tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    assert _import(sorted(seeds_dir.glob("*.txt")), docs) == 0
    return docs


def _front(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[0]


def test_every_distinct_article_gets_exactly_one_post_or_its_unresolved_entry(
    imported: Path, seeds_dir: Path
) -> None:
    records = json.loads((seeds_dir / "articles.json").read_text(encoding="utf-8"))
    posts = sorted((imported / "posts").glob("*.md"))
    unresolved = (imported / "unresolved.md").read_text(encoding="utf-8")
    undated = [r for r in records if r["date"] is None and "-" not in r["seed_date"]]
    assert len(posts) + len(undated) == len(records) == 33
    for r in undated:
        assert r["excerpt_start"] in unresolved
    for r in records:
        if r["url"]:
            assert sum(r["url"] in p.read_text(encoding="utf-8") for p in posts) == 1


def test_the_fullest_excerpt_and_every_reader_count_are_kept(imported: Path) -> None:
    post = imported / "posts" / "2024-11-06-10519.md"
    front = _front(post)
    assert (
        'readers_seen: {"000_36623d63b1b9e0e7.txt": 5175, "004_94713130379d7764.txt": 20396}'
        in front
    )
    assert "readers: 20396" in front
    assert "给编码表加一个线性变换" in post.read_text(encoding="utf-8")


def test_verified_facts_come_from_articles_json(imported: Path, seeds_dir: Path) -> None:
    records = json.loads((seeds_dir / "articles.json").read_text(encoding="utf-8"))
    verified = next(r["title"] for r in records if r["url"] == "https://kexue.fm/archives/10542")
    front = _front(imported / "posts" / "2024-11-14-10542.md")
    assert f'title: "{verified}"' in front
    assert verified != "当Batch Size增大时,学习率该如何随之变化?"
    assert "date: 2024-11-14" in front
    assert 'original_url: "https://kexue.fm/archives/10542"' in front
    assert '  - "数学研究"' in front
    assert "title_verified: true" in front


def test_a_null_title_falls_back_to_the_seed_title_and_says_so(imported: Path) -> None:
    post = (imported / "posts" / "2014-12-18-seed-d2f3e3fe.md").read_text(encoding="utf-8")
    assert 'title: "迟到一年的建模:再探碎纸复原"' in post
    assert "title_verified: false" in post
    assert "标题未核实" in post
    assert "original_url" not in post


def test_every_post_credits_the_author_and_links_the_original_when_known(imported: Path) -> None:
    for post in (imported / "posts").glob("*.md"):
        text = post.read_text(encoding="utf-8")
        assert TEXTS["credit"].format(author="苏剑林") in text
        assert "  - sujianlin" in text
        if "original_url:" in text:
            url = re.search(r'original_url: "([^"]+)"', text).group(1)
            assert f"[阅读原文]({url})" in text


def test_text_shown_under_the_wrong_title_is_not_attached_to_it(imported: Path) -> None:
    r136 = (imported / "posts" / "2010-07-29-seed-5a2858ef.md").read_text(encoding="utf-8")
    skies = (imported / "posts" / "2010-10-23-seed-2a9dcbf4.md").read_text(encoding="utf-8")
    unresolved = (imported / "unresolved.md").read_text(encoding="utf-8")
    assert "蘑菇" not in r136 and "ESO" in r136
    assert "风筝" not in skies
    assert "好,现在我们来考虑蘑菇" in unresolved
    assert "我们来谈谈风筝" in unresolved


def test_no_junk_and_no_damaged_latex_remain_in_any_page(imported: Path) -> None:
    for page in imported.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for junk in JUNK:
            assert junk not in text, (page.name, junk)
        assert not DAMAGE.search(text), page.name


def test_the_repaired_lion_update_rule_is_in_its_post(imported: Path) -> None:
    lion = (imported / "posts" / "2023-02-16-9473.md").read_text(encoding="utf-8")
    assert r"\begin{equation}\text{Lion}:=\left\{\begin{aligned}" in lion
    assert r"\boldsymbol{\theta}_t=\boldsymbol{\theta}_{t-1}" in lion


def test_quoted_html_in_an_excerpt_is_shown_as_code(imported: Path) -> None:
    post = (imported / "posts" / "2024-10-15-10474.md").read_text(encoding="utf-8")
    assert '```html\n<span style="font-size:90%">\n' in post


def test_same_input_gives_byte_identical_posts(seeds_dir: Path, tmp_path: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert _import(seeds, tmp_path / "a") == 0
    assert _import(list(reversed(seeds)), tmp_path / "b") == 0
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_the_committed_posts_are_what_the_importer_writes(imported: Path) -> None:
    assert _tree(imported) == {
        k: v
        for k, v in _tree(SITE / "docs").items()
        if k.startswith("posts/") or k == "unresolved.md"
    }


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("notes.txt", "只是一段文字。\n".encode(), "no articles found"),
        ("gbk.txt", "标题\nBy 苏剑林 | 2024-11-06 | 1位读者 | 引用".encode("gbk"), "not UTF-8"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_written(
    seeds_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    message: str,
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    docs = tmp_path / "docs"
    shutil.copytree(SITE / "docs" / "posts", docs / "posts")
    before = _tree(docs)
    code = _import([*sorted(seeds_dir.glob("*.txt")), bad], docs, seeds_dir / "articles.json")
    err = capsys.readouterr().err
    assert code == 2
    assert str(bad) in err and message in err and "nothing written" in err
    assert _tree(docs) == before
