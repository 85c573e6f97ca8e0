"""The wrapper tags, and their splicing into the original string around each equation."""

from __future__ import annotations

from collections.abc import Iterable

DIV_OPEN = '<div class="mathscale"><div class="mathscale-inner">'
DIV_CLOSE = "</div></div>"
SPAN_OPEN = '<span class="mathscale"><span class="mathscale-inner">'
SPAN_CLOSE = "</span></span>"


class Unit:
    """One display equation: ``html[start:end]``, wrapped with spans when ``span``."""

    __slots__ = ("end", "mj2", "span", "start")

    def __init__(self, start: int, span: bool, mj2: bool = False) -> None:
        self.start = start
        self.end = -1
        self.span = span
        self.mj2 = mj2


def outermost(units: Iterable[Unit]) -> tuple[list[Unit], list[Unit]]:
    """``units`` in page order without those inside another (a preview holding TeX of its
    own, joined to the script after it), and apart those that cross a kept one (they cannot
    both be wrapped: the later one is left alone)."""
    kept: list[Unit] = []
    crossing: list[Unit] = []
    for unit in sorted(units, key=lambda u: (u.start, -u.end)):
        if kept and unit.start < kept[-1].end:
            if unit.end > kept[-1].end:
                crossing.append(unit)
            continue
        kept.append(unit)
    return kept, crossing


def splice(html: str, units: list[Unit]) -> str:
    """``html`` with each of ``units`` (in order, none overlapping) inside one wrapper."""
    parts: list[str] = []
    pos = 0
    for unit in units:
        parts.append(html[pos : unit.start])
        parts.append(SPAN_OPEN if unit.span else DIV_OPEN)
        parts.append(html[unit.start : unit.end])
        parts.append(SPAN_CLOSE if unit.span else DIV_CLOSE)
        pos = unit.end
    parts.append(html[pos:])
    return "".join(parts)
