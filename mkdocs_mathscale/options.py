"""The options shared by the plugin and the Markdown extension, checked the same way by both.

Pure: no MkDocs imports. Each check returns the value as used, or raises ``ValueError`` with
``got …; allowed: …``, which the front end prefixes with where the option was given.
"""

from __future__ import annotations

DEFAULT_MIN_SCALE = 0.6
_SCALE_RULE = "a number greater than 0 and at most 1"


def check_scale(value: object) -> float:
    """A number in (0, 1]."""
    # bool is an int to Python, but `min_scale: true` is a mistake, not 1.0.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ValueError(f"got {value!r}; allowed: {_SCALE_RULE}")
    return float(value)


def check_flag(value: object) -> bool:
    """A boolean (YAML ``true``/``false``), never a string that looks like one."""
    if not isinstance(value, bool):
        raise ValueError(f"got {value!r}; allowed: true or false")
    return value


def check_selectors(value: object) -> list[str]:
    """CSS selectors, each compiled once so a typo fails the build instead of matching nothing."""
    if not isinstance(value, list):
        raise ValueError(f"got {value!r}; allowed: a list of CSS selectors")
    if not value:
        return []
    # Imported only when selectors are given: it is slow to import and rarely needed.
    import soupsieve

    for selector in value:
        if not isinstance(selector, str) or not selector.strip():
            raise ValueError(f"got {selector!r} in the list; allowed: CSS selectors")
        try:
            soupsieve.compile(selector)
        except soupsieve.SelectorSyntaxError as error:
            reason = str(error).splitlines()[0]
            raise ValueError(
                f"invalid CSS selector {selector!r} ({reason}); allowed: valid CSS selectors"
            ) from None
    return list(value)
