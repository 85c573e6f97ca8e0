"""Pages like those of math-heavy documentation sites, generated (deterministically) for the
set-up matrix: 150+ display equations per page of every width (many short, some medium, some
long, a few held at the floor on phones), a third of them in ``???`` details closed at load
(some nested), others in ``???+`` details, admonitions and content tabs; ``aligned``, ``cases``
and matrix environments, numbered equations (``equation``, ``align``, ``\\tag``), and long
inline formulas in the prose around them. One page in English, one in Chinese.

``page(language)`` gives the Markdown and the TeX of its display equations in page order (what
failure messages quote).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Terms a formula is built from, each about 40-120 px wide at 16 px.
_TERMS = (
    r"\frac{\partial \mathcal{L}}{\partial \theta_{{i}}}",
    r"\sum_{k=1}^{n} a_k x_k^{{i}}",
    r"\int_0^{\infty} e^{-{i} t} f(t)\,dt",
    r"\mathbb{E}_{x \sim p}\left[\log q_{{i}}(x)\right]",
    r"\left\| W_{{i}} x - b \right\|_2^2",
    r"\lambda_{{i}} \operatorname{tr}(A^\top A)",
    r"\sqrt{1 + \beta_{{i}}^2}",
    r"\prod_{j \ne {i}} (1 - p_j)",
    r"\binom{n}{{i}} p^{{i}} (1-p)^{n-{i}}",
    r"\cos\left(\omega_{{i}} t + \varphi\right)",
    r"\mathrm{KL}\left(q_{{i}} \,\|\, p\right)",
    r"\nabla_x u(x, t_{{i}})",
    r"\boldsymbol{\mu}_{{i}}^\top \boldsymbol{\Sigma}^{-1} \boldsymbol{x}",
    r"\frac{e^{z_{{i}}}}{\sum_{j} e^{z_j}}",
    r"\underbrace{\alpha_{{i}} + \gamma}_{\text{bias}}",
)
_LHS = ("f(x)", "J(\\theta)", "u_t", "\\mathcal{F}[g](\\xi)", "P(A \\mid B)", "\\Phi", "y_i")
_TEXT = {
    "en": ("where", "for all", "if", "otherwise", "subject to"),
    "zh": ("其中", "对所有", "若", "否则", "约束为"),
}
_PROSE = {
    "en": (
        "The derivation follows the usual steps; each line uses only the previous one.",
        "Substituting the estimate into the bound gives the next relation.",
        "This is the form most implementations use, since it avoids an overflow.",
        "Note that the constant does not depend on the sample size.",
    ),
    "zh": (
        "推导按通常的步骤进行，每一步只用到上一步的结论。",  # noqa: RUF001
        "把这个估计代入上面的不等式，就得到下面的关系。",  # noqa: RUF001
        "多数实现都采用这个形式，因为它可以避免数值溢出。",  # noqa: RUF001
        "注意这个常数与样本数量无关。",
    ),
}
_TITLES = {
    "en": ("Derivation", "Proof", "Details", "Example", "Remark"),
    "zh": ("推导", "证明", "细节", "例子", "注"),
}


def _formula(rng: random.Random, terms: int) -> str:
    """A formula of ``terms`` terms, which sets its width."""
    picked = [rng.choice(_TERMS).replace("{i}", str(rng.randint(1, 9))) for _ in range(terms)]
    return f"{rng.choice(_LHS)} = " + " + ".join(picked)


def _width_class(rng: random.Random) -> int:
    """Number of terms: many short, some medium, some long, a few very long."""
    return rng.choices((1, 2, 4, 7, 16), weights=(40, 25, 18, 12, 5))[0]


def _equation(rng: random.Random, kind: int, lang: str) -> tuple[str, str]:
    """(Markdown block, TeX as the reader's engine gets it) of one display equation."""
    words = _TEXT[lang]
    n = _width_class(rng)
    if kind == 0:
        tex = _formula(rng, n)
        return f"$$\n{tex}\n$$", tex
    if kind == 1:
        tex = _formula(rng, n)
        return f"\\begin{{equation}}\n{tex}\n\\end{{equation}}", f"\\begin{{equation}}{tex}"
    if kind == 2:
        a, b = _formula(rng, n), _formula(rng, max(1, n - 1))
        a_rhs, b_rhs = a.split(" = ", 1)[1], b.split(" = ", 1)[1]
        body = f"{a.split(' = ')[0]} &= {a_rhs} \\\\\n&= {b_rhs}"
        return f"\\begin{{align}}\n{body}\n\\end{{align}}", f"\\begin{{align}}{body}"
    if kind == 3:
        tex = f"{_formula(rng, n)} \\tag{{{rng.randint(1, 40)}.{rng.randint(1, 9)}}}"
        return f"$$\n{tex}\n$$", tex
    if kind == 4:
        rows = " \\\\ ".join(_formula(rng, max(1, n // 2)).replace(" = ", " &= ") for _ in "ab")
        tex = f"\\left\\{{\\begin{{aligned}} {rows} \\end{{aligned}}\\right."
        return f"$$\n{tex}\n$$", tex
    if kind == 5:
        a, b = _formula(rng, max(1, n // 2)), _formula(rng, 1)
        tex = (
            f"g(x) = \\begin{{cases}} {a.split(' = ', 1)[1]}, & \\text{{{words[2]} }} x > 0, \\\\"
            f" {b.split(' = ', 1)[1]}, & \\text{{{words[3]}}} \\end{{cases}}"
        )
        return f"$$\n{tex}\n$$", tex
    cols = min(12, 2 + 2 * n)
    row = lambda r: " & ".join(f"a_{{{r}{c}}}" for c in range(1, cols + 1))  # noqa: E731
    env = rng.choice(("pmatrix", "bmatrix", "vmatrix"))
    tex = f"M = \\begin{{{env}}} {row(1)} \\\\ {row(2)} \\\\ {row(3)} \\end{{{env}}}"
    return f"$$\n{tex}\n$$", tex


def _indent(text: str, levels: int = 1) -> str:
    pad = "    " * levels
    return "\n".join(pad + line if line else "" for line in text.splitlines())


@dataclass
class Page:
    """A generated page: its Markdown and the TeX of its display equations in order."""

    language: str
    markdown: str = ""
    equations: list[str] = field(default_factory=list)


def page(language: str, sections: int, seed: int = 10) -> Page:
    """The page in ``en`` or ``zh``: ``sections`` sections of about 10 display equations each
    (16 sections: 155 equations, 52 of them in details closed at load)."""
    rng = random.Random(f"{seed}-{language}")
    out = Page(language)
    blocks: list[str] = []
    prose, titles = _PROSE[language], _TITLES[language]

    def equations(count: int) -> str:
        parts = []
        for _ in range(count):
            md, tex = _equation(rng, rng.randrange(7), language)
            out.equations.append(tex)
            parts.append(f"{rng.choice(prose)}\n\n{md}")
        return "\n\n".join(parts)

    def inline() -> str:
        short, long = _formula(rng, 1), _formula(rng, rng.choice((6, 12)))
        return f"{rng.choice(prose)} \\({short}\\), {_TEXT[language][0]} \\({long}\\)."

    heading = "# Notes on estimation" if language == "en" else "# 估计笔记"
    blocks.append(heading)
    for s in range(sections):
        # An id of its own, as sites in Chinese give their headings (the slug would be "1").
        blocks.append(f"## {titles[s % len(titles)]} {s + 1} {{#section-{s + 1}}}")
        blocks.append(inline())
        blocks.append(equations(3))
        title = titles[(s + 1) % len(titles)]
        # Closed at load: about a third of all equations, one in four sections nested.
        inner = equations(3)
        if s % 4 == 1:
            inner += f'\n\n??? note "{title}"\n\n' + _indent(equations(1))
        blocks.append(f'??? note "{title}"\n\n' + _indent(inner))
        if s % 3 == 0:
            blocks.append(f'???+ example "{title}"\n\n' + _indent(equations(1)))
        if s % 3 == 1:
            blocks.append("!!! note\n\n" + _indent(inline() + "\n\n" + equations(1)))
        if s % 4 == 2:
            tabs = [f'=== "{t}"\n\n' + _indent(equations(1)) for t in titles[:3]]
            blocks.append("\n\n".join(tabs))
        blocks.append(equations(2))
    blocks.append("[English](index.md) · [中文](zh.md)")
    out.markdown = "\n\n".join(blocks) + "\n"
    return out
