"""The demo repository is rich enough to show what the observatory collects."""

import io
from html import unescape

import pytest
from django.core.management import call_command

from core.demo.content import EXPERIENCES as FEATURED
from repository.demo_data import CODING, EXPERIENCES
from repository.models import ExperiencePage
from taxonomy.models import Mechanism, Topic, WorldRegion

pytestmark = pytest.mark.django_db


def test_demo_repository_covers_the_world_and_every_vocabulary(client):
    call_command("load_demo_experiences", stdout=io.StringIO())
    english = ExperiencePage.objects.filter(locale__language_code="en").live()
    assert english.count() >= 60
    countries = set(english.values_list("country__code", flat=True))
    regions = set(english.values_list("country__region", flat=True))
    assert len(countries) >= 20
    assert regions == set(WorldRegion.values)
    used_topics = set(english.values_list("topics__slug", flat=True))
    used_mechanisms = set(english.values_list("mechanisms__slug", flat=True))
    assert set(Topic.objects.values_list("slug", flat=True)) <= used_topics
    assert set(Mechanism.objects.values_list("slug", flat=True)) <= used_mechanisms
    for language in ("fr", "es"):
        translated = ExperiencePage.objects.filter(locale__language_code=language).live().count()
        assert translated * 3 >= english.count(), language
    # No made-up pictures: the locator map shows where each experience took place.
    assert english.filter(hero_image__isnull=False).count() == 0
    assert english.filter(country__isnull=True).count() == 0

    page = ExperiencePage.objects.get(slug="budget-participatif-paris", locale__language_code="fr")
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.summary in response.content.decode().replace("&#x27;", "'")

    # Translated pages show their steps and figures translated: the demo's list items had no
    # ids, so each load gave them new ones and wagtail-localize found no translation for them.
    featured = {item["slug"] for item in FEATURED}  # written by load_demo, with no steps
    for item in (item for item in EXPERIENCES if item["slug"] not in featured):
        for language, translated in item.get("translations", {}).items():
            page = ExperiencePage.objects.get(
                slug=translated["slug"], locale__language_code=language
            )
            content = unescape(client.get(page.url).content.decode())
            for text in [*translated["steps"], *translated["figure_labels"]]:
                assert text in content, (page.url, text)
            for text in item["steps"]:
                assert text not in content, (page.url, text)
    # Coded only where the case's own text says it: the rest stays unknown.
    slugs = set(english.values_list("slug", flat=True))
    assert set(CODING) <= slugs
    convention = english.get(slug="france-citizens-convention-for-climate")
    assert [term.slug for term in convention.recruitment.all()] == ["random-stratified"]
    assert (convention.participants, convention.decision_power.slug) == (150, "consults")
    assert convention.evaluation is None and not convention.funding_sources.exists()
    uncoded = english.get(slug="yaounde-6-participatory-budget")  # not in CODING
    assert uncoded.decision_power is None and uncoded.participants is None
    # A visitor narrows the repository to the cases whose participants decide.
    deciding = client.get("/en/experiences/", {"power": "decides"}).content.decode()
    paris = english.get(slug="paris-participatory-budget")
    assert f'href="{paris.url}"' in deciding
    assert f'href="{convention.url}"' not in deciding

    # Loading again creates nothing.
    out = io.StringIO()
    call_command("load_demo_experiences", stdout=out)
    assert "0 created, 0 translated" in out.getvalue()
