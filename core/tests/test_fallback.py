"""A visitor on a language that lacks a page sees the source page, with a notice in their
language, correct language alternates, and never a link to a missing translation."""

from html.parser import HTMLParser

import pytest
from wagtail.models import Locale, PageViewRestriction

from home.models import HomePage
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage

pytestmark = pytest.mark.django_db

NOTICES = {
    "fr": "Cette page n’est pas encore disponible en français ; en voici la version en anglais.",
    "es": "Esta página aún no está disponible en español; esta es la versión en inglés.",
}


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates, self.canonical, self.langs = {}, None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag in ("html", "main", "h1"):
            self.langs[tag] = attrs.get("lang")


def parse(response):
    head = Head()
    head.feed(response.content.decode())
    return head


def index_in(code):
    return ExperienceIndexPage.objects.get(locale__language_code=code)


@pytest.fixture
def english_only():
    return ExperiencePageFactory(
        parent=index_in("en"), title="Neighbourhood assemblies of Ghent", slug="ghent-assemblies"
    )


@pytest.mark.parametrize("code", ["fr", "es"])
def test_an_untranslated_page_is_shown_with_a_notice_in_the_visitors_language(
    client, english_only, code
):
    url = f"{index_in(code).url}ghent-assemblies/"
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert NOTICES[code] in content
    assert "Neighbourhood assemblies of Ghent" in content
    head = parse(response)
    # The interface (and the notice) speaks the visitor's language; the page's words say they
    # are English, so that a screen reader reads each part in its own language.
    assert head.langs == {"html": code, "main": None, "h1": "en"}
    assert '<div class="page__body" lang="en">' in content
    # Search engines are sent to the one real version, and only it is offered.
    english = f"http://testserver{english_only.url}"
    assert head.canonical == english
    assert head.alternates == {"en": english, "x-default": english}
    assert '<meta property="og:locale" content="en_GB">' in content
    assert 'class="language-switcher"' not in content


def test_the_page_in_its_own_language_has_no_notice(client, english_only):
    content = client.get(english_only.url).content.decode()
    assert "not yet available" not in content
    assert 'class="notice translation-notice"' not in content


def test_a_page_written_in_french_falls_back_for_english_visitors(client):
    french = ExperiencePageFactory(
        parent=index_in("fr"), title="Conseils de quartier de Lyon", slug="conseils-lyon"
    )
    response = client.get(f"{index_in('en').url}conseils-lyon/")
    assert response.status_code == 200
    assert (
        "This page is not yet available in English; here is the French version."
        in response.content.decode()
    )
    assert parse(response).langs == {"html": "en", "main": None, "h1": "fr"}
    assert french.title in response.content.decode()


def test_a_translation_under_another_address_is_where_the_visitor_goes(client):
    about = HomePage.objects.get(locale__language_code="en").get_children().get(slug="about")
    french = about.get_translation(Locale.objects.get(language_code="fr"))
    response = client.get("/fr/about/")
    assert response.status_code == 301
    assert response["Location"] == french.url


def test_drafts_private_pages_and_unknown_addresses_stay_hidden(client, english_only):
    draft = ExperiencePageFactory(parent=index_in("en"), slug="unfinished", live=False)
    secret = ExperiencePageFactory(parent=index_in("en"), slug="board", title="Board minutes")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    french_index = index_in("fr").url
    assert client.get(f"{french_index}{draft.slug}/").status_code == 404
    assert client.get(f"{french_index}no-such-case/").status_code == 404
    assert client.get(f"{french_index}ghent-assemblies/more/").status_code == 404
    hidden = client.get(f"{french_index}board/")
    assert "Board minutes" not in hidden.content.decode()


def test_a_french_listing_links_only_to_pages_that_exist(client, english_only):
    from tests.test_pages_and_languages import parse as links_of

    response = client.get(index_in("fr").url)
    for href in links_of(response).links:
        if href.startswith("/fr/") or href.startswith("/en/"):
            assert client.get(href).status_code in (200, 301), href
