"""Bad configuration fails the build with one clear line naming the option, value and rule."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml


def mkdocs_build(root, plugin_options=None, pages=None):
    """Run the real CLI (`mkdocs build --strict`) and return (exit code, stderr lines)."""
    plugin = {"mathscale": plugin_options} if plugin_options is not None else "mathscale"
    config = {
        "site_name": "Test",
        "markdown_extensions": [{"pymdownx.arithmatex": {"generic": True}}],
        "plugins": [plugin],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for name, text in (pages or {"index.md": "# Home\n\n$$\nx\n$$\n"}).items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    errors = [line for line in run.stderr.splitlines() if line.startswith("ERROR")]
    return run.returncode, errors, run.stderr


BAD_OPTIONS = {
    "min_scale zero": (
        {"min_scale": 0},
        "option 'min_scale': got 0; allowed: a number greater than 0 and at most 1",
    ),
    "min_scale above one": ({"min_scale": 1.5}, "option 'min_scale': got 1.5; allowed:"),
    "min_scale text": ({"min_scale": "small"}, "option 'min_scale': got 'small'; allowed:"),
    "min_scale boolean": ({"min_scale": True}, "option 'min_scale': got True; allowed:"),
    "zoom text": ({"zoom": "yes"}, "option 'zoom': got 'yes'; allowed: true or false"),
    "exclude not a list": (
        {"exclude": ".proof"},
        "option 'exclude': got '.proof'; allowed: a list of CSS selectors",
    ),
    "exclude bad selector": (
        {"exclude": [".ok", "div[data-x"]},
        "option 'exclude': invalid CSS selector 'div[data-x'",
    ),
}


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_invalid_option_fails_with_one_line_naming_it(tmp_path, options, message):
    code, errors, stderr = mkdocs_build(tmp_path, options)

    assert code != 0
    assert len(errors) == 1
    assert "Plugin 'mathscale'" in errors[0]
    assert message in errors[0]
    assert "Traceback" not in stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("value", ["maybe", "0", "[]"])
def test_non_boolean_front_matter_names_the_page(tmp_path, value):
    pages = {"index.md": "# Home\n", "notes.md": f"---\nmathscale: {value}\n---\n# Notes\n"}

    code, errors, stderr = mkdocs_build(tmp_path, pages=pages)

    assert code != 0
    assert any(
        "notes.md: front matter 'mathscale' is" in line and "allowed: true or false" in line
        for line in errors
    )
    assert "Traceback" not in stderr


def test_valid_options_build_cleanly_under_strict(tmp_path):
    code, errors, stderr = mkdocs_build(
        tmp_path, {"min_scale": 1, "zoom": False, "exclude": [".proof", "div > .x"]}
    )

    assert (code, errors) == (0, [])
    assert "mathscale" not in stderr
