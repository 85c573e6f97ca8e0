"""Import the scraped Scientific Spaces pages as the example site's blog posts.

    .venv/bin/python site_example/import_seeds.py ../shared/seeds/*.txt

Reads every seed file and articles.json (beside the first seed file unless --articles says
otherwise) before writing anything, so bad input leaves the site untouched. Prints what it
repaired, dropped and could not decide. (site_example/import_seeds.py runs this; the tests
import it as site_example.seed_import.cli.)
"""

import argparse
import sys
from pathlib import Path

from .catalogue import Catalogue, build_catalogue, has_full_date, load_corrections, load_records
from .pages import SeedError, parse_seed
from .render import post_filename, render_post, render_unresolved
from .writer import write_outputs

SITE = Path(__file__).resolve().parents[1]


def report(catalogue: Catalogue, posts: int) -> str:
    """The human-readable summary of one import."""
    lines = [f"posts: {posts}"]
    undated = [a for a in catalogue.articles if not has_full_date(a)]
    lines.append(f"articles without a full date (on the unresolved page): {len(undated)}")
    lines.append(f"misattributed fragments (on the unresolved page): {len(catalogue.fragments)}")
    for name, junk in sorted(catalogue.dropped.items()):
        lines.append(f"dropped from {name}: {len(junk)} junk lines")
    repaired = [(e, f) for e, f in catalogue.repairs if not f.ambiguous]
    lines.append(f"TeX repairs: {len(repaired)}")
    for entry, finding in repaired:
        lines.append(f"  {entry.file}:{entry.line}: {finding.damaged!r} -> \\{finding.repaired}")
    ambiguous = [(e, f) for e, f in catalogue.repairs if f.ambiguous]
    lines.append(f"TeX ambiguous, left as is: {len(ambiguous)}")
    for entry, finding in ambiguous:
        options = ", ".join("\\" + c for c in finding.candidates)
        lines.append(f"  {entry.file}:{entry.line}: {finding.damaged!r} could be {options}")
    lines.append(f"other problems: {len(catalogue.problems)}")
    lines.extend(f"  {p}" for p in catalogue.problems)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+", type=Path, help="seed .txt files")
    parser.add_argument("--articles", type=Path, help="articles.json (default: beside the seeds)")
    parser.add_argument("--corrections", type=Path, default=SITE / "seed_corrections.json")
    parser.add_argument("--docs", type=Path, default=SITE / "docs", help="site docs folder")
    args = parser.parse_args(argv)
    articles_json = args.articles or args.seeds[0].parent / "articles.json"
    try:
        pages = [parse_seed(path) for path in sorted(args.seeds, key=lambda p: p.name)]
        catalogue = build_catalogue(
            pages, load_records(articles_json), load_corrections(args.corrections)
        )
    except (SeedError, OSError) as err:
        print(f"import_seeds: {err}; nothing written", file=sys.stderr)
        return 2
    dated = [a for a in catalogue.articles if has_full_date(a)]
    posts = {post_filename(a): render_post(a) for a in dated}
    if len(posts) != len(dated):
        print("import_seeds: two articles map to one post file; nothing written", file=sys.stderr)
        return 2
    write_outputs(args.docs, posts, render_unresolved(catalogue))
    print(report(catalogue, len(posts)))
    return 0
