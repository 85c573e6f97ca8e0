"""The plugin's typed options, validated when mkdocs.yml is loaded."""

from __future__ import annotations

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


class Selectors(c.BaseConfigOption[list[str]]):
    """CSS selectors, each compiled once so a typo fails the build instead of matching nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[str] = []

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list):
            raise ValidationError(f"got {value!r}; allowed: a list of CSS selectors")
        if not value:
            return []
        # Imported only when selectors are given: it is slow to import and rarely needed.
        import soupsieve

        for selector in value:
            if not isinstance(selector, str) or not selector.strip():
                raise ValidationError(f"got {selector!r} in the list; allowed: CSS selectors")
            try:
                soupsieve.compile(selector)
            except soupsieve.SelectorSyntaxError as error:
                reason = str(error).splitlines()[0]
                raise ValidationError(
                    f"invalid CSS selector {selector!r} ({reason}); allowed: valid CSS selectors"
                ) from None
        return list(value)


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
    exclude = Selectors()
    """CSS selectors whose math is left alone, in addition to ``.no-mathscale``."""
