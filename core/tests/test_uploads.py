"""Too large an upload is refused before its body is read, with a page that says why."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body of a refused upload was read")

    readline = read


@pytest.fixture
def editor(client):
    get_user_model().objects.create_superuser("up", "up@example.org", "pw-123456789")
    client.post("/admin/login/", {"username": "up", "password": "pw-123456789"})
    return client


def test_a_body_above_the_limit_is_refused_unread(editor, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    response = editor.generic(
        "POST",
        "/admin/documents/multiple/add/",
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        HTTP_REFERER="http://testserver/admin/documents/multiple/add/",
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Uploads are limited to 1 MB" in page
    assert 'href="http://testserver/admin/documents/multiple/add/"' in page
    assert not get_document_model().objects.filter(title="big").exists()


def test_the_documents_library_refuses_a_file_above_its_own_limit(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = get_document_model().objects.count()
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "big",
            "file": SimpleUploadedFile("big.pdf", b"%PDF-1.4 " + b"0" * 4096),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "This file is too big (4.0\xa0KB). Maximum filesize 1.0\xa0KB." in (
        response.content.decode()
    )
    assert get_document_model().objects.count() == before


READ_ONLY = """
CREATE FUNCTION refuse_writes() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'read_only_sql_transaction',
    MESSAGE = 'cannot execute INSERT in a read-only transaction';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER read_only BEFORE INSERT ON wagtaildocs_document
  FOR EACH ROW EXECUTE FUNCTION refuse_writes();
"""


def test_an_upload_the_database_refuses_leaves_no_file_behind(editor):
    def stored():
        return set(default_storage.listdir("documents")[1])

    before = stored()
    with connection.cursor() as cursor:
        cursor.execute(READ_ONLY)  # the documents table answers as a read-only database does
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "annex",
            "file": SimpleUploadedFile("annex.pdf", b"%PDF-1.4 annex"),
            "collection": 1,
        },
    )
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.content.decode()
    assert stored() == before
