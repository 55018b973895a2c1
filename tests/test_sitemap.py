"""sitemap.xml as a crawler reads it: every public page once, with its real translations."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, PageViewRestriction

from publications.models import NewsPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for location in index.findall("s:sitemap/s:loc", NS):
        section = client.get(location.text.removeprefix("http://testserver"))
        assert section.status_code == 200
        for url in ET.fromstring(section.content).findall("s:url", NS):
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            loc = url.find("s:loc", NS).text
            assert loc not in urls, f"{loc} listed twice"
            urls[loc] = alternates
    return urls


def test_every_public_page_is_listed_once_with_its_translations(client):
    news = NewsPage.objects.get(slug="climate-change-and-participation")
    french = news.get_translation(Locale.objects.get(language_code="fr"))
    urls = entries(client)
    alternates = urls[f"http://testserver{news.url}"]
    assert alternates["fr"] == f"http://testserver{french.url}"
    assert set(alternates) == {"en", "fr", "es", "x-default"}
    assert alternates["x-default"] == f"http://testserver{news.url}"
    assert "http://testserver/fr/" in urls


def test_drafts_restricted_pages_and_unpublished_translations_stay_out(client):
    news = NewsPage.objects.get(slug="climate-change-and-participation")
    spanish = news.get_translation(Locale.objects.get(language_code="es"))
    spanish.unpublish()
    gender = NewsPage.objects.get(slug="gender-perspective")
    PageViewRestriction.objects.create(page=gender, restriction_type="password", password="x")
    urls = entries(client)
    assert f"http://testserver{spanish.url}" not in urls
    assert "es" not in urls[f"http://testserver{news.url}"]
    # Its translations live in other, public trees; the English page itself is private.
    hidden = f"http://testserver{gender.url}"
    assert hidden not in urls
    assert hidden not in {alt for alts in urls.values() for alt in alts.values()}


def test_a_page_in_one_language_has_no_alternates(client):
    from publications.factories import NewsPageFactory
    from publications.models import NewsIndexPage

    lonely = NewsPageFactory(parent=NewsIndexPage.objects.get(locale__language_code="en"))
    assert entries(client)[f"http://testserver{lonely.url}"] == {}


def test_robots_txt_points_crawlers_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_a_malformed_sitemap_page_is_not_found(client):
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-pages.xml?p=9999").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
