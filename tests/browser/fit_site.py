"""The small real site the fitting tests build: long equations of every kind, math hidden at
load (collapsed admonition, second content tab), math in a table cell, long inline math, and a
second page for instant navigation."""

from __future__ import annotations

from .fit_engines import SITE_URL

# About one and a half phone widths at 16 px.
SINGLE = (
    r"f(x) = \sum_{n=0}^{\infty} \frac{f^{(n)}(a)}{n!}(x-a)^n = f(a) + f'(a)(x-a)"
    r" + \frac{f''(a)}{2!}(x-a)^2 + \frac{f'''(a)}{3!}(x-a)^3 + \cdots"
)
NUMBERED = (
    "\\begin{equation}\n"
    r"\mathcal{L}(\theta) = -\frac{1}{N}\sum_{i=1}^{N}\left[y_i \log \sigma(w^\top x_i + b)"
    r" + (1-y_i)\log\left(1-\sigma(w^\top x_i + b)\right)\right] + \lambda \|w\|_2^2"
    "\n\\end{equation}"
)
TAGGED = (
    r"\log p(x) \geq \mathbb{E}_{q(z|x)}\left[\log p(x|z)\right]"
    r" - \mathrm{KL}\left(q(z|x) \,\|\, p(z)\right) \tag{3.14}"
)
ALIGN = (
    "\\begin{align}\n"
    r"\nabla_\theta J(\theta) &= \mathbb{E}_{\tau \sim \pi_\theta}\left[\sum_{t=0}^{T}"
    r" \nabla_\theta \log \pi_\theta(a_t|s_t)\, R(\tau)\right] \\"
    "\n"
    r"&= \mathbb{E}_{\tau \sim \pi_\theta}\left[\sum_{t=0}^{T} \nabla_\theta"
    r" \log \pi_\theta(a_t|s_t) \sum_{t'=t}^{T} \gamma^{t'-t} r_{t'}\right]"
    "\n\\end{align}"
)
ALIGNED = (
    r"\left\{\begin{aligned} m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t,"
    r" \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\"
    r" \theta_t &= \theta_{t-1} - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\hat m_t,"
    r" \qquad \hat m_t = \frac{m_t}{1-\beta_1^t},\ \hat v_t = \frac{v_t}{1-\beta_2^t}"
    r"\end{aligned}\right."
)
MATRIX = (
    r"\boldsymbol{W} = \begin{bmatrix} w_{11} & w_{12} & w_{13} & w_{14} & w_{15} & w_{16}"
    r" & w_{17} & w_{18} \\ \frac{1}{2} & \frac{1}{3} & \frac{1}{4} & \frac{1}{5}"
    r" & \frac{1}{6} & \frac{1}{7} & \frac{1}{8} & \frac{1}{9} \\ \alpha_1 & \alpha_2"
    r" & \alpha_3 & \alpha_4 & \alpha_5 & \alpha_6 & \alpha_7 & \alpha_8 \end{bmatrix}"
)
COLOR = (
    r"{\color{red} \mathrm{softmax}(x)_i} = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}}"
    r" = {\color{blue} \frac{e^{x_i - \max_k x_k}}{\sum_{j=1}^{n} e^{x_j - \max_k x_k}}}"
)
CHINESE = (
    r"\text{注意力}(Q, K, V) = \text{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V,"
    r"\quad \text{其中 } Q \in \mathbb{R}^{n \times d_k},\ K \in \mathbb{R}^{m \times d_k}"
)
# About three phone widths at 16 px: held at the floor on every phone.
HUGE = " + ".join(
    rf"\frac{{\partial^2 \mathcal{{L}}}}{{\partial \theta_{{{i}}} \partial \theta_{{{i + 1}}}}}"
    rf" \Delta\theta_{{{i}}}\Delta\theta_{{{i + 1}}}"
    for i in range(1, 13)
)
MEDIUM = r"\sigma(x) = \frac{1}{1 + e^{-x}} = \frac{e^x}{e^x + 1} = 1 - \sigma(-x)"
SHORT = r"E = mc^2"


def _block(tex: str) -> str:
    return f"$$\n{tex}\n$$"


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


INDEX = "\n\n".join(
    [
        "# Equations of every kind",
        "A short one that fits everywhere:",
        _block(SHORT),
        "A medium one:",
        _block(MEDIUM),
        "A long Taylor series:",
        _block(SINGLE),
        "A numbered equation:",
        NUMBERED,
        "A tagged bound:",
        _block(TAGGED),
        "An aligned derivation:",
        ALIGN,
        "A system:",
        _block(ALIGNED),
        "A matrix:",
        _block(MATRIX),
        "In colour:",
        _block(COLOR),
        "With Chinese text:",
        _block(CHINESE),
        "A very long one:",
        _block(HUGE),
        "Inline math stays in its line: \\(a^2 + b^2 = c^2\\), and so does a very long inline"
        " formula \\(" + SINGLE + "\\) in a paragraph.",
        "[Next page](second.md)",
    ]
)

HIDDEN = "\n\n".join(
    [
        "# Hidden at load",
        '??? note "Derivation (collapsed)"\n\n' + _indent(_block(SINGLE)),
        '=== "First tab"\n\n    Nothing here.\n\n=== "Second tab"\n\n' + _indent(NUMBERED),
        "A table:",
        "<table>\n<tr><th>Name</th><th>Definition</th><th>Note</th></tr>\n"
        '<tr><td>loss</td><td><div class="arithmatex">\\[' + SINGLE + "\\]</div></td>"
        "<td>see above</td></tr>\n</table>",
    ]
)

SECOND = "\n\n".join(
    [
        "# Second page",
        "Reached by instant navigation:",
        _block(COLOR),
        _block(HUGE),
        "[Back](index.md)",
    ]
)

# A long article's pattern: inline math, then derivations in admonitions closed at load (every
# third equation), between paragraphs, tips and equations in plain view.
_ARTICLE = [SHORT, MEDIUM, SINGLE, TAGGED, ALIGNED, CHINESE, HUGE]


def _article_block(i: int) -> str:
    block = _block(_ARTICLE[i % len(_ARTICLE)]) if i % 5 else (NUMBERED, ALIGN)[i // 5 % 2]
    if i % 3 == 0:
        return f'??? note "Derivation {i}"\n\n' + _indent(f"The steps of {i}:\n\n{block}")
    if i % 7 == 0:
        return f'!!! tip "Result {i}"\n\n' + _indent(block)
    return f"Paragraph {i}, on the result that follows.\n\n{block}"


CLOSED = "\n\n".join(
    [
        "# Derivations",
        "With \\(x\\) the input and \\(a^2 + b^2\\) its energy, inline.",
        *(_article_block(i) for i in range(60)),
    ]
)

DOCS = {"index.md": INDEX, "hidden.md": HIDDEN, "closed.md": CLOSED, "second.md": SECOND}
"""The site's pages: file name to Markdown."""


def mkdocs_config(theme: str) -> dict:
    """mkdocs.yml for the test site with theme ``material`` or ``mkdocs``."""
    theme_cfg: dict = {"name": theme, "custom_dir": "overrides"}
    if theme == "mkdocs":
        theme_cfg["highlightjs"] = False  # it would come from a CDN
    if theme == "material":
        theme_cfg["features"] = ["navigation.instant"]
        theme_cfg["font"] = False  # no Google Fonts: tests never leave 127.0.0.1
    return {
        "site_name": "mathscale test",
        "site_url": SITE_URL,
        "theme": theme_cfg,
        "plugins": ["search", "mathscale"],
        "markdown_extensions": [
            {"pymdownx.arithmatex": {"generic": True}},
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
    }
