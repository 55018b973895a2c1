"""French and Spanish pages speak French and Spanish. Each page type is rendered in both, with
filtered views and the error page, and no text a visitor reads may be an English string that
the page's language says differently: an interface string of the English catalogue, or the
English name of a term, a footer text or an address that has its translation. Text marked with
another `lang` (a page not yet translated, the language switcher) is English on purpose."""

import json
import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from taggit.models import Tag
from wagtail.models import Locale, Page

from core.models import BasePage
from home.models import FooterText
from network.models import MemberOrganisation
from taxonomy.models import GovernmentLevel, Mechanism, TargetGroup, Topic

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# Read aloud or shown: what a visitor meets besides the text itself.
SPOKEN_ATTRIBUTES = ("alt", "aria-label", "placeholder", "title")
NOT_READ = {"script", "style", "template"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdi]|%[sd]|\{\w*\}")
# Views beyond one page per type: filtered lists, the error page and member profiles, where
# labels are computed.
EXTRA = {
    "fr": [
        "/fr/actualites/?topic=climate",
        "/fr/experiences/?topic=climate",
        "/fr/experiences/codebook/",
        "/fr/experiences/countries/br/",
        "/fr/experiences/dialogue-citoyen-belgique-est/",
        # Its reports: one only in English, its title so marked.
        "/fr/experiences/budget-participatif-jeunes/",
        # Search: its facets list keywords, written once in English.
        "/fr/search/?q=budget",
        "/fr/search/?q=budget&keyword=emissions",
        # Profiles: their events, reports and awards (an English-only report is marked).
        "/fr/membres/cascais-municipality/",
        "/fr/membres/barcelona-city-council/",
    ],
    "es": [
        "/es/noticias/?topic=climate",
        "/es/experiencias/?topic=climate",
        "/es/experiencias/codebook/",
        "/es/experiencias/countries/be/",
        "/es/nada/",
        "/es/experiencias/dialogo-ciudadano-belgica-oriental/",
        "/es/search/?q=presupuesto",
        "/es/miembros/cascais-municipality/",
        "/es/miembros/porto-alegre-city-council/",
    ],
}
EXPECTED_404 = {"/es/nada/"}


class VisibleText(HTMLParser):
    """(text, language) of each text node and spoken attribute outside scripts and styles."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.open = [("html", language)]
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang") or self.open[-1][1]
        if tag == "meta" or self.hidden:
            return
        for name in SPOKEN_ATTRIBUTES:
            if attrs.get(name) and not (tag == "link" and name == "title"):
                self.found.append((attrs[name], language))
        if tag not in VOID:
            self.open.append((tag, language))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                break

    @property
    def hidden(self):
        return any(tag in NOT_READ for tag, _language in self.open)

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.hidden:
            self.found.append((text, self.open[-1][1]))


def catalogue_strings(code):
    """English strings that the compiled catalogue of `code` translates differently."""
    path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.mo"
    strings = set()
    for entry in polib.mofile(str(path)):
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            pairs = [(entry.msgid, forms[0]), (entry.msgid_plural, forms[max(forms)])]
        strings |= {english for english, translated in pairs if translated != english}
    return strings


def data_strings(code):
    """English names and texts of the data translated into `code`: terms, footer, address."""
    strings = set()
    english, other = Locale.objects.get(language_code="en"), Locale.objects.get(language_code=code)
    for model, fields in (
        (Topic, ["name"]),
        (Mechanism, ["name"]),
        (TargetGroup, ["name"]),
        (GovernmentLevel, ["name"]),
        (FooterText, ["address"]),
        (MemberOrganisation, ["name"]),
    ):
        translated = {item.translation_key: item for item in model.objects.filter(locale=other)}
        for item in model.objects.filter(locale=english):
            match = translated.get(item.translation_key)
            for field in fields:
                if match is not None:
                    # Line by line: an address's city may well be written the same.
                    strings |= lines(getattr(item, field)) - lines(getattr(match, field))
    # Written once, in English, for every language: keywords, and the titles of pages not
    # translated into `code` (listed in English where they are linked).
    strings |= set(Tag.objects.values_list("name", flat=True))
    translated = Page.objects.filter(locale=other).values("translation_key")
    untranslated = (
        Page.objects.live().filter(locale=english).exclude(translation_key__in=translated)
    )
    strings |= {title for title in untranslated.values_list("title", flat=True) if " " in title}
    return strings


def lines(text):
    return {line.strip() for line in text.splitlines() if line.strip()}


def matcher(strings):
    """One regular expression that matches a whole text equal to any of `strings`, with each
    placeholder standing for any text. Strings of fewer than two letters outside their
    placeholders (a lone "%(count)s") would match anything and are left out."""
    patterns = []
    for string in strings:
        text = " ".join(string.split())
        if len(re.findall(r"[^\W\d_]", PLACEHOLDER.sub("", text))) < 2:
            continue
        patterns.append(".+?".join(re.escape(part) for part in PLACEHOLDER.split(text)))
    return re.compile("|".join(sorted(patterns, key=len, reverse=True)))


def one_page_of_each_type(code):
    pages = {}
    for page in Page.objects.live().filter(locale__language_code=code).specific().order_by("path"):
        if isinstance(page, BasePage):
            pages.setdefault(type(page), page.url)
    return list(pages.values())


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_string_on_french_and_spanish_pages(client, code):
    english = matcher(catalogue_strings(code) | data_strings(code))
    urls = one_page_of_each_type(code) + EXTRA[code]
    assert len(urls) >= 12
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url in EXPECTED_404 else 200), url
        parser = VisibleText(code)
        parser.feed(response.content.decode())
        for text, language in parser.found:
            if language == code and english.fullmatch(text.rstrip(" :")):
                found.setdefault(url, []).append(text)
    assert found == {}


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("en", ["Technical secretariat", "Barcelona"]),
        ("fr", ["Secrétariat technique", "Barcelone"]),
        ("es", ["Secretaría técnica", "Barcelona"]),
    ],
)
def test_the_postal_address_is_written_in_the_pages_language(client, code, lines):
    """In the footer and in the home page's description of the observatory for search engines."""
    content = client.get(f"/{code}/").content.decode()
    footer = re.search(r'<address class="site-footer__contact">(.*?)</address>', content, re.S)
    assert [line.strip() for line in footer.group(1).split("<br>")][:2] == lines
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', content)
    ]
    graph = [node for block in data for node in block.get("@graph", [block])]
    organisation = next(node for node in graph if node["@type"] == "Organization")
    assert organisation["address"] == "\n".join(lines)


