"""Realistic display TeX in the style of Scientific Spaces (kexue.fm) posts, deterministic by seed.

Equations come in three widths so a page holds a realistic mix: short ones that always fit,
medium ones that overflow a phone column, and long ones that overflow a desktop column too.
"""

from __future__ import annotations

import random

_VECS = ["q", "k", "v", "x", "y", "z", "h", "w", "u", "s"]
_GREEK = ["alpha", "beta", "gamma", "theta", "lambda", "mu", "sigma", "tau", "phi", "epsilon"]
_IDX = ["i", "j", "k", "n", "m", "t", "l"]


def _pick(rng: random.Random, seq: list[str]) -> str:
    return rng.choice(seq)


def _short(rng: random.Random) -> str:
    v, w = rng.sample(_VECS, 2)
    i, j = rng.sample(_IDX, 2)
    g = _pick(rng, _GREEK)
    forms = [
        rf"\boldsymbol{{{v}}}_{{{i}}}^{{\top}}\boldsymbol{{{w}}}_{{{j}}} = "
        rf"\sum_{{{i}=1}}^{{d}} {v}_{{{i}}} {w}_{{{i}}}",
        rf"p({v}|{w}) = \frac{{e^{{\{g} s({v},{w})}}}}{{Z({w})}}",
        rf"\mathcal{{L}}(\{g}) = -\mathbb{{E}}_{{{v}\sim p({v})}}\left[\log q_{{\{g}}}({v})\right]",
        rf"\Vert\boldsymbol{{{v}}}\Vert_2 = \sqrt{{\sum_{{{i}}} {v}_{{{i}}}^2}}",
    ]
    return rng.choice(forms)


def _medium(rng: random.Random) -> str:
    v, w, u = rng.sample(_VECS, 3)
    i, j = rng.sample(_IDX, 2)
    g, b = rng.sample(_GREEK, 2)
    forms = [
        rf"\boldsymbol{{o}}_{{{i}}} = \frac{{\sum_{{{j}=1}}^{{n}} e^{{\boldsymbol{{{v}}}_{{{i}}}"
        rf"^{{\top}}\boldsymbol{{{w}}}_{{{j}}}/\sqrt{{d}}}}\boldsymbol{{{u}}}_{{{j}}}}}"
        rf"{{\sum_{{{j}=1}}^{{n}} e^{{\boldsymbol{{{v}}}_{{{i}}}^{{\top}}"
        rf"\boldsymbol{{{w}}}_{{{j}}}/\sqrt{{d}}}}}}",
        rf"KL\left(p({v})\Vert q({v})\right) = \int p({v})\log\frac{{p({v})}}{{q({v})}}d{v} "
        rf"= \mathbb{{E}}_{{{v}\sim p({v})}}\left[\log p({v}) - \log q({v})\right]",
        rf"\nabla_{{\{g}}}\mathbb{{E}}_{{{v}\sim p_{{\{g}}}({v})}}[f({v})] = "
        rf"\mathbb{{E}}_{{{v}\sim p_{{\{g}}}({v})}}\left[f({v})\nabla_{{\{g}}}"
        rf"\log p_{{\{g}}}({v})\right]",
        rf"\begin{{aligned}}\boldsymbol{{{v}}}_{{t+1}} =&\, \{b}\boldsymbol{{{v}}}_{{t}} + "
        rf"(1-\{b})\boldsymbol{{g}}_{{t}} \\ \boldsymbol{{\{g}}}_{{t+1}} =&\, "
        rf"\boldsymbol{{\{g}}}_{{t}} - \eta_t\left(\frac{{\boldsymbol{{{v}}}_{{t+1}}}}"
        rf"{{\sqrt{{\boldsymbol{{{w}}}_{{t+1}}}} + \epsilon}} + "
        rf"\lambda\boldsymbol{{\{g}}}_{{t}}\right)\end{{aligned}}",
    ]
    return rng.choice(forms)


