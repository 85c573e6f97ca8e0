"""The plugin's typed options, validated when mkdocs.yml is loaded."""

from __future__ import annotations

import soupsieve
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

DEFAULT_MIN_SCALE = 0.6


class Scale(c.BaseConfigOption[float]):
    """A number in (0, 1]."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> float:
        # bool is an int to Python, but `min_scale: true` is a mistake, not 1.0.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError(f"got {value!r}; allowed: a number greater than 0 and at most 1")
        if not 0 < value <= 1:
            raise ValidationError(f"got {value!r}; allowed: a number greater than 0 and at most 1")
        return float(value)


class Selector(c.BaseConfigOption[str]):
    """One CSS selector, compiled once so a typo fails the build instead of matching nothing."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"got {value!r}; allowed: a CSS selector string")
        try:
            soupsieve.compile(value)
        except soupsieve.SelectorSyntaxError as error:
            reason = str(error).splitlines()[0]
            raise ValidationError(
                f"invalid CSS selector {value!r} ({reason}); allowed: a valid CSS selector"
            ) from None
        return value


class Flag(c.BaseConfigOption[bool]):
    """A YAML boolean (``true``/``false``), named in the error when anything else is given."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"got {value!r}; allowed: true or false")
        return value


class MathScaleConfig(Config):
    """Options of the ``mathscale`` plugin in mkdocs.yml."""

    min_scale = Scale(DEFAULT_MIN_SCALE)
    """Smallest scale an equation is shrunk to (legibility floor); wider ones scroll."""
    zoom = Flag(True)
    """Whether a click on a shrunk equation shows it at full size."""
    exclude = c.ListOfItems(Selector(), default=[])
    """CSS selectors whose math is left alone, in addition to ``.no-mathscale``."""
