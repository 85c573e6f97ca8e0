"""Names of TeX control words that MathJax's TeX input understands, as far as the repair needs.

Only words beginning with a letter that forms a C-style escape (`\\a`, `\\b`, `\\f`, `\\n`,
`\\r`, `\\t`, `\\v`) can lose their backslash and first letter to the scraper, so only those
are listed (in tex_commands.txt). The names are facts about TeX and MathJax (base, AMS and the
extensions the site loads), kept as data so the importer needs no JavaScript.
"""

from pathlib import Path

ESCAPE_LETTERS = "abfnrtv"


def _load() -> frozenset[str]:
    text = Path(__file__).with_name("tex_commands.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


TEX_COMMANDS = _load()
"""Known command names, without the backslash."""
