"""Arrows point down: the shared `core` app is what feature apps build on, so it imports none
of them; a feature plugs into core's extension points instead (sitecache.watch, the health
checks, the organisation's details in the structured data, template tags of its own)."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FEATURE_APPS = {
    "accounts", "award", "editorial", "home", "legal", "network", "opendata", "publications",
    "repository", "search", "submissions", "taxonomy",
}  # fmt: skip
# The demo loader fills every app with its demo content: a command above them all, by design.
ALLOWED = {"core/management/commands/load_demo.py"}


def imported(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_core_imports_no_feature_app():
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / "core").rglob("*.py")
        if "tests" not in path.parts and str(path.relative_to(ROOT)) not in ALLOWED
        for name in imported(path)
        if name in FEATURE_APPS
    }
    assert found == set()
