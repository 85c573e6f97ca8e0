"""MkDocs hook: ship the local MathJax 3 copy with the site, so no page needs a CDN.

The copy is the npm package `scripts/setup` installs in vendor/engines/node_modules/mathjax3. The
hook adds the combined TeX-to-CommonHTML component, the TeX extensions it loads on demand and
the CommonHTML web fonts as generated files under assets/mathjax/.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
MATHJAX = ROOT / "vendor" / "engines" / "node_modules" / "mathjax3" / "es5"
SHIPPED = ("tex-chtml.js", "input/tex/extensions/*.js", "output/chtml/fonts/woff-v2/*.woff")
DEST = "assets/mathjax"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the MathJax files, or stop the build saying how to get them."""
    if not (MATHJAX / SHIPPED[0]).is_file():
        raise PluginError(
            f"local MathJax 3 not found: {MATHJAX / SHIPPED[0]} is missing. "
            "Run scripts/setup (it installs the local MathJax copies with npm)."
        )
    for pattern in SHIPPED:
        for path in sorted(MATHJAX.glob(pattern)):
            uri = f"{DEST}/{path.relative_to(MATHJAX).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
