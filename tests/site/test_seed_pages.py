"""Reading the scraped listing pages: bylines, glued titles, junk, and bad files."""

from pathlib import Path

import pytest

from site_example.seed_import.pages import SeedError, parse_seed

LISTING = (
    "VQ的又一技巧:给编码表加一个线性变换\n"
    "By 苏剑林 | 2024-11-06 | 5175位读者 | 引用在《VQ的旋转技巧:梯度直通估计的一般推广》中,"
    "我们介绍了VQ的Rotation Trick。\n"
    "无独有偶,昨天发布在arXiv上的论文提出了改善VQ的另一个技巧。\n"
    "利用“熄火保护 + 通断器”实现燃气灶智能关火\n"
    "By 苏剑林 | 2024-09-26 | 15338位读者 | 引用低秩近似之路(三):CR\n"
    "By 苏剑林 | 2024-10-11 | 17319位读者 | 引用在《低秩近似之路(二):SVD》中,我们证明了SVD。\n"
    "\\begin{equation}\\mathop{\\text{argmin}}_{r}\\Vert M\\Vert_F^2\\end{equation}\n"
    "最近评论"
)

SPAM_COPY = (
    "您好!欢迎光临恒彩娱乐消防灭火设备站,我们竭诚为您服务!\n\n"
    "服务咨询热线:\n\n13988888888\n当前位置: 主页 > 新闻动态 > 产品知识\n\n"
    "  • 人气:\n8 Jul\n\n"
    "现在Keras中你也可以用小的batch size实现大batch size的效果了。\n\n"
    "点击阅读全文...\n\n23 Mar\n\n自从GPT、BERT等预训练模型流行起来后,$L( heta)$是损失函数。\n\n"
    "点击阅读全文...\n\n推荐产品\n  • 产品中心标题一 产品中心标题一\n\n平台注册入口"
)


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_byline_becomes_metadata_and_excerpt_keeps_its_paragraphs(tmp_path: Path) -> None:
    page = parse_seed(_write(tmp_path, "000.txt", LISTING))
    first = page.entries[0]
    assert (first.title, first.author, first.date, first.readers) == (
        "VQ的又一技巧:给编码表加一个线性变换",
        "苏剑林",
        "2024-11-06",
        5175,
    )
    assert len(first.lines) == 2
    assert first.lines[0].startswith("在《VQ的旋转技巧")
    assert not any("By 苏剑林" in line for line in first.lines)


def test_a_title_glued_after_the_byline_starts_the_next_article(tmp_path: Path) -> None:
    page = parse_seed(_write(tmp_path, "004.txt", LISTING))
    stove, cr = page.entries[1], page.entries[2]
    assert stove.title == "利用“熄火保护 + 通断器”实现燃气灶智能关火"
    assert stove.lines == ()
    assert cr.title == "低秩近似之路(三):CR"
    assert cr.readers == 17319
    assert cr.lines[-1].startswith("\\begin{equation}")


def test_the_recent_comments_heading_is_dropped(tmp_path: Path) -> None:
    page = parse_seed(_write(tmp_path, "004.txt", LISTING))
    assert all("最近评论" not in line for e in page.entries for line in e.lines)
    assert page.dropped == ("最近评论",)


def test_the_spam_shell_is_dropped_and_dated_excerpts_kept(tmp_path: Path) -> None:
    page = parse_seed(_write(tmp_path, "002.txt", SPAM_COPY))
    assert [(e.date, e.title, e.readers) for e in page.entries] == [
        ("8 Jul", None, None),
        ("23 Mar", None, None),
    ]
    kept = "\n".join(line for e in page.entries for line in e.lines)
    for junk in ("13988888888", "平台注册入口", "点击阅读全文", "产品中心", "消防", "人气"):
        assert junk not in kept
    assert "13988888888" in page.dropped
    assert "平台注册入口" in page.dropped


def test_an_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.txt", "\n\n")
    with pytest.raises(SeedError, match=r"empty\.txt: empty file"):
        parse_seed(path)


def test_a_file_without_bylines_is_an_error_naming_it(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", "科学空间\n随便写的一段文字,没有署名行。\n")
    with pytest.raises(SeedError, match=r"notes\.txt: no articles found: no byline"):
        parse_seed(path)


def test_bytes_that_are_not_utf8_are_an_error_naming_file_and_offset(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "gbk.txt", "标题\nBy 苏剑林 | 2024-11-06 | 1位读者 | 引用正文".encode("gbk")
    )
    with pytest.raises(SeedError, match=r"gbk\.txt: not UTF-8 \(byte 0x[0-9a-f]{2} at offset 0\)"):
        parse_seed(path)
