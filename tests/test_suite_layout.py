"""`make test` runs every app's tests: pytest only collects the folders pyproject.toml names,
and the tests of two new apps (legal, opendata) once sat outside them, passing nowhere."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_folder_with_tests_is_collected():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    collected = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {
        path.parent.parent.name
        for path in ROOT.glob("*/tests/test_*.py")
        if not path.is_relative_to(ROOT / ".venv")
    } | {"tests"}
    assert with_tests - collected == set()
