"""The ``mathscale`` Python-Markdown extension: the plugin's wrapping for any Markdown pipeline.

For Zensical (which runs a site's Markdown extensions but no MkDocs plugins), MkDocs without the
plugin, or plain ``markdown.markdown(text, extensions=["mathscale"])``. It wraps display math in
the rendered HTML with the same transform as the plugin; the browser assets come from
``python -m mkdocs_mathscale assets`` (see export.py). Under MkDocs with the plugin, the plugin
takes its place (plugin.py), so nothing is done twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from .inject import SCRIPT_ID, option_attributes
from .options import DEFAULT_MIN_SCALE, check_flag, check_scale, check_selectors
from .transform import transform

log = logging.getLogger(__name__)

NAME = "mathscale"
_CHECKS: dict[str, Callable[[object], object]] = {
    "min_scale": check_scale,
    "zoom": check_flag,
    "exclude": check_selectors,
}
# After the raw HTML stash is put back (30) and "&" restored (20): the HTML is then final.
_PRIORITY = 5


class MathScaleExtension(Extension):
    """Wraps every display equation of the converted document (see CONTRACT.md)."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "min_scale": [DEFAULT_MIN_SCALE, "Legibility floor: the smallest scale, 0 < x <= 1"],
            "zoom": [True, "Whether a click on a shrunk equation shows it at full size"],
            "exclude": [[], "CSS selectors whose display math is left alone"],
        }
        super().__init__(**kwargs)

    def setConfig(self, key: str, value: object) -> None:
        """Check one option as the plugin does (Python-Markdown would turn 'yes' into True)."""
        if key not in _CHECKS:
            raise ValueError(
                f"Markdown extension '{NAME}': unknown option {key!r}; "
                f"allowed: {', '.join(_CHECKS)}"
            )
        try:
            self.config[key][0] = _CHECKS[key](value)
        except ValueError as error:
            raise ValueError(f"Markdown extension '{NAME}' option {key!r}: {error}") from None

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the wrapping as the last postprocessor."""
        md.registerExtension(self)
        md.postprocessors.register(_Wrap(md, self.getConfigs()), NAME, _PRIORITY)


class _Wrap(Postprocessor):
    def __init__(self, md: Markdown, options: dict[str, object]) -> None:
        super().__init__(md)
        self.exclude = check_selectors(options["exclude"])
        # The options the runtime reads from the element with the script's id (CONTRACT.md):
        # a script tag from extra_javascript carries no attributes, so the page carries them.
        attributes = option_attributes({k: options[k] for k in ("min_scale", "zoom")})
        self.carrier = f'<span hidden id="{SCRIPT_ID}"{attributes}></span>'

    def run(self, text: str) -> str:
        # As the plugin decides: with arithmatex, TeX left as text is prose, not math.
        raw_tex = not any(
            type(extension).__module__.startswith("pymdownx.arithmatex")
            for extension in self.md.registeredExtensions
        )
        result = transform(text, exclude=self.exclude, raw_tex=raw_tex)
        if result.problems:
            log.warning(
                "mathscale: left %d piece(s) of display math untouched: %s",
                len(result.problems),
                "; ".join(result.problems),
            )
        if not result.equations or SCRIPT_ID in result.html:
            return result.html
        return result.html + self.carrier


def makeExtension(**kwargs: object) -> MathScaleExtension:
    """Entry point for ``markdown.markdown(extensions=["mkdocs_mathscale.extension"])``."""
    return MathScaleExtension(**kwargs)
