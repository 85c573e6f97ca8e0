"""Repair TeX commands whose backslash escape the scraper ate.

The scraper read `\\t`, `\\n`, `\\r`, `\\f`, `\\b`, `\\a`, `\\v` at the start of a TeX command as
a C-style escape: the two characters became one control character, later one whitespace
character. So `\\theta` reads ` heta` and `\\nabla` reads ` abla`. Inside math, a run of letters
after such a character is repaired when exactly one escape letter turns it into a known command
and the run is long enough not to be ordinary variables (`$x u$` could be `x\\nu` or `x u`:
reported, never guessed).
"""

import re
from dataclasses import dataclass

from .texnames import ESCAPE_LETTERS, TEX_COMMANDS

CONTROL_LETTER = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
MIN_UNAMBIGUOUS_LETTERS = 3
"""Runs of one or two letters are common variables (`u`, `ho`), so never repaired blindly."""
SPACE_UNUSUAL_AFTER = "{([$_^&"
"""A short run right after one of these and a space is reported: authors rarely put a space
there, so it may be damage (`$ u$` for `$\\nu$`), but it may also be a variable."""

MATH = re.compile(
    r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)|\\begin\{([A-Za-z]+\*?)\}.+?\\end\{\1\}|\$[^$\n]+?\$",
    re.DOTALL,
)
SUSPECT = re.compile(r"(?<!\\)([\s\a\b\v]+)([A-Za-z]+)")


@dataclass(frozen=True)
class Finding:
    """One suspected eaten escape: where it is, what was read, what it was (if certain)."""

    offset: int
    damaged: str
    repaired: str | None
    candidates: tuple[str, ...]

    @property
    def ambiguous(self) -> bool:
        return self.repaired is None


def _candidates(gap: str, word: str) -> tuple[str, ...]:
    """Commands the damaged `gap + word` can have been, best evidence first."""
    last = gap[-1]
    if last in CONTROL_LETTER and last != " " and CONTROL_LETTER[last] + word in TEX_COMMANDS:
        return (CONTROL_LETTER[last] + word,)
    return tuple(p + word for p in ESCAPE_LETTERS if p + word in TEX_COMMANDS)


def _decide(before: str, gap: str, word: str) -> tuple[str | None, tuple[str, ...]]:
    """The repair (or None) and the candidates; no candidates means no suspicion at all."""
    candidates = _candidates(gap, word)
    if not candidates:
        return None, ()
    control_char_kept = gap[-1] not in " \t\n"
    if len(candidates) == 1 and (control_char_kept or len(word) >= MIN_UNAMBIGUOUS_LETTERS):
        return candidates[0], candidates
    if len(word) >= MIN_UNAMBIGUOUS_LETTERS or before in SPACE_UNUSUAL_AFTER:
        return None, candidates
    return None, ()


def repair_math(math: str, base: int = 0) -> tuple[str, list[Finding]]:
    """Repair one math span; `base` is its offset in the whole text, for the findings."""
    findings: list[Finding] = []
    out: list[str] = []
    pos = 0
    for m in SUSPECT.finditer(math):
        gap, word = m.group(1), m.group(2)
        before = math[m.start() - 1] if m.start() else ""
        repaired, candidates = _decide(before, gap, word)
        if not candidates:
            continue
        findings.append(Finding(base + m.start(2) - 1, gap[-1] + word, repaired, candidates))
        if repaired is not None:
            out.append(math[pos : m.start(2) - 1])
            out.append("\\" + repaired)
            pos = m.end(2)
    out.append(math[pos:])
    return "".join(out), findings


def repair_tex(text: str) -> tuple[str, list[Finding]]:
    """Repair every math span of `text`; text outside math is left alone."""
    findings: list[Finding] = []
    out: list[str] = []
    pos = 0
    for m in MATH.finditer(text):
        fixed, found = repair_math(m.group(0), m.start())
        out.append(text[pos : m.start()])
        out.append(fixed)
        findings.extend(found)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), findings
