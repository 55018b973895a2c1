"""Choosing terms and countries in the page editor, as an officer does."""

import html
import re

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from core.text import fold
from editorial.roles import OFFICERS
from repository.models import ExperienceIndexPage, ExperiencePage
from taxonomy.models import Country, Topic
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db


def boxes(content, field):
    """The labels of the ticked-box choices of a field, in the order shown."""
    return [
        re.sub(r"\s+", " ", label).strip()
        for label in re.findall(
            rf'<label for="id_{field}_\d+">\s*<input[^>]*>(.*?)</label>', content, re.S
        )
    ]


def test_an_english_page_offers_its_english_terms_once_each_by_name():
    officer = sign_in("olga", OFFICERS)
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    content = officer.get(
        f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    ).content.decode()
    english = sorted(
        (topic.name for topic in Topic.objects.filter(locale__language_code="en")), key=fold
    )
    assert boxes(content, "topics") == english  # as a reader looks a term up
    assert len(english) == len(set(english)) and "Budget participatif" not in content

    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    content = officer.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert boxes(content, "topics") == english
    ticked = re.findall(r'<input type="checkbox" name="topics" value="(\d+)"[^>]*checked', content)
    assert {int(pk) for pk in ticked} == set(page.topics.values_list("pk", flat=True))


def test_the_edit_form_reads_each_vocabulary_once():
    """Django's choice fields query their terms each time the choices are read: three times a
    vocabulary on the experience form (113 queries for the form, 79 once read once)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from repository.coding import CODED_VARIABLES

    officer = sign_in("olga", OFFICERS)
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    with CaptureQueriesContext(connection) as queries:
        assert officer.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    tables = ["taxonomy_topic", "taxonomy_mechanism", "taxonomy_targetgroup"]
    tables += [variable.model._meta.db_table for variable in CODED_VARIABLES]
    for table in tables:
        # The vocabulary's list in the page's language; the page's own choice reads join it.
        listed = [
            q["sql"]
            for q in queries.captured_queries
            if f'FROM "{table}"' in q["sql"]
            and '"locale_id" =' in q["sql"]
            and "INNER JOIN" not in q["sql"]
        ]
        assert len(listed) == 1, (table, listed)


@pytest.mark.parametrize(
    ("language", "query", "code"),
    [
        ("en", "germ", "DE"),
        ("fr", "allem", "DE"),
        ("es", "alem", "DE"),
        ("fr", "DE", "DE"),
        ("fr", "cote d'ivoire", "CI"),  # typed straight, written with a curly apostrophe
        ("fr", "cote d\u2019ivoire", "CI"),
    ],
)
def test_the_country_chooser_finds_a_country_by_its_name_in_the_editors_language_or_its_code(
    language, query, code
):
    officer = sign_in("olga", OFFICERS)
    profile = UserProfile.get_for_user(officer.user)  # the language chosen in their account
    profile.preferred_language = language
    profile.save()
    response = officer.get("/admin/snippets/choose/taxonomy/country/results/", {"q": query})
    found = re.findall(r"data-chooser-modal-choice[^>]*>([^<]*)<", response.content.decode())
    names = [html.unescape(re.sub(r"\s+", " ", name).strip()) for name in found]
    with translation.override(language):
        expected = Country.objects.get(code=code).name
    assert names and names[0] == expected, names
