"""A release: the live public experiences written once, in every language (sources first, as
the importer reads them), with the codebook and a data card per language, each file stored
with its SHA-256, and what changed since the release before."""

import hashlib
import io
import json
import re

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Locale

from repository.exchange import export_rows, write_codebook_csv, write_csv, write_json

from .catalogue import coverage, languages, public_experiences
from .models import OpenDataPage, Release

VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$")
STORAGE_PREFIX = "opendata/releases"


class ReleaseError(Exception):
    pass


def release_rows():
    """Every live public experience, the repository's language first, then its translations."""
    default = Locale.get_default()
    locales = [default, *Locale.objects.exclude(pk=default.pk).order_by("language_code")]
    rows = []
    for locale in locales:
        pages = public_experiences().filter(locale=locale).order_by("pk")
        rows.extend(export_rows(pages))
    return rows


def fingerprints(rows):
    """external_id -> digest of its rows' content (not of the publication time or address)."""
    grouped = {}
    for row in rows:
        content = {
            key: value for key, value in row.items() if key not in ("url", "last_published_at")
        }
        grouped.setdefault(row["external_id"], []).append(
            json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
        )
    return {
        key: hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()
        for key, parts in grouped.items()
    }


def changes(previous, current):
    if previous is None:
        return len(current), 0, 0
    old = previous.fingerprints
    added = sum(1 for key in current if key not in old)
    withdrawn = sum(1 for key in old if key not in current)
    updated = sum(1 for key, digest in current.items() if key in old and old[key] != digest)
    return added, updated, withdrawn


def default_version(today):
    version, number = today.isoformat(), 1
    while Release.objects.filter(version=version).exists():
        number += 1
        version = f"{today.isoformat()}-{number}"
    return version


def country_names(codes):
    """The countries' names in the active language, sorted as a reader looks them up."""
    from taxonomy.models import Country

    return sorted(country.name for country in Country.objects.filter(code__in=codes))


def store(path, content):
    if default_storage.exists(path):
        default_storage.delete(path)
    saved = default_storage.save(path, ContentFile(content))
    return saved, len(content), hashlib.sha256(content).hexdigest()


def make_release(version=None, today=None):
    today = today or timezone.localdate()
    version = version or default_version(today)
    if not VERSION.match(version):
        raise ReleaseError(f"a version is letters, digits, - and _ (got {version!r})")
    if Release.objects.filter(version=version).exists():
        raise ReleaseError(f"release {version} exists already")
    pages = {
        page.locale.language_code: page
        for page in OpenDataPage.objects.live().select_related("locale")
    }
    default_language = Locale.get_default().language_code
    page = pages.get(default_language)
    if page is None:
        raise ReleaseError("no live open-data page in the default language to release from")
    previous = Release.objects.order_by("-issued", "-pk").first()
    rows = release_rows()
    current = fingerprints(rows)
    added, updated, withdrawn = changes(previous, current)
    countries, first, last = coverage(
        public_experiences().filter(locale__language_code=default_language)
    )
    release = Release(
        version=version,
        issued=today,
        licence=page.licence,
        experiences=len(current),
        rows=len(rows),
        countries=countries,
        first_year=first,
        last_year=last,
        added=added,
        updated=updated,
        withdrawn=withdrawn,
        fingerprints=current,
    )
    files = []

    def write(key, name, fmt, content, language=None):
        path, size, digest = store(f"{STORAGE_PREFIX}/{version}/{name}", content)
        files.append(
            {
                "key": key,
                "name": name,
                "path": path,
                "format": fmt,
                "language": language,
                "size": size,
                "sha256": digest,
            }
        )

    stem = f"iopd-experiences-{version}"
    with translation.override(default_language):
        for fmt, writer in (("csv", write_csv), ("json", write_json)):
            buffer = io.StringIO()
            writer(rows, buffer)
            write(fmt, f"{stem}.{fmt}", fmt, buffer.getvalue().encode())
    for code in languages():
        with translation.override(code):
            buffer = io.StringIO()
            write_codebook_csv(buffer)
            write(
                f"codebook-{code}",
                f"{stem}-codebook-{code}.csv",
                "csv",
                buffer.getvalue().encode(),
                code,
            )
    release.files = files
    for code in languages():
        with translation.override(code):
            card = render_to_string(
                "opendata/datacard.txt",
                {
                    "release": release,
                    "previous": previous,
                    "page": pages.get(code, page),
                    "countries": country_names(countries),
                },
            )
        write(f"card-{code}", f"{stem}-datacard-{code}.md", "md", card.encode(), code)
    release.files = files
    release.save()
    return release
