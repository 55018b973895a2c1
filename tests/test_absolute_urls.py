"""Every absolute address a machine reads (the API, exports, feeds, calendars, the sitemap,
emails) names the host the reader asked for, or the configured base URL: never the Site
record's `localhost`, which is no address outside the server."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Site

from editorial.roles import COORDINATORS, OFFICERS
from repository.models import ExperiencePage
from search.indexing import deliver
from tests.fixtures import give_picture, sign_in, submit_for_review

pytestmark = pytest.mark.django_db

HOST = "observatory.example.org"
# Hosts that only mean something on the server itself.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver"}
ADDRESS = re.compile(r"https?://[^\s\"'<>\\]+")


@pytest.fixture
def reader(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    return Client(HTTP_HOST=HOST)


def addresses(text):
    """The absolute addresses in a text, with the local ones apart."""
    found = ADDRESS.findall(text)
    local = [url for url in found if urlsplit(url).hostname in LOCAL_HOSTS]
    ours = [url for url in found if urlsplit(url).hostname == HOST]
    return ours, local


def body(response):
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def assert_on_asked_host(text, what):
    ours, local = addresses(text)
    assert not local, f"{what}: {local[:3]}"
    assert ours, f"{what}: no address of {HOST}"


def test_the_api_links_to_the_host_asked_for(reader, django_capture_on_commit_callbacks):
    english = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    # A picture, so that the image URLs of the API are checked too.
    with django_capture_on_commit_callbacks(execute=True):  # its translations follow
        give_picture(sign_in("editor", superuser=True), english, "The assembly")
    experience = english.get_translation(Locale.objects.get(language_code="fr"))
    assert experience.hero_image_id
    for url in (
        "/api/v2/pages/?type=repository.ExperiencePage&fields=hero_image",
        "/api/v2/pages/?locale=fr",
        f"/api/v2/pages/{experience.pk}/",
    ):
        assert_on_asked_host(body(reader.get(url)), url)
    listing = reader.get("/api/v2/pages/", {"locale": "fr"}).json()
    item = listing["items"][0]
    assert item["meta"]["detail_url"] == f"http://{HOST}/api/v2/pages/{item['id']}/"
    page = ExperiencePage.objects.get(pk=experience.pk)
    detail = reader.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["meta"]["html_url"] == f"http://{HOST}{page.url}"
    assert detail["meta"]["parent"]["meta"]["html_url"].startswith(f"http://{HOST}/fr/")


def test_the_apis_find_redirects_on_the_host_asked_for(reader):
    response = reader.get("/api/v2/pages/find/", {"id": ExperiencePage.objects.first().pk})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).hostname in (HOST, None)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_exports_name_each_experience_on_the_host_asked_for(reader, fmt):
    text = body(reader.get(f"/fr/experiences/export/{fmt}/"))
    assert_on_asked_host(text, fmt)
    if fmt == "json":
        rows = json.loads(text)["experiences"]
        assert rows and all(row["url"].startswith(f"http://{HOST}/fr/") for row in rows)


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/rss/",
        "/fr/actualites/atom/",
        "/en/experiences/feed/rss/",
        "/es/agenda/ical/",
        "/en/search/feed/?q=budget",
        "/en/youth-latin-america/feed/",
        "/sitemap-pages.xml",
    ],
)
def test_feeds_calendars_and_sitemap_link_to_the_host_asked_for(reader, url):
    deliver()
    if url.startswith("/sitemap-"):
        index = body(reader.get("/sitemap.xml"))
        assert_on_asked_host(index, "/sitemap.xml")
        url = urlsplit(addresses(index)[0][0]).path
    assert_on_asked_host(body(reader.get(url)), url)


def test_notification_emails_link_to_the_configured_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = f"https://{HOST}"
    officer = sign_in("olga", OFFICERS)
    coordinator = sign_in("carlos", COORDINATORS)
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    submit_for_review(officer, page)
    # The coordinator's dashboard lists the page with an Approve button, whose script posts here.
    dashboard = coordinator.get("/admin/").content.decode()
    approve = re.search(
        rf'data-workflow-action-url="(/admin/pages/workflow/action/{page.pk}/approve/\d+/)"',
        dashboard,
    ).group(1)
    mail.outbox.clear()
    response = coordinator.post(approve, {"comment": ""})
    assert response.status_code in (200, 302)
    assert page.current_workflow_state is None
    assert mail.outbox, "the officer is told the page was approved"
    for message in mail.outbox:
        texts = [message.body, *(part for part, _type in getattr(message, "alternatives", []))]
        for text in texts:
            assert not addresses(text)[1], message.subject
    # "You can view the page here:" names the page at the configured address.
    assert any(f"https://{HOST}{page.url}" in message.body for message in mail.outbox)


def test_the_demo_site_takes_the_address_it_is_served_on(settings):
    """`make run` exports WAGTAILADMIN_BASE_URL from its host and port; load_demo gives it to
    the Site still at Wagtail's placeholder, and never replaces an address someone chose."""
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname="localhost", port=80)
    settings.WAGTAILADMIN_BASE_URL = f"https://{HOST}"
    call_command("load_demo", stdout=io.StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port) == (HOST, 443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("load_demo", stdout=io.StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port) == (HOST, 443)


def test_make_run_tells_the_site_its_address():
    script = (Path(django_settings.BASE_DIR) / "scripts" / "run.sh").read_text()
    assert "export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}" in script
    assert script.index("export WAGTAILADMIN_BASE_URL") < script.index("manage.py load_demo")


def test_production_emails_link_to_the_sites_first_host_name():
    environment = {
        key: value for key, value in os.environ.items() if key != "WAGTAILADMIN_BASE_URL"
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "iopd_site.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": f"{HOST},.example.org",
    }
    program = "import django; django.setup(); from django.conf import settings as s; "
    program += "print(s.WAGTAILADMIN_BASE_URL)"
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == f"https://{HOST}", result.stderr
