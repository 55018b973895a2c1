"""Every interface string has a translation in each enabled language."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_is_complete(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{code}: untranslated {untranslated}"
    assert fuzzy == [], f"{code}: fuzzy {fuzzy}"
    for entry in catalogue.translated_entries():
        # A translation must keep every placeholder of its source.
        for placeholder in ("%(", "{"):
            assert entry.msgid.count(placeholder) == (entry.msgstr or entry.msgstr_plural[0]).count(
                placeholder
            ), entry.msgid


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """Extracting the strings again adds nothing: no string was marked and left out."""
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    environment = {**os.environ, "LOCALE_DIR": str(tmp_path / "locale")}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "extract_messages", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for code in TRANSLATED_LANGUAGES:
        committed = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        extracted = polib.pofile(str(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"))
        missing = {e.msgid for e in extracted} - {e.msgid for e in committed}
        unused = {e.msgid for e in committed} - {e.msgid for e in extracted}
        assert not missing, f"{code}: run `make messages` and translate {sorted(missing)}"
        assert not unused, f"{code}: run `make messages` to drop {sorted(unused)}"
