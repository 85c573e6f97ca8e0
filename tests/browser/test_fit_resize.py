"""Equations follow the column both ways: narrower and wider, without JavaScript running."""

from __future__ import annotations

import pytest
from fit_engines import ENGINES
from fitcheck import measure, settle


def resize(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    settle(page)


@pytest.mark.parametrize("engine", ENGINES)
def test_after_shrinking_and_widening_every_equation_is_back_at_its_load_time_size(
    engine, engine_site, load
):
    opened = load(engine_site(engine), 1440)
    before = measure(opened.page)
    resize(opened.page, 375)
    narrow = measure(opened.page)
    resize(opened.page, 1440)
    after = measure(opened.page)

    assert any(n.scale < 0.99 for n in narrow.equations), "nothing was scaled down at 375px"
    for b, a in zip(before.equations, after.equations, strict=True):
        assert a.ink_width == pytest.approx(b.ink_width, abs=1), f"equation {b.index}"
        assert a.scale == pytest.approx(b.scale, abs=0.002), f"equation {b.index}"
        assert a.state == b.state, f"equation {b.index}"
    assert opened.errors == []


@pytest.mark.parametrize("engine", ENGINES)
def test_loaded_on_a_phone_then_widened_equations_grow_back_to_full_size(engine, engine_site, load):
    reference = measure(load(engine_site(engine), 1440).page)
    opened = load(engine_site(engine), 375)
    phone = measure(opened.page)
    resize(opened.page, 1440)
    wide = measure(opened.page)

    grown = 0
    for p, w, r in zip(phone.equations, wide.equations, reference.equations, strict=True):
        assert w.scale == pytest.approx(r.scale, abs=0.002), f"equation {p.index}"
        assert w.ink_width == pytest.approx(r.ink_width, abs=1), f"equation {p.index}"
        if r.state == "fit":
            assert w.scale == 1, f"equation {p.index}"
            grown += p.scale < 1
    assert grown, "no equation was scaled on the phone and whole on the desktop"
    assert opened.errors == []
