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