def _long(rng: random.Random) -> str:
    v, w, u = rng.sample(_VECS, 3)
    i, j, k = rng.sample(_IDX, 3)
    g, b = rng.sample(_GREEK, 2)
    terms = " + ".join(
        rf"\frac{{\partial^{{{n}}} f}}{{\partial {v}_{{{i}}}^{{{n}}}}}\frac{{({v}_{{{i}}} - "
        rf"{w}_{{{i}}})^{{{n}}}}}{{{n}!}}"
        for n in range(1, rng.randint(4, 6))
    )
    forms = [
        rf"f(\boldsymbol{{{v}}}) = f(\boldsymbol{{{w}}}) + {terms} + "
        rf"\mathcal{{O}}\left(\Vert\boldsymbol{{{v}}} - \boldsymbol{{{w}}}\Vert^{{5}}\right)",
        rf"\begin{{aligned}}\log p(\boldsymbol{{{v}}}) =&\, \log\int p(\boldsymbol{{{v}}}|"
        rf"\boldsymbol{{{u}}})p(\boldsymbol{{{u}}})d\boldsymbol{{{u}}} \geq "
        rf"\mathbb{{E}}_{{\boldsymbol{{{u}}}\sim q(\boldsymbol{{{u}}}|\boldsymbol{{{v}}})}}"
        rf"\left[\log p(\boldsymbol{{{v}}}|\boldsymbol{{{u}}}) + \log p(\boldsymbol{{{u}}}) - "
        rf"\log q(\boldsymbol{{{u}}}|\boldsymbol{{{v}}})\right] \\ =&\, "
        rf"\mathbb{{E}}_{{\boldsymbol{{{u}}}\sim q(\boldsymbol{{{u}}}|\boldsymbol{{{v}}})}}"
        rf"\left[\log p(\boldsymbol{{{v}}}|\boldsymbol{{{u}}})\right] - KL\left(q(\boldsymbol"
        rf"{{{u}}}|\boldsymbol{{{v}}})\Vert p(\boldsymbol{{{u}}})\right)\end{{aligned}}",
        rf"\mathcal{{L}} = -\frac{{1}}{{N}}\sum_{{{i}=1}}^{{N}}\log\frac{{e^{{\cos("
        rf"\boldsymbol{{{v}}}_{{{i}}},\boldsymbol{{{w}}}_{{{i}}})/\{g}}}}}{{\sum_{{{j}=1}}^{{N}}"
        rf"e^{{\cos(\boldsymbol{{{v}}}_{{{i}}},\boldsymbol{{{w}}}_{{{j}}})/\{g}}} + "
        rf"\sum_{{{k}\neq {i}}} e^{{\cos(\boldsymbol{{{v}}}_{{{i}}},\boldsymbol{{{v}}}_{{{k}}})"
        rf"/\{g}}}}} + \{b}\sum_{{{i}=1}}^{{N}}\left\Vert\boldsymbol{{{u}}}_{{{i}}} - "
        rf"\frac{{1}}{{N}}\sum_{{{j}=1}}^{{N}}\boldsymbol{{{u}}}_{{{j}}}\right\Vert^2",
        rf"\boldsymbol{{R}}_{{\{g}}}^{{\top}}\boldsymbol{{R}}_{{{j}}} = \begin{{pmatrix}}"
        rf"\cos {i}\{g} & -\sin {i}\{g} & 0 & 0 \\ \sin {i}\{g} & \cos {i}\{g} & 0 & 0 \\ "
        rf"0 & 0 & \cos {i}\{b} & -\sin {i}\{b} \\ 0 & 0 & \sin {i}\{b} & \cos {i}\{b}"
        rf"\end{{pmatrix}}^{{\top}}\begin{{pmatrix}}\cos {j}\{g} & -\sin {j}\{g} & 0 & 0 \\ "
        rf"\sin {j}\{g} & \cos {j}\{g} & 0 & 0 \\ 0 & 0 & \cos {j}\{b} & -\sin {j}\{b} \\ "
        rf"0 & 0 & \sin {j}\{b} & \cos {j}\{b}\end{{pmatrix}} = \boldsymbol{{R}}_{{{j}-{i}}}",
    ]
    return rng.choice(forms)


def equation(rng: random.Random) -> str:
    """One display equation body (no delimiters): 40 % short, 30 % medium, 30 % long."""
    roll = rng.random()
    if roll < 0.4:
        return _short(rng)
    if roll < 0.7:
        return _medium(rng)
    return _long(rng)


def display_block(rng: random.Random) -> str:
    """A display equation as a post would write it: numbered `equation` env or `$$…$$`."""
    body = equation(rng)
    if rng.random() < 0.6:
        return "\\begin{equation}" + body + "\\end{equation}"
    return "$$" + body + "$$"


_PROSE = (
    "we consider the attention matrix and its normalisation which in practice dominates the "
    "cost of training so the question is whether a cheaper estimate keeps the same behaviour "
    "under the usual assumptions about the distribution of the inputs the derivation below "
    "follows the previous post and fills in the missing steps"
)


def paragraph(rng: random.Random, words: int = 60, inline_math: bool = True) -> str:
    """A paragraph of prose, by default with a couple of inline formulas."""
    vocabulary = _PROSE.split()
    out = [rng.choice(vocabulary) for _ in range(words)]
    out[0] = out[0].capitalize()
    if inline_math:
        out.insert(words // 3, rf"$\boldsymbol{{{_pick(rng, _VECS)}}}_{{{_pick(rng, _IDX)}}}$")
        out.insert(2 * words // 3, rf"$\{_pick(rng, _GREEK)}$")
    return " ".join(out) + "."
