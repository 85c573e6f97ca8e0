"""The ``mathscale`` MkDocs plugin: MkDocs events only; the work is in transform and inject."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .config import MathScaleConfig
from .extension import MathScaleExtension
from .inject import asset_tags, has_assets, inject, option_attributes
from .served import ASSETS_DIR, NAMES, served, version
from .transform import transform

log = get_plugin_logger(__name__)

SITE_DIR = "assets/mathscale"


class MathScalePlugin(BasePlugin[MathScaleConfig]):
    """Wraps every display equation at build time and links the fitting script and style."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the site settings the transform depends on and reset the build's counters."""
        # With arithmatex every delimiter it knows is already converted; what is left as text
        # is literal prose that MathJax (set up for arithmatex) will not typeset either.
        self.raw_tex = not any(
            str(ext).startswith("pymdownx.arithmatex") for ext in config.markdown_extensions
        )
        # Instant navigation swaps the page body and never runs scripts added to <head>, so
        # the assets have to be present from whichever page the visitor lands on first.
        theme = config.theme
        self.every_page = theme.name == "material" and "navigation.instant" in (
            theme.get("features") or []
        )
        self.exclude = list(self.config.exclude)
        self.option_attributes = option_attributes(
            {"min_scale": self.config.min_scale, "zoom": self.config.zoom}
        )
        try:
            self.version = version(self.config.min_scale)
        except OSError as error:
            raise PluginError(
                f"mathscale asset missing from the installed package ({ASSETS_DIR}): {error}"
            ) from error
        self.pages = 0
        self.equations = 0
        self.opted_out = 0
        self.copies = _take_over_standalone(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the scripts and style sheets, as served (see served.py), as generated files."""
        for file in [f for f in files if f.src_uri in self.copies]:
            files.remove(file)
        for name in NAMES:
            uri = f"{SITE_DIR}/{name}"
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"docs file '{uri}' clashes with the mathscale asset of that name; rename it"
                )
            content = served(name, self.config.min_scale)
            files.append(File.generated(config, uri, content=content))
        return files

    # Early, before minifiers and the like rewrite the page, so its content is still found
    # verbatim and only that part needs scanning.
    @event_priority(50)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Wrap the page's display equations and link the assets when it has any.

        Done on the final HTML, not on_page_content, so that content other plugins render
        themselves (Material's blog excerpts on index, archive and category pages) is included.
        """
        self.pages += 1
        name = page.file.src_uri
        enabled = page.meta.get("mathscale", True)
        if not isinstance(enabled, bool):
            raise PluginError(
                f"{name}: front matter 'mathscale' is {enabled!r}; allowed: true or false"
            )
        if not enabled:
            self.opted_out += 1
            log.debug("%s: opted out in front matter", name)
            return self._with_assets(output, page, display=True) if self.every_page else output
        result = transform(output, exclude=self.exclude, raw_tex=self.raw_tex, within=page.content)
        if result.problems:
            log.warning(
                "%s: left %d piece(s) of display math untouched: %s",
                name,
                len(result.problems),
                "; ".join(result.problems),
            )
        self.equations += result.equations
        log.debug("%s: %d display equation(s), %d inline", name, result.equations, result.inline)
        if result.equations or self.every_page:
            return self._with_assets(result.html, page, display=True, head_end=result.head_end)
        if result.inline:
            return self._with_assets(result.html, page, display=False, head_end=result.head_end)
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """One summary line for the build."""
        log.info(
            "pages: %d, display equations wrapped: %d, pages opted out: %d",
            self.pages,
            self.equations,
            self.opted_out,
        )

    def _with_assets(
        self, html: str, page: Page, display: bool, head_end: int | None = None
    ) -> str:
        if has_assets(html):
            return html
        if not display:
            return inject(html, asset_tags(self._url("mathscale.css", page), None), head_end)
        tags = asset_tags(
            self._url("mathscale.css", page),
            self._url("mathscale.js", page),
            self.option_attributes,
        )
        return inject(html, tags, head_end)

    def _url(self, name: str, page: Page) -> str:
        url = get_relative_url(f"{SITE_DIR}/{name}", page.url)
        return f"{url}?v={self.version}"


def _take_over_standalone(config: MkDocsConfig) -> set[str]:
    """Drop what a site set up for Zensical (or any generator without the plugin) also has: the
    Markdown extension, which would wrap the math before the plugin sees it, and the asset lines
    and files of ``python -m mkdocs_mathscale assets``, which would link the assets a second
    time. Returns the docs paths of those files, which on_files leaves out."""
    for extension in list(config.markdown_extensions):
        if extension == "mathscale" or isinstance(extension, MathScaleExtension):
            config.markdown_extensions.remove(extension)
    config.mdx_configs.pop("mathscale", None)
    copies: set[str] = set()
    for key, name in (("extra_css", "mathscale.css"), ("extra_javascript", "mathscale.js")):
        for entry in list(config[key]):
            url = urlsplit(str(getattr(entry, "path", entry)))
            folder, _, file = url.path.rpartition("/")
            if file == name and not url.netloc:
                config[key].remove(entry)
                copies.update(f"{folder}/{asset}".lstrip("/") for asset in NAMES)
    return copies
