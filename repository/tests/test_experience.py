import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale

from core.localize import translate
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from search.indexing import deliver
from taxonomy.factories import country
from taxonomy.models import Mechanism, Topic

pytestmark = pytest.mark.django_db


def experience(**fields):
    return ExperiencePage(title="Test", slug="test", summary="A summary.", **fields)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"start_year": 2015, "end_year": 2010, "ongoing": False},
            "end_year",
            "cannot be before the start year",
        ),
        ({"start_year": datetime.date.today().year + 20}, "start_year", "no later than"),
        ({"start_year": 1800}, "start_year", "greater than or equal to 1900"),
        ({"start_year": 2015, "end_year": 2018, "ongoing": True}, "end_year", "ongoing"),
        ({"latitude": Decimal("45.1")}, "longitude", "both latitude and longitude"),
        ({"latitude": Decimal("95"), "longitude": Decimal("0")}, "latitude", "less than or equal"),
        ({"budget_amount": Decimal("1000")}, "budget_currency", "currency"),
        ({"budget_amount": Decimal("-5"), "budget_currency": "EUR"}, "budget_amount", "greater"),
    ],
)
def test_impossible_facts_are_refused_with_a_clear_message(fields, field, message):
    with pytest.raises(ValidationError) as raised:
        experience(**fields).full_clean()
    assert message in " ".join(raised.value.message_dict[field])


def test_index_lists_only_live_public_experiences_of_its_language(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="es")
    draft = ExperiencePage(title="Borrador secreto", slug="borrador", summary="x", live=False)
    index.add_child(instance=draft)
    response = client.get(index.url)
    content = response.content.decode()
    assert "El presupuesto participativo de Porto Alegre" in content
    assert "Borrador secreto" not in content
    assert "Participatory budgeting in Porto Alegre" not in content


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", ["2011–2019", "Cascais, Lisbon, Portugal", "€150,000.00", "214,000", "Municipal"]),
        ("fr", ["2011–2019", "Cascais, Lisbonne, Portugal", "150\u202f000,00\xa0€", "Municipal"]),
        ("es", ["2011–2019", "Cascais, Lisboa, Portugal", "150.000,00\xa0€", "Presupuesto"]),
    ],
)
def test_experience_page_shows_its_facts_in_the_visitors_language(client, code, expected):
    slugs = {
        "en": "youth-participatory-budget",
        "fr": "budget-participatif-jeunes",
        "es": "presupuesto-participativo-joven",
    }
    page = ExperiencePage.objects.get(slug=slugs[code], locale__language_code=code)
    content = client.get(page.url).content.decode()
    for text in expected:
        assert text in content, text


def test_experience_page_renders_within_its_query_budget(client, django_assert_max_num_queries):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    client.get(page.url)  # warm the site cache (locales, menus, footer, settings, privacy)
    # Nine are Wagtail's own routing and privacy checks; the page's own are its taxonomy
    # terms, related experiences (two), translations, keywords, awards, organisations, co-authors
    # and the reports that study it.
    with django_assert_max_num_queries(21):
        response = client.get(page.url)
    assert response.status_code == 200


def test_related_experiences_share_topics_or_mechanisms():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    base = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    pb = Mechanism.objects.get(slug="participatory-budgeting", locale=base.locale)
    unrelated = ExperiencePageFactory(parent=index, title="Unrelated")
    close = ExperiencePageFactory(parent=index, title="Close")
    close.mechanisms = [pb]
    close.topics = list(base.topics.all())
    close.save_revision().publish()
    unrelated.save_revision().publish()
    deliver()
    related = base.related_experiences()
    assert related[0].page_id == close.pk
    assert unrelated.pk not in [hit.page_id for hit in related]


def test_completeness_lists_what_is_missing():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePageFactory(parent=index, title="Sparse", place="", start_year=None)
    score, missing = page.completeness
    assert score == 0
    assert "country" in [str(label) for label in missing]
    full = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    full_score, full_missing = full.completeness
    assert full_score > score
    assert "country" not in [str(label) for label in full_missing]


def test_translation_keeps_facts_synchronised_and_words_translated():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePageFactory(
        parent=index,
        title="Neighbourhood funds",
        slug="neighbourhood-funds",
        summary="Residents decide.",
        place="Montevideo",
        country=country("UY"),
        start_year=2005,
    )
    page.topics = [Topic.objects.get(slug="participatory-budgeting", locale=page.locale)]
    page.save_revision().publish()
    french = Locale.objects.get(language_code="fr")
    strings = {
        "Neighbourhood funds": "Fonds de quartier",
        "neighbourhood-funds": "fonds-de-quartier",
        "Residents decide.": "Les habitants décident.",
        "Montevideo": "Montevideo",
    }
    translated = translate(page, french, strings).specific
    assert translated.summary == "Les habitants décident."
    assert translated.country.code == "UY"
    assert [t.slug for t in translated.topics.all()] == ["participatory-budgeting"]

    # The source changes facts; the translation follows without being re-entered.
    page.country = country("AR")
    page.start_year = 2006
    page.topics = [Topic.objects.get(slug="climate", locale=page.locale)]
    page.save_revision().publish()
    translated = translate(page, french, strings).specific
    assert (translated.country.code, translated.start_year) == ("AR", 2006)
    assert [t.slug for t in translated.topics.all()] == ["climate"]
    assert translated.title == "Fonds de quartier"
    with translation.override("fr"):
        assert translated.country.name == "Argentine"


