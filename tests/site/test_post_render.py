"""Scraped text becomes Markdown that renders as the same text, and its math as math."""

import markdown
from bs4 import BeautifulSoup

from site_example.seed_import.render import blocks


def _html(lines: tuple[str, ...]) -> BeautifulSoup:
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex", "pymdownx.superfences"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    return BeautifulSoup(md.convert("\n\n".join(blocks(lines))), "html.parser")


def test_markup_characters_in_prose_are_shown_literally() -> None:
    line = "传统思路是“边缘检测 + 腐蚀膨胀”,如论文[1]. 其中*号、_下划线_与<b>标签</b>都是原文字符"
    soup = _html((line,))
    assert soup.p.get_text() == line
    assert soup.find("b") is None and soup.find("em") is None


def test_inline_math_is_left_to_arithmatex_untouched() -> None:
    soup = _html(("设$x_1*y_2<z$是非负整数,且$0\\leq x\\leq y$。",))
    spans = [s.get_text() for s in soup.select("span.arithmatex")]
    assert spans == ["\\(x_1*y_2<z\\)", "\\(0\\leq x\\leq y\\)"]


def test_a_line_that_looks_like_a_list_item_stays_a_paragraph() -> None:
    soup = _html(("1. 先求导函数", "- 再找零点"))
    assert soup.find("ol") is None and soup.find("ul") is None
    assert [p.get_text() for p in soup.find_all("p")] == ["1. 先求导函数", "- 再找零点"]


def test_a_display_equation_over_several_lines_is_one_block() -> None:
    lines = (
        "Lion优化器的更新过程为",
        "\\begin{equation}\\left\\{\\begin{aligned}",
        "&\\boldsymbol{m}_t=\\beta_2 \\boldsymbol{m}_{t-1}",
        "\\end{aligned}\\right.\\end{equation}",
        "其中",
    )
    soup = _html(lines)
    (display,) = soup.select("div.arithmatex")
    assert display.get_text().startswith("\\[\\begin{equation}\\left\\{")
    assert "\\boldsymbol{m}_{t-1}\n\\end{aligned}" in display.get_text()
    assert [p.get_text() for p in soup.find_all("p")] == ["Lion优化器的更新过程为", "其中"]


def test_quoted_html_source_is_a_code_block_not_markup() -> None:
    lines = (
        "比如",
        '<span style="font-size:90%">',
        "\\begin{equation}公式\\end{equation}",
        "</span>",
    )
    soup = _html(lines)
    assert soup.find("span", style=True) is None
    assert soup.find("code").get_text().startswith('<span style="font-size:90%">')
    assert not soup.select(".arithmatex")
