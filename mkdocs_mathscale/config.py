"""The plugin's typed options, validated when mkdocs.yml is loaded (the checks: options.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from .options import DEFAULT_MIN_SCALE, check_flag, check_scale, check_selectors

T = TypeVar("T")


class _Checked(BaseConfigOption[T], Generic[T]):
    """An option validated by one of the checks in options.py."""

    def __init__(self, check: Callable[[object], T], default: T) -> None:
        super().__init__()
        self.check = check
        self.default = default

    def run_validation(self, value: object) -> T:
        try:
            return self.check(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class MathScaleConfig(Config):
    """Options of the ``mathscale`` plugin in mkdocs.yml."""

    min_scale = _Checked(check_scale, DEFAULT_MIN_SCALE)
    """Smallest scale an equation is shrunk to (legibility floor); wider ones scroll."""
    zoom = _Checked(check_flag, True)
    """Whether a click on a shrunk equation shows it at full size."""
    exclude: _Checked[list[str]] = _Checked(check_selectors, [])
    """CSS selectors whose math is left alone, in addition to ``.no-mathscale``."""
