"""``python -m mkdocs_mathscale assets FOLDER [--min-scale X]``: write the browser assets into
a site's docs folder and print the lines that link them, for the zensical.toml beside the docs
folder if there is one, else for mkdocs.yml (see export.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .export import config_lines, export
from .options import DEFAULT_MIN_SCALE, check_scale


def _scale(text: str) -> float:
    try:
        value: object = float(text)
    except ValueError:
        value = text
    try:
        return check_scale(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m mkdocs_mathscale")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser(
        "assets", help="write the script and style sheets into a folder of the docs"
    )
    assets.add_argument("folder", type=Path, help="for example docs/assets/mathscale")
    assets.add_argument(
        "--min-scale",
        type=_scale,
        default=DEFAULT_MIN_SCALE,
        help=f"legibility floor, 0 < x <= 1 (default {DEFAULT_MIN_SCALE})",
    )
    assets.add_argument(
        "--docs-dir",
        type=Path,
        default=Path("docs"),
        help="the site's docs folder, for the printed URLs (default docs)",
    )
    args = parser.parse_args(argv)
    if not args.folder.resolve().is_relative_to(args.docs_dir.resolve()):
        parser.error(f"folder {args.folder} is not inside the docs folder {args.docs_dir}")
    stamp = export(args.folder, args.min_scale)
    # Zensical reads zensical.toml first, when the site has one.
    toml = (args.docs_dir.resolve().parent / "zensical.toml").is_file()
    where = "zensical.toml, in [project]" if toml else "mkdocs.yml"
    print(f"wrote the mathscale assets (version {stamp}) to {args.folder}; link them in {where}:")
    print(config_lines(args.folder, args.docs_dir, stamp, toml), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
