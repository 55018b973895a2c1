import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from taxonomy.factories import TopicFactory, country
from taxonomy.models import Country, Mechanism, Topic, WorldRegion, localize_terms
from taxonomy.tree import with_broader, with_narrower

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_loaded_with_a_region():
    assert Country.objects.count() == 249
    without_region = list(Country.objects.filter(region="").values_list("code", flat=True))
    assert without_region == ["AQ"]  # Antarctica belongs to no world region
    assert country("CI").region == WorldRegion.AFRICA
    assert country("MX").region == WorldRegion.LATIN_AMERICA


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("en", ("Spain", "Germany")),
        ("fr", ("Espagne", "Allemagne")),
        ("es", ("España", "Alemania")),
    ],
)
def test_country_names_follow_the_visitors_language(code, names):
    with translation.override(code):
        assert (country("ES").name, country("DE").name) == names


def test_the_thematic_priorities_exist_in_every_language():
    priorities = [
        "climate", "gender", "youth", "youth-participatory-budgeting", "legal-frameworks",
        "sortition", "digital-democracy",
    ]  # fmt: skip
    for slug in priorities:
        assert set(
            Topic.objects.filter(slug=slug).values_list("locale__language_code", flat=True)
        ) == {"en", "fr", "es"}, slug


def test_loading_vocabularies_again_keeps_coordinators_edits():
    topic = Topic.objects.get(slug="gender", locale__language_code="en")
    topic.name = "Gender equality"
    topic.save()
    count = Topic.objects.count()
    call_command("load_vocabularies", verbosity=0)
    assert Topic.objects.count() == count
    topic.refresh_from_db()
    assert topic.name == "Gender equality"


def test_a_topic_cannot_be_its_own_ancestor():
    parent = Topic.objects.get(slug="urban-planning", locale__language_code="en")
    child = Topic.objects.get(slug="housing", locale__language_code="en")
    parent.parent = child
    with pytest.raises(ValidationError) as raised:
        parent.full_clean()
    assert "cannot be placed under itself" in str(raised.value)


def test_slugs_are_unique_within_a_language_only():
    english = Locale.objects.get(language_code="en")
    with pytest.raises(ValidationError) as raised:
        TopicFactory.build(slug="climate", locale=english).full_clean()
    assert "already uses this slug" in str(raised.value)


def test_a_broader_topic_covers_its_narrower_ones():
    youth = Topic.objects.get(slug="youth", locale__language_code="en")
    assert youth.descendant_slugs() == {"youth", "youth-participatory-budgeting"}
    assert with_narrower(["youth", "climate"]) == {
        "youth",
        "youth-participatory-budgeting",
        "climate",
    }
    assert with_broader(["youth-participatory-budgeting"]) == {
        "youth-participatory-budgeting",
        "youth",
    }


def test_a_new_narrower_topic_is_covered_at_once_and_a_loop_never_hangs():
    english = Locale.objects.get(language_code="en")
    youth = Topic.objects.get(slug="youth", locale=english)
    TopicFactory(slug="student-councils", parent=youth, locale=english)
    assert "student-councils" in with_narrower(["youth"])
    # A loop written around the form's check (the form refuses it) must not hang a request.
    Topic.objects.filter(pk=youth.pk).update(
        parent=Topic.objects.get(slug="student-councils", locale=english)
    )
    cache.clear()
    assert {"youth", "student-councils"} <= with_narrower(["youth"])
    assert {"youth", "student-councils"} <= with_broader(["youth"])


def test_renaming_a_term_shows_everywhere_without_editing_pages(client):
    level = Mechanism.objects.get(slug="citizens-assembly", locale__language_code="fr")
    level.name = "Assemblée citoyenne tirée au sort"
    level.save()
    content = client.get("/fr/experiences/dialogue-citoyen-belgique-est/").content.decode()
    assert "Assemblée citoyenne tirée au sort" in content


def test_terms_are_shown_in_the_visitors_language_with_a_fallback():
    english_topics = list(Topic.objects.filter(locale__language_code="en", slug__in=["gender"]))
    extra = TopicFactory(name="Only in English", slug="english-only")
    with translation.override("es"):
        names = [t.name for t in localize_terms([*english_topics, extra])]
    assert names == ["Perspectiva de género", "Only in English"]
    with translation.override("fr"):
        listed = [t.name for t in Topic.objects.localized_terms()]
    assert "Perspective de genre" in listed and "Only in English" in listed
    assert "Gender perspective" not in listed
