"""Sites without ``exclude`` selectors never pay for importing BeautifulSoup or soupsieve."""

from __future__ import annotations

import subprocess
import sys

from .transform_helpers import render

SCRIPT = """
import sys
from mkdocs_mathscale.config import MathScaleConfig
from mkdocs_mathscale.transform import transform

config = MathScaleConfig()
config.load_dict({"min_scale": 0.5})
assert config.validate() == ([], [])
result = transform(sys.stdin.read(), exclude=config.exclude)
assert result.equations == 1, result
print(sorted(name for name in ("bs4", "soupsieve") if name in sys.modules))
"""


def test_a_build_without_exclude_selectors_imports_neither_bs4_nor_soupsieve():
    page = render("Text.\n\n$$\nx^2\n$$")

    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        input=page,
        capture_output=True,
        text=True,
        check=True,
    )

    assert run.stdout.strip() == "[]"
