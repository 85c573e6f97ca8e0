"""Read the scraped listing pages into seed entries (title, byline facts, excerpt lines).

Two layouts occur. A listing page of the blog: a title line, a byline
`By 苏剑林 | 2024-11-14 | 3252位读者 | 引用` with the excerpt glued after `引用` (or, when the
article has no excerpt, the next title), and a `最近评论` tail. A spam site's copy: a company page
shell around excerpts that each start with a day and month (`8 Jul`) and end with
`点击阅读全文...`; everything outside those excerpts is the shell.
"""

import re
from dataclasses import dataclass
from pathlib import Path

BYLINE = re.compile(
    r"^By (?P<author>[^|]+?) \| (?P<date>\d{4}-\d{2}-\d{2}) \| (?P<readers>\d+)位读者 \| 引用"
    r"(?P<rest>.*)$"
)
DAY_MONTH = re.compile(r"^\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$")
READ_MORE = "点击阅读全文..."
COMMENTS_TAIL = "最近评论"


class SeedError(ValueError):
    """A seed file that cannot be read as a listing page; the message names the file."""


@dataclass(frozen=True)
class SeedEntry:
    """One article as one seed file shows it."""

    file: str
    line: int
    title: str | None
    date: str
    author: str | None
    readers: int | None
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class SeedPage:
    """The entries of one seed file and the junk lines dropped from it."""

    file: str
    entries: tuple[SeedEntry, ...]
    dropped: tuple[str, ...]


def read_seed(path: Path) -> str:
    """The file's text; empty files and bytes that are not UTF-8 are errors naming the file."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SeedError(
            f"{path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "the seed pages are UTF-8 text"
        ) from None
    if not text.strip():
        raise SeedError(f"{path}: empty file, no articles to import")
    return text.replace("\r\n", "\n")


def _content(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split excerpt lines into kept lines and dropped junk (read-more links, comment tail)."""
    kept: list[str] = []
    dropped: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped == COMMENTS_TAIL:
            dropped.extend(x.strip() for x in lines[i:] if x.strip())
            break
        if stripped == READ_MORE:
            dropped.append(stripped)
        else:
            kept.append(stripped)
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return kept, dropped


def parse_listing(name: str, lines: list[str]) -> SeedPage:
    """Entries of a blog listing page (the layout with bylines)."""
    bylines = [(i, m) for i, line in enumerate(lines) if (m := BYLINE.match(line.strip()))]
    byline_at = {i for i, _ in bylines}
    entries: list[SeedEntry] = []
    dropped: list[str] = []
    first_title_line = bylines[0][0] - 1
    if first_title_line < 0:
        raise SeedError(f"{name}:1: byline without a title line before it")
    dropped.extend(x.strip() for x in lines[:first_title_line] if x.strip())
    for k, (i, m) in enumerate(bylines):
        if i - 1 in byline_at:
            title = bylines[k - 1][1].group("rest").strip()
        else:
            title = lines[i - 1].strip()
        if not title:
            raise SeedError(f"{name}:{i + 1}: byline without a title before it")
        if k + 1 < len(bylines):
            nxt = bylines[k + 1][0]
            if nxt - 1 == i:
                body: list[str] = []
            else:
                body = [m.group("rest"), *lines[i + 1 : nxt - 1]]
        else:
            body = [m.group("rest"), *lines[i + 1 :]]
        kept, junk = _content(body)
        dropped.extend(junk)
        entries.append(
            SeedEntry(
                file=name,
                line=i + 1,
                title=title,
                date=m.group("date"),
                author=m.group("author").strip(),
                readers=int(m.group("readers")),
                lines=tuple(kept),
            )
        )
    return SeedPage(name, tuple(entries), tuple(dropped))


def parse_copy(name: str, lines: list[str]) -> SeedPage:
    """Entries of the spam site's copy: dated excerpts inside a page shell."""
    starts = [i for i, line in enumerate(lines) if DAY_MONTH.match(line.strip())]
    entries: list[SeedEntry] = []
    dropped = [x.strip() for x in lines[: starts[0]] if x.strip()]
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = lines[i + 1 : end]
        stop = next((j for j, x in enumerate(block) if x.strip() == READ_MORE), len(block))
        kept, junk = _content(block[:stop])
        dropped.extend(junk)
        dropped.extend(x.strip() for x in block[stop:] if x.strip())
        entries.append(SeedEntry(name, i + 1, None, lines[i].strip(), None, None, tuple(kept)))
    return SeedPage(name, tuple(entries), tuple(dropped))


def parse_seed(path: Path) -> SeedPage:
    """Read and parse one seed file, whichever of the two layouts it has."""
    lines = read_seed(path).split("\n")
    if any(BYLINE.match(line.strip()) for line in lines):
        return parse_listing(path.name, lines)
    if any(DAY_MONTH.match(line.strip()) for line in lines):
        return parse_copy(path.name, lines)
    raise SeedError(
        f"{path}: no articles found: no byline ('By 作者 | 2024-11-14 | 123位读者 | 引用') "
        "and no dated excerpt ('8 Jul')"
    )
