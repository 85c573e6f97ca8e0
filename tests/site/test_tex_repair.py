"""The repair of TeX commands whose backslash escape the scraper ate."""

from site_example.seed_import.texrepair import repair_tex


def test_theta_nabla_and_text_from_the_spam_copy_are_restored() -> None:
    damaged = (
        r"\begin{equation}\left\{\begin{aligned}&g_t= abla_{ heta} L( heta_t)"
        r"\\& ext{Lion}\end{aligned}\right.\end{equation}"
    )
    fixed, findings = repair_tex(damaged)
    assert fixed == (
        r"\begin{equation}\left\{\begin{aligned}&g_t=\nabla_{\theta} L(\theta_t)"
        r"\\&\text{Lion}\end{aligned}\right.\end{equation}"
    )
    assert [f.repaired for f in findings] == ["nabla", "theta", "theta", "text"]


def test_any_command_behind_an_escape_letter_is_restored_not_only_three() -> None:
    damaged = "$ rac{1}{2} ightarrow  ilde{x}, eta, lpha, arepsilon$"
    fixed, _ = repair_tex(damaged)
    assert fixed == r"$\frac{1}{2}\rightarrow \tilde{x},\beta,\alpha,\varepsilon$"


def test_a_surviving_control_character_names_the_eaten_letter() -> None:
    fixed, findings = repair_tex("$\x08oldsymbol{x}+\x0bec{y}$")
    assert fixed == r"$\boldsymbol{x}+\vec{y}$"
    assert not any(f.ambiguous for f in findings)


def test_short_runs_in_an_unusual_place_are_reported_not_guessed() -> None:
    fixed, findings = repair_tex("设$ u$为频率")
    assert fixed == "设$ u$为频率"
    assert [(f.damaged, f.candidates, f.ambiguous) for f in findings] == [(" u", ("nu",), True)]


def test_a_run_that_fits_two_commands_is_reported_not_guessed() -> None:
    fixed, findings = repair_tex("$A( ot B)$")
    assert fixed == "$A( ot B)$"
    assert [(f.candidates, f.ambiguous) for f in findings] == [(("bot", "not"), True)]


def test_ordinary_spaced_variables_are_left_alone_and_not_reported() -> None:
    text = (
        r"\begin{equation}\boldsymbol{h}_t=&\, f(\boldsymbol{g}_{\leq t})"
        r"\\m_t=\beta_1 m_{t-1}\end{equation}"
    )
    assert repair_tex(text) == (text, [])


def test_text_outside_math_is_never_touched() -> None:
    text = "这里的 heta 不是公式, ext 也不是。$x$"
    assert repair_tex(text) == (text, [])


def test_intact_commands_stay_intact() -> None:
    text = r"$\theta + \nabla + \text{argmin} + \mathop{\text{argmin}}_{\boldsymbol{\theta}}$"
    assert repair_tex(text) == (text, [])
