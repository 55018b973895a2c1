"""Backup and restore: one command each, and a restore into a fresh database finds every page,
revision, translation and file again."""

import json
import uuid

import psycopg
import pytest
from django.db import connection

from core.backup import counts, media_files
from tests.test_admin_and_settings import run_django

SETTINGS = "iopd_site.settings.test"
COUNT = "import json; from core.backup import counts; print('COUNTS ' + json.dumps(counts()))"
KEYS = (
    "import json; from wagtail.models import Page; print('KEYS ' + json.dumps(sorted("
    "f'{p.translation_key}:{p.locale_id}:{p.title}:{p.live}' for p in Page.objects.all())))"
)


def url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"


def admin_connection():
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def printed(result, prefix):
    lines = [line for line in result.stdout.splitlines() if line.startswith(prefix)]
    assert lines, result.stderr[-3000:]
    return json.loads(lines[-1].removeprefix(prefix))


@pytest.mark.django_db
def test_a_backup_restores_into_a_fresh_database_with_every_page_and_file(tmp_path):
    media = tmp_path / "media"
    for name in media_files():  # the demo's files live in memory in tests; put them on disk
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(f"content of {name}".encode())
    source = {"DATABASE_URL": url(connection.settings_dict["NAME"]), "MEDIA_ROOT": str(media)}
    archive = tmp_path / "site.tar.gz"
    result = run_django(SETTINGS, source, "backup", "--output", str(archive))
    assert result.returncode == 0, result.stderr
    assert "Backed up" in result.stdout
    before = counts()
    assert before["pages"] > 100 and before["translations"] > 30 and before["images"] > 10
    keys_before = printed(run_django(SETTINGS, source, "shell", "-c", KEYS), "KEYS ")

    name = f"iopd_restore_{uuid.uuid4().hex[:8]}"
    with admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        restored_media = tmp_path / "restored-media"
        target = {"DATABASE_URL": url(name), "MEDIA_ROOT": str(restored_media)}
        result = run_django(SETTINGS, target, "restore", str(archive))
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Restored" in result.stdout
        assert printed(run_django(SETTINGS, target, "shell", "-c", COUNT), "COUNTS ") == before
        assert printed(run_django(SETTINGS, target, "shell", "-c", KEYS), "KEYS ") == keys_before
        for file in media_files():
            assert (restored_media / file).read_bytes() == f"content of {file}".encode()
        # Restoring again over a site that holds data is refused unless asked for.
        result = run_django(SETTINGS, target, "restore", str(archive))
        assert result.returncode != 0 and "is not empty" in result.stderr
    finally:
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
