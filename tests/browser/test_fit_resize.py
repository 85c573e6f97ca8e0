"""Loaded on a phone, then widened: equations grow back.

(Loaded wide, shrunk, widened again: see test_fit_widths.)
"""

from __future__ import annotations

import pytest

from .fit_engines import ENGINES
from .fitcheck import measure, settle


def resize(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    settle(page)


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
