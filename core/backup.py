"""One archive holds the whole site: the database, the uploaded files, and a manifest of what
was in them. Restoring it into an empty database and media folder gives the same site back,
then rebuilds the search index (the engine is not backed up: it is derived from the database).

The archive (`.tar.gz`):
    manifest.json     when, which database engine, and the counts checked after a restore
    database.dump     PostgreSQL's custom format (pg_dump -Fc), or
    database.sqlite3  a consistent copy of the demo's SQLite file
    media/...         MEDIA_ROOT: images and documents
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    pass


def counts():
    """What a restore must find again: pages, revisions, translations and files."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Revision

    default = Locale.get_default()
    return {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "translations": Page.objects.filter(depth__gt=1).exclude(locale=default).count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


def media_files():
    """Files of image and document rows, by path under MEDIA_ROOT (the ones that matter)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    names = set(get_document_model().objects.values_list("file", flat=True))
    names |= set(get_image_model().objects.values_list("file", flat=True))
    return sorted(name for name in names if name)


def _pg_environment():
    database = settings.DATABASES["default"]
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command, environment=None):
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


def backup(destination):
    """Write the archive to `destination` (a file path); returns the manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": connection.vendor,
        "counts": counts(),
        "files": media_files(),
    }
    manifest["missing_files"] = [
        name for name in manifest["files"] if not (media_root / name).is_file()
    ]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if connection.vendor == "postgresql":
            database = work / "database.dump"
            _run(["pg_dump", "--format=custom", f"--file={database}"], _pg_environment())
        elif connection.vendor == "sqlite":
            database = work / "database.sqlite3"
            source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            with sqlite3.connect(database) as copy:
                source.backup(copy)  # consistent even while the server writes
            source.close()
        else:
            raise BackupError(f"no backup for the {connection.vendor} database")
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(destination, "w:gz") as archive:
            archive.add(work / "manifest.json", "manifest.json")
            archive.add(database, database.name)
            if media_root.is_dir():
                archive.add(media_root, "media")
    return manifest


def _empty_database():
    return not connection.introspection.table_names()


def restore(source, replace=False):
    """Restore the archive into the configured database and MEDIA_ROOT; returns the manifest.

    Refuses a database or media folder that holds anything, unless `replace`."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(source) as archive:
        work = Path(work)
        archive.extractall(work, filter="data")  # no absolute paths, links out or devices
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("this archive was written by another version of the backup")
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"this archive holds a {manifest['database']} database, "
                f"and the site is configured for {connection.vendor}"
            )
        has_media = media_root.is_dir() and any(media_root.iterdir())
        if not replace and (not _empty_database() or has_media):
            raise BackupError(
                "the database or MEDIA_ROOT is not empty; restore into empty ones, "
                "or pass --replace to overwrite them"
            )
        if connection.vendor == "postgresql":
            connection.close()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={settings.DATABASES['default']['NAME']}",
                    str(work / "database.dump"),
                ],
                _pg_environment(),
            )
        else:
            connection.close()
            target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            with sqlite3.connect(work / "database.sqlite3") as copy:
                copy.backup(target)
            target.close()
        if (work / "media").is_dir():
            if replace and media_root.is_dir():
                shutil.rmtree(media_root)
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)
    return manifest
