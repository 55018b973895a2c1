"""The public read API as an open-data user meets it: live public pages only, with the fields
each type declares, and clear errors for bad parameters."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, PageViewRestriction

from publications.models import NewsPage
from repository.models import ExperiencePage

pytestmark = pytest.mark.django_db


def listing(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_news_come_with_their_public_fields_in_their_language(client):
    data = listing(
        client, type="publications.NewsPage", locale="fr", fields="date,summary,topics,author"
    )
    climate = next(item for item in data["items"] if "climat" in item["title"].lower())
    assert climate["meta"]["locale"] == "fr"
    assert climate["date"] == "2021-03-15"
    assert {"slug": "climate", "name": "Participation et changement climatique"} in climate[
        "topics"
    ]
    assert climate["meta"]["html_url"].startswith("http://localhost/fr/")


def test_experience_detail_names_its_country_and_terms_in_its_language(client):
    experience = ExperiencePage.objects.filter(locale__language_code="es").live().first()
    data = client.get(f"/api/v2/pages/{experience.pk}/").json()
    assert data["country"]["code"] == experience.country.code
    assert data["topics"] and all({"slug", "name"} == set(term) for term in data["topics"])
    assert "external_id" not in data  # an import key, not public content


def test_drafts_private_pages_and_unpublished_translations_never_appear(client):
    news = NewsPage.objects.get(slug="climate-change-and-participation")
    spanish = news.get_translation(Locale.objects.get(language_code="es"))
    spanish.unpublish()
    gender = NewsPage.objects.get(slug="gender-perspective")
    PageViewRestriction.objects.create(page=gender, restriction_type="login")
    ids = {item["id"] for item in listing(client, type="publications.NewsPage", limit=20)["items"]}
    assert news.pk in ids
    assert spanish.pk not in ids and gender.pk not in ids
    assert client.get(f"/api/v2/pages/{spanish.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{gender.pk}/").status_code == 404
    # Its children are refused exactly as those of a page that does not exist.
    response = client.get("/api/v2/pages/", {"child_of": gender.pk})
    assert response.status_code == 400
    assert response.json() == client.get("/api/v2/pages/", {"child_of": 999999}).json()


def test_a_logged_in_reader_sees_no_more_than_anyone(client):
    gender = NewsPage.objects.get(slug="gender-perspective")
    PageViewRestriction.objects.create(page=gender, restriction_type="login")
    user = get_user_model().objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get(f"/api/v2/pages/{gender.pk}/").status_code == 404


def test_bad_parameters_get_a_400_with_a_message(client):
    for params in (
        {"type": "nothing.Nowhere"},
        {"limit": "lots"},
        {"offset": "-1"},
        {"order": "no_such_field"},
        {"fields": "no_such_field"},
        {"child_of": "abc"},
    ):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 400, (params, response.status_code)
        assert response.json()["message"]
