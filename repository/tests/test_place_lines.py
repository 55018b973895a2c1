"""Where an experience happens, as visitors read it: the country named once, by the short
name people use, in their language."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

INDEXES = {"en": "/en/experiences/", "fr": "/fr/experiences/", "es": "/es/experiencias/"}
CARD_META = re.compile(r'<p class="card__meta">(.*?)</p>', re.S)


@pytest.fixture
def full_demo(django_capture_on_commit_callbacks):
    """The sixty experiences `make run` loads, indexed for search after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_experiences", stdout=io.StringIO())


def place_lines(content):
    """The place of each card: its meta line before the years."""
    return [
        unescape(re.sub(r"<[^>]+>", "", meta)).split(" · ")[0]
        for meta in CARD_META.findall(content)
    ]


def test_no_card_names_its_country_twice_in_any_language(client, full_demo):
    repeated = []
    for language, index in INDEXES.items():
        number, seen = 1, 0
        while True:
            response = client.get(index, {"page": number})
            lines = place_lines(response.content.decode())
            seen += len(lines)
            for line in lines:
                parts = [part.strip().casefold() for part in line.split(",")]
                if len(parts) != len(set(parts)):
                    repeated.append((language, line))
            if 'rel="next"' not in response.content.decode():
                break
            number += 1
        assert seen >= 20, language
    assert repeated == []


def test_the_experience_page_says_where_once(client, full_demo):
    places = {
        "/en/experiences/denmark-citizens-assembly-on-climate/": "Denmark",
        "/en/experiences/dominican-republic-participatory-budget-law/": "Dominican Republic",
        "/fr/experiences/loi-budget-participatif-republique-dominicaine/": (
            "République dominicaine"
        ),
        "/es/experiencias/ley-presupuesto-participativo-republica-dominicana/": (
            "República Dominicana"
        ),
        "/en/experiences/seoul-citizens-participatory-budget/": "Seoul, South Korea",
        "/en/experiences/porto-alegre-participatory-budgeting/": (
            "Porto Alegre, Rio Grande do Sul, Brazil"
        ),
    }
    shown = {}
    for path in places:
        # The place line, before the link to the country's page that may follow it.
        found = re.search(
            r"<dd>([^<]*?)(?: · <a [^>]+>[^<]*</a>)?</dd>", client.get(path).content.decode()
        )
        shown[path] = unescape(found.group(1))
    assert shown == places


def test_countries_go_by_their_short_common_name(client, full_demo):
    cases = [
        ("en", "KR", "South Korea", "Korea, Republic of"),
        ("en", "TW", "Taiwan", "Taiwan, Province of China"),
        ("fr", "TW", "Taïwan", "Taïwan, province de Chine"),
        ("es", "TW", "Taiwán", "Taiwán, Provincia de China"),
    ]
    for language, code, common, formal in cases:
        listing = unescape(client.get(INDEXES[language], {"country": code}).content.decode())
        lines = place_lines(listing)
        assert lines and all(line.endswith(common) for line in lines), (language, lines)
        # The filters, the chip of the active filter and the cards: never the formal name.
        assert formal not in listing
        search = unescape(client.get(f"/{language}/search/", {"country": code}).content.decode())
        assert common in search and formal not in search, language
