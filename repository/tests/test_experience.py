import datetime

import pytest
from django.core.exceptions import ValidationError

from repository.models import ExperienceIndexPage, ExperiencePage

pytestmark = pytest.mark.django_db


def experience(**fields):
    return ExperiencePage(title="Test", slug="test", summary="A summary.", **fields)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"start_year": 2015, "end_year": 2010}, "end_year", "cannot be before the start year"),
        ({"start_year": datetime.date.today().year + 20}, "start_year", "no later than"),
        ({"start_year": 1800}, "start_year", "greater than or equal to 1900"),
    ],
)
def test_impossible_years_are_refused_with_a_clear_message(fields, field, message):
    with pytest.raises(ValidationError) as raised:
        experience(**fields).full_clean()
    assert message in " ".join(raised.value.message_dict[field])


def test_an_ongoing_experience_has_no_end_year():
    page = experience(start_year=2019)
    page.full_clean(exclude=["path", "depth", "locale", "translation_key", "content_type"])
    assert page.ongoing


def test_index_lists_only_live_public_experiences_of_its_language(client):
    index = ExperienceIndexPage.objects.get(locale__language_code="es")
    draft = ExperiencePage(title="Borrador secreto", slug="borrador", summary="x", live=False)
    index.add_child(instance=draft)
    response = client.get(index.url)
    content = response.content.decode()
    assert "El presupuesto participativo de Porto Alegre" in content
    assert "Borrador secreto" not in content
    assert "Participatory budgeting in Porto Alegre" not in content


def test_experience_page_shows_its_facts(client):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    response = client.get(page.url)
    assert "2011–2019" in response.content.decode()
    assert "Cascais, Lisbon" in response.content.decode()
