"""The README's pictures: each image it shows is a screenshot in the repository, of the size the
README states, and scripts/screenshots.py takes exactly those."""

import importlib.util
import re
from pathlib import Path

from django.conf import settings
from PIL import Image

ROOT = Path(settings.BASE_DIR)
README = (ROOT / "README.md").read_text()
# Markdown images and HTML ones.
IMAGES = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", README) + re.findall(
    r'<img [^>]*alt="([^"]*)"[^>]*src="([^"]+)"', README
)
# The sizes the README states on its line "Screenshots of `make run` at 1280 by 900 and ...".
SIZES = {
    (int(width), int(height))
    for width, height in re.findall(
        r"(\d+) \N{MULTIPLICATION SIGN} (\d+)", re.search(r"Screenshots of .*", README)[0]
    )
}


def test_every_image_the_readme_shows_is_a_plausible_screenshot():
    assert len(IMAGES) >= 5, "the README shows the home, experience, search and agenda pages"
    assert SIZES, "the README states the size of its screenshots"
    for alt, path in IMAGES:
        assert alt.strip(), f"{path} has no text alternative"
        file = ROOT / path
        assert file.is_file(), f"the README shows {path}, which is missing"
        assert 20_000 < file.stat().st_size < 2_000_000, f"{path}: {file.stat().st_size} bytes"
        with Image.open(file) as image:
            assert image.format == "PNG", path
            assert image.size in SIZES, f"{path} is {image.size}"
            # A page, not a blank or one-colour picture: text brings many shades.
            assert image.convert("RGB").getcolors(256) is None, f"{path} looks empty"


def test_the_screenshot_script_takes_the_images_the_readme_shows():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts/screenshots.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    taken = {f"docs/screenshots/{name}" for name, *_rest in script.SHOTS}
    shown = {path for _alt, path in IMAGES}
    assert taken == shown
    assert {f"docs/screenshots/{file.name}" for file in (ROOT / "docs/screenshots").iterdir()} == (
        shown
    ), "a screenshot the README does not show"