def test_report_authors_keywords_and_citation_in_the_pages_language(client):
    """The observatory, as author or affiliation, is named in the page's language; names and
    keywords written once for every language are marked as the English they are."""
    content = client.get("/fr/rapports/rapport-annuel-2020/").content.decode()
    authors = re.search(r'<p class="report__authors">(.*?)</p>', content).group(1)
    assert '<span lang="en">IOPD Technical Secretariat</span>' in authors
    assert "(Observatoire international de la démocratie participative)" in authors
    assert re.search(r'<dd lang="en">annual report, COVID-19</dd>', content)
    reference = re.search(r'<p class="cite__reference">(.*?)</p>', content).group(1)
    assert reference.startswith('<span lang="en">IOPD Technical Secretariat</span> (2021).')

    # The observatory as the author: named once, in Spanish, and not again as the publisher.
    content = client.get("/es/informes/guia-premio-buena-practica/").content.decode()
    authors = re.search(r'<p class="report__authors">(.*?)</p>', content).group(1)
    assert authors == "Observatorio Internacional de la Democracia Participativa"
    reference = re.search(r'<p class="cite__reference">(.*?)</p>', content).group(1)
    assert reference.startswith("Observatorio Internacional de la Democracia Participativa (")
    assert reference.count("Observatorio Internacional") == 1

    # English pages need no marks.
    content = client.get("/en/reports/annual-report-2020/").content.decode()
    assert 'lang="en"' not in re.search(r'<p class="report__authors">(.*?)</p>', content)[0]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/fr/rapports/changement-climatique-et-participation/", "(Université de Montréal)"),
        ("/en/reports/climate-change-and-participation/", '(<span lang="fr">Université de'),
        ("/es/informes/perspectiva-de-genero/", "(Universidad de Sevilla)"),
        ("/en/reports/gender-perspective/", '(<span lang="es">Universidad de Sevilla</span>)'),
    ],
)
def test_an_affiliation_is_marked_with_its_own_language_unless_it_is_the_pages(client, url, shown):
    """A name is written once, in its own language: a French university is not English."""
    content = client.get(url).content.decode()
    authors = re.search(r'<p class="report__authors">(.*?)</p>', content)
    assert shown in authors.group(1), authors.group(1)


@pytest.mark.parametrize("code", ["en", *LANGUAGES])
def test_an_images_description_is_marked_with_the_language_it_is_written_in(
    client, code, django_capture_on_commit_callbacks
):
    """The image library describes each picture once, in the source language; on French and
    Spanish pages that description is marked as English, so it is read as English."""
    from repository.models import ExperiencePage
    from tests.fixtures import give_picture, sign_in

    # The demo has no pictures of its own: an editor gives one experience a photo.
    english = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    # Its translations follow once the publish commits (the test's transaction never does).
    with django_capture_on_commit_callbacks(execute=True):
        give_picture(sign_in("editor", superuser=True), english, "The assembly in the square")
    page = english.get_translation(Locale.objects.get(language_code=code))
    content = client.get(page.url).content.decode()
    image = re.search(r'<img [^>]*class="experience__image"[^>]*>', content).group(0)
    assert re.search(r'alt="[^"]+"', image)
    if code == settings.LANGUAGE_CODE:
        assert " lang=" not in image
    else:
        assert f' lang="{settings.LANGUAGE_CODE}"' in image
