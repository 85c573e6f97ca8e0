"""The built wheel installs into a fresh virtual environment and builds a site on its own.

Needs PyPI (as CI has) for the isolated build backend and the runtime dependencies; pip's cache
makes repeated runs quick.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

from mkdocs_mathscale.served import served

from .build_helpers import display_math, head_tags, parse, read, resolve, wrappers

REPO = Path(__file__).parents[2]
SOURCES = ["pyproject.toml", "README.md", "LICENSE", "mkdocs_mathscale"]


def run(*command: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        },
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_wheel_carries_the_assets_and_builds_a_site_in_a_fresh_venv(tmp_path: Path):
    source = tmp_path / "src"
    source.mkdir()
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--outdir",
        tmp_path / "dist",
        source,
        cwd=tmp_path,
    )
    (wheel,) = (tmp_path / "dist").glob("mkdocs_mathscale-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "mkdocs_mathscale/assets/mathscale.js" in names
    assert "mkdocs_mathscale/assets/mathscale.css" in names
    assert "mkdocs_mathscale/py.typed" in names, "type information is not shipped"
    (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    fields = zipfile.ZipFile(wheel).read(metadata).decode().split("\n\n")[0]
    # The development tools are dependency groups, which are not published: no extras.
    assert "Provides-Extra" not in fields
    assert "pytest" not in fields

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", wheel, "pymdown-extensions", cwd=tmp_path)
    # Run from outside the repository so the source tree cannot be what gets imported.
    location = run(
        python, "-c", "import mkdocs_mathscale; print(mkdocs_mathscale.__file__)", cwd=tmp_path
    )
    assert Path(location.strip()).is_relative_to(venv)

    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    config = {
        "site_name": "Wheel",
        "markdown_extensions": [{"pymdownx.arithmatex": {"generic": True}}],
        "plugins": ["mathscale"],
    }
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Home\n\n$$\nE = mc^2\n$$\n", encoding="utf-8")
    output = run(venv / "bin" / "mkdocs", "build", "--strict", cwd=site)

    assert "display equations wrapped: 1" in output
    page = site / "site" / "index.html"
    tree = parse(read(page))
    assert len(display_math(tree)) == len(wrappers(tree)) == 1
    tags = head_tags(tree)
    for element, attribute in [(tags["css"], "href"), (tags["js"], "src")]:
        target = resolve(site / "site", page, element.get(attribute))
        assert target.read_bytes() == served(target.name)