def test_award_history_is_shown_newest_first_in_the_visitors_language(
    client, django_capture_on_commit_callbacks
):
    from repository.models import ExperienceAward

    page = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    page.awards = [
        ExperienceAward(year=2020, distinction="special_mention"),
        ExperienceAward(year=2022, distinction="winner", award="15th IOPD Best Practice Award"),
        ExperienceAward(year=2021, distinction="winner", award="Reinhard Mohn Prize"),
    ]
    with django_capture_on_commit_callbacks(execute=True):  # translations follow (sync)
        page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert content.index("IOPD Best Practice Award: Winner, 15th edition (2022)") < content.index(
        "IOPD Best Practice Award 2020: Special mention"
    )
    # The observatory's own award in the visitor's words; another body's in its own, marked.
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    content = unescape(client.get(french.url).content.decode())
    assert "Prix OIDP de bonne pratique : Lauréate, 15e édition (2022)" in content
    assert '<span lang="en">Reinhard Mohn Prize</span> 2021 : Lauréate' in content
    assert "Best Practice Award" not in content.split("<main", 1)[1]
    with pytest.raises(ValidationError):
        ExperienceAward(
            page=page, year=datetime.date.today().year + 1, distinction="winner"
        ).full_clean()


def test_related_experiences_rank_by_topics_alone_when_there_are_no_mechanisms():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    topics = list(Topic.objects.filter(slug__in=["climate", "gender"], locale=index.locale))
    base = ExperiencePageFactory(parent=index, title="Base", start_year=2000)
    base.topics = topics
    base.save_revision().publish()
    one = ExperiencePageFactory(parent=index, title="Shares one", start_year=2024)
    one.topics = topics[:1]
    one.save_revision().publish()
    two = ExperiencePageFactory(parent=index, title="Shares two", start_year=2001)
    two.topics = topics
    two.save_revision().publish()
    deliver()
    assert [hit.page_id for hit in base.related_experiences()][:2] == [two.pk, one.pk]


def test_related_experiences_come_from_every_language_once_each():
    english = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish_index = ExperienceIndexPage.objects.get(locale__language_code="es")
    topic = Topic.objects.get(slug=english.topics.first().slug, locale=spanish_index.locale)
    only_spanish = ExperiencePageFactory(parent=spanish_index, title="Consejo juvenil de Rosario")
    only_spanish.topics = [topic]
    only_spanish.save_revision().publish()
    deliver()
    related = english.related_experiences(limit=10, language="en")
    keys = [hit.translation_key for hit in related]
    assert len(keys) == len(set(keys))
    assert str(english.translation_key) not in keys
    # A case written only in Spanish is offered to English readers, in Spanish.
    (spanish,) = [hit for hit in related if hit.page_id == only_spanish.pk]
    assert spanish.language == "es"
    # A translated case shows in the reader's language.
    assert all(hit.language == "en" for hit in related if hit.page_id != only_spanish.pk)


def test_related_cards_show_apostrophes_once_escaped(client):
    """“Ecuador's” showed as “Ecuador&#x27;s” on the cards of related experiences."""
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    related = ExperiencePage.objects.get(pk=page.related_experiences()[0].page_id)
    related.summary = "Ecuador's constitution & the 2010 law on “citizen participation”."
    related.save_revision().publish()
    deliver()
    html = client.get(page.url).content.decode()
    assert "Ecuador&#x27;s constitution &amp; the 2010 law" in html
    assert "&amp;#x27;" not in html and "&amp;amp;" not in html


def test_a_related_card_in_another_language_marks_its_place_line(client):
    """On an English page, a case written only in Spanish is offered in Spanish: its place
    line is Spanish as much as its title (it was unmarked, read out as English)."""
    english = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish_index = ExperienceIndexPage.objects.get(locale__language_code="es")
    topic = Topic.objects.get(slug=english.topics.first().slug, locale=spanish_index.locale)
    only_spanish = ExperiencePageFactory(
        parent=spanish_index, title="Consejo juvenil de Rosario", place="Rosario, Santa Fe"
    )
    only_spanish.topics = [topic]
    only_spanish.save_revision().publish()
    deliver()
    html = client.get(english.url).content.decode()
    card = html[html.index("Consejo juvenil de Rosario") :]
    card = card[: card.index("</article>")]
    assert '<p class="card__meta"><span lang="es">Rosario, Santa Fe' in card, card
