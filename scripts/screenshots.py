"""Take the README's screenshots again, from the demo site that `make run` serves.

    make run                                  # in one terminal
    .venv/bin/python scripts/screenshots.py   # in another; writes docs/screenshots/*.png

Playwright cannot download its own browser here, so it drives Debian's Chromium
(`--chromium`, else $CHROMIUM_PATH, else `chromium` on the PATH)."""

import argparse
import os
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The README names each file and says what it shows: change both together. The last item, when
# there is one, is what the page is scrolled to (near the top of the screen).
SHOTS = [
    ("home.png", "/en/", DESKTOP, None),
    ("search.png", "/en/search/?q=budget", DESKTOP, None),
    (
        "experience.png",
        "/en/experiences/porto-alegre-participatory-budgeting/",
        DESKTOP,
        "main h1",
    ),
    ("agenda.png", "/en/agenda/", DESKTOP, None),
    ("search-phone.png", "/fr/search/?q=budget", PHONE, None),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    port = os.environ.get("IOPD_PORT", "8000")
    parser.add_argument("--base-url", default=f"http://127.0.0.1:{port}")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    chromium = args.chromium or shutil.which("chromium")
    if not chromium:
        sys.exit("error: no Chromium found (apt-get install chromium, or pass --chromium)")
    base = args.base_url.rstrip("/")
    try:
        urllib.request.urlopen(f"{base}/en/", timeout=30)
    except (urllib.error.URLError, OSError) as error:
        sys.exit(f"error: {base} does not answer ({error}); start `make run` first")

    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, path, viewport, anchor in SHOTS:
            phone = viewport is PHONE
            context = browser.new_context(
                viewport=viewport,
                device_scale_factor=1,
                is_mobile=phone,
                has_touch=phone,
                locale=path.split("/")[1],
                color_scheme="light",
            )
            page = context.new_page()
            # Every map and image loaded, nothing still arriving.
            page.goto(base + path, wait_until="networkidle")
            if anchor:
                page.locator(anchor).first.evaluate(
                    "element => scrollTo(0, element.getBoundingClientRect().top + scrollY - 24)"
                )
            page.screenshot(path=args.out / name, animations="disabled")
            context.close()
            print(f"{args.out / name}: {base}{path} at {viewport['width']} px")
        browser.close()


if __name__ == "__main__":
    main()
