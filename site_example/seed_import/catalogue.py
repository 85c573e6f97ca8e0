"""Match seed entries to the verified facts of articles.json and keep one article per record."""

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .pages import SeedEntry, SeedError, SeedPage
from .texrepair import Finding, repair_tex

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Record:
    """One article of articles.json: what the seeds say and what was verified (None if not)."""

    seed_title: str | None
    seed_date: str
    excerpt_start: str | None
    title: str | None
    date: str | None
    url: str | None
    category: str | None
    tags: tuple[str, ...] | None
    note: str | None


@dataclass(frozen=True)
class Fragment:
    """Text a page showed under the wrong title, kept apart as an unidentified article's."""

    file: str
    line: int
    shown_under: str
    belongs_to: str
    lines: tuple[str, ...]


@dataclass
class Article:
    """One distinct article: its record (if any) and every seed entry showing it."""

    record: Record | None
    entries: list[SeedEntry] = field(default_factory=list)

    @property
    def best(self) -> SeedEntry:
        """The fullest excerpt; on a tie the first seen, so the choice is deterministic."""
        return max(self.entries, key=lambda e: (len(e.text), -self.entries.index(e)))


@dataclass
class Catalogue:
    """Everything the importer found, ready to render and to report."""

    articles: list[Article]
    fragments: list[Fragment]
    repairs: list[tuple[SeedEntry, Finding]]
    dropped: dict[str, tuple[str, ...]]
    problems: list[str]


def load_records(path: Path) -> list[Record]:
    """Read articles.json; a malformed file is an error naming it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [
            Record(
                seed_title=r["seed_title"],
                seed_date=r["seed_date"],
                excerpt_start=r.get("excerpt_start"),
                title=r.get("title"),
                date=r.get("date"),
                url=r.get("url"),
                category=r.get("category"),
                tags=tuple(dict.fromkeys(r["tags"])) if r.get("tags") else None,
                note=r.get("note"),
            )
            for r in raw
        ]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise SeedError(f"{path}: cannot read the article facts: {err!r}") from None


def load_corrections(path: Path) -> list[dict[str, str]]:
    """Read the list of text shown under the wrong title."""
    try:
        return list(json.loads(path.read_text(encoding="utf-8"))["foreign_text"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise SeedError(f"{path}: cannot read the corrections: {err!r}") from None


def _split_foreign(
    entry: SeedEntry, corrections: list[dict[str, str]]
) -> tuple[SeedEntry, Fragment | None]:
    for c in corrections:
        if (entry.title, entry.date) != (c["seed_title"], c["seed_date"]):
            continue
        cut = next((i for i, x in enumerate(entry.lines) if x.startswith(c["starts_with"])), None)
        if cut is None:
            continue
        fragment = Fragment(
            entry.file, entry.line, c["seed_title"], c["belongs_to"], entry.lines[cut:]
        )
        return replace(entry, lines=entry.lines[:cut]), fragment
    return entry, None


def _repair(entry: SeedEntry) -> tuple[SeedEntry, list[Finding]]:
    text, findings = repair_tex(entry.text)
    return replace(entry, lines=tuple(text.split("\n")) if entry.lines else ()), findings


def _starts_as_recorded(entry: SeedEntry, record: Record) -> bool:
    """Whether the excerpt as scraped (before any cut) starts as articles.json says."""
    if not record.excerpt_start:
        return True
    return bool(entry.lines) and entry.lines[0].startswith(record.excerpt_start)


def _match(entry: SeedEntry, records: list[Record]) -> Record | None:
    if entry.title is not None:
        return next(
            (r for r in records if (r.seed_title, r.seed_date) == (entry.title, entry.date)), None
        )
    first = entry.lines[0] if entry.lines else ""
    return next(
        (
            r
            for r in records
            if r.seed_title is None
            and r.seed_date == entry.date
            and r.excerpt_start
            and first.startswith(r.excerpt_start)
        ),
        None,
    )


def build_catalogue(
    pages: list[SeedPage], records: list[Record], corrections: list[dict[str, str]]
) -> Catalogue:
    """Deduplicate, cut misattributed text, repair TeX, and note whatever looks wrong."""
    by_record: dict[int, Article] = {}
    unmatched: dict[tuple[str | None, str, str], Article] = {}
    fragments: list[Fragment] = []
    repairs: list[tuple[SeedEntry, Finding]] = []
    problems: list[str] = []
    for page in pages:
        for raw in page.entries:
            record = _match(raw, records)
            if record is not None and not _starts_as_recorded(raw, record):
                problems.append(
                    f"{raw.file}:{raw.line}: excerpt of {raw.title!r} does not start as "
                    f"articles.json records ({record.excerpt_start!r})"
                )
            entry, findings = _repair(raw)
            repairs.extend((entry, f) for f in findings)
            entry, fragment = _split_foreign(entry, corrections)
            if fragment is not None and not any(f.lines == fragment.lines for f in fragments):
                fragments.append(fragment)
            if record is None:
                problems.append(
                    f"{entry.file}:{entry.line}: {entry.title or entry.date!r} is not in "
                    "articles.json; its post uses the seed facts only"
                )
                key = (entry.title, entry.date, entry.lines[0] if entry.lines else "")
                unmatched.setdefault(key, Article(None)).entries.append(entry)
                continue
            by_record.setdefault(records.index(record), Article(record)).entries.append(entry)
    for i, record in enumerate(records):
        if i not in by_record:
            problems.append(
                f"articles.json: {record.seed_title or record.excerpt_start!r} not in any seed file"
            )
    articles = [by_record[i] for i in sorted(by_record)] + list(unmatched.values())
    dropped = {p.file: p.dropped for p in pages}
    return Catalogue(articles, fragments, repairs, dropped, problems)


def has_full_date(article: Article) -> bool:
    """Whether a post date exists: verified, or as the byline shows it (with a year)."""
    record = article.record
    return bool(record and record.date) or bool(FULL_DATE.match(article.best.date))
