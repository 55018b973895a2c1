"""What a visitor sees: every page type in every language, the switcher, hreflang, and links."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale, Page

from core.models import BasePage
from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.alternates, self.switcher, self.html_lang = [], {}, [], None
        self._in_switcher = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if self._in_switcher:
                self.switcher.append((attrs.get("hreflang"), attrs["href"]))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def parse(response):
    parser = LinkParser()
    parser.feed(response.content.decode())
    return parser


def page_types():
    return {
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    }


def test_every_page_type_renders_in_every_language(client):
    rendered = set()
    for page in Page.objects.live().public().specific().exclude(depth=1):
        with_lang = page.locale.language_code
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        parsed = parse(response)
        assert parsed.html_lang == with_lang, page.url
        assert "<h1" in response.content.decode()
        assert escape(page.title) in response.content.decode(), page.url
        rendered.add((type(page), with_lang))
    # The demo holds every page type in every language, so no type goes untested.
    assert rendered == {(model, code) for model in page_types() for code in LANGUAGE_CODES}


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_home_page_speaks_the_visitors_language(client, code):
    response = client.get(f"/{code}/")
    content = response.content.decode()
    expected = {
        "en": ("Skip to main content", "Latest news"),
        "fr": ("Aller au contenu principal", "Dernières actualités"),
        "es": ("Saltar al contenido principal", "Últimas noticias"),
    }[code]
    for text in expected:
        assert text in content


def test_root_redirects_to_the_visitors_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_switcher_and_hreflang_list_each_live_translation(client):
    about = Page.objects.get(locale__language_code="en", slug="about")
    response = client.get(about.url)
    parsed = parse(response)
    translations = {t.locale.language_code: t.url for t in about.get_translations(inclusive=True)}
    assert [code for code, _url in parsed.switcher] == LANGUAGE_CODES
    for code, href in parsed.switcher:
        assert urlsplit(href).path == translations[code]
    assert {code: urlsplit(href).path for code, href in parsed.alternates.items()} == {
        **translations,
        "x-default": translations["en"],
    }
    # Each alternate names the others in return.
    for code in LANGUAGE_CODES:
        other = parse(client.get(translations[code]))
        assert set(other.alternates) == {*LANGUAGE_CODES, "x-default"}


def test_untranslated_page_offers_no_other_language(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Only in English", slug="english-only")
    parsed = parse(client.get(page.url))
    assert parsed.switcher == []  # one language: no switcher at all
    assert set(parsed.alternates) == {"en", "x-default"}


def test_draft_translation_is_never_linked(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Draft in French", slug="draft-fr")
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert not french.live
    parsed = parse(client.get(page.url))
    assert "fr" not in parsed.alternates
    assert all(code != "fr" for code, _href in parsed.switcher)


def test_menu_links_follow_language_but_never_to_a_missing_translation(client):
    from home.models import NavigationMenu, NavigationMenuItem

    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Partners", slug="partners")
    for menu in NavigationMenu.objects.filter(location="main"):
        NavigationMenuItem.objects.create(menu=menu, page=page, sort_order=99, locale=menu.locale)
    response = client.get("/fr/")
    # No French "Partners" page exists: the French menu falls back to the English page.
    assert 'href="/en/partners/"' in response.content.decode()
    assert 'href="/fr/a-propos/"' in response.content.decode()


def test_no_internal_link_leads_to_a_missing_page(client):
    """Crawl the whole site in every language: every internal link answers 200."""
    seen, queue = set(), [f"/{code}/" for code in LANGUAGE_CODES]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            # A download (the open-data export): it must arrive whole, and has no links.
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert body, url
            continue
        for href in parse(response).links:
            parts = urlsplit(href)
            if parts.netloc not in ("", "localhost", "testserver") or not parts.path.startswith(
                "/"
            ):
                continue
            if parts.path.startswith(("/admin/", "/static/", "/documents/")):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert len(seen) > 40


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-page/",
        "/fr/pas-de-page/",
        "/en/about/missing/child/",
        "/en/%00/",
        "/en/..%2f..%2fetc/passwd",
        "/en/" + "x" * 3000 + "/",
        "/en/%ff%fe/",
        "/zz/about/",
        "/de/about/",
        "/en/experiences/countries/zz/",
        "/fr/experiences/countries/%C3%A9%C3%A9/",
    ],
)
def test_bad_urls_answer_404_with_the_site_page(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 404
    content = response.content.decode()
    assert 'class="skip-link"' in content
    assert re.search(r"Page not found|Page introuvable|Página no encontrada", content)


@pytest.mark.parametrize(
    ("code", "title"),
    [("en", "Page not found"), ("fr", "Page introuvable"), ("es", "Página no encontrada")],
)
def test_404_page_is_in_the_visitors_language(client, code, title):
    response = client.get(f"/{code}/nothing-here/")
    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in response.content.decode()
    assert parse(response).html_lang == code


@pytest.mark.parametrize(
    ("code", "title"),
    [("en", "Something went wrong"), ("fr", "Une erreur est survenue"), ("es", "Algo salió mal")],
)
def test_500_page_is_in_the_visitors_language(rf, code, title):
    from django.utils import translation

    from core.views import server_error

    with translation.override(code):
        response = server_error(rf.get(f"/{code}/"))
    assert response.status_code == 500
    assert title in response.content.decode()


def test_pagination_ignores_malformed_page_numbers(client):
    for value in ("abc", "-1", "99999", "1e9", "%00"):
        response = client.get("/en/news/", {"page": value})
        assert response.status_code == 200
        # A malformed number shows the first page, one too large the last: news either way.
        assert response.content.decode().count('<article class="card">') >= 1


def test_cached_menus_follow_a_renamed_or_unpublished_page(client):
    assert ">About the observatory</a>" in client.get("/en/news/").content.decode()
    about = Page.objects.get(locale__language_code="en", slug="about").specific
    about.title = "Who we are"
    about.save_revision().publish()
    content = client.get("/en/news/").content.decode()
    assert ">Who we are</a>" in content
    about.unpublish()
    assert 'href="/en/about/"' not in client.get("/en/news/").content.decode()
