"""The public read API as an open-data user meets it: live public pages only, with the fields
each type declares, and clear errors for bad parameters."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, PageViewRestriction

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
    assert climate["meta"]["html_url"].startswith("http://testserver/fr/")


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


def test_search_answers_in_the_language_asked_for(client):
    """Without a type too; the same page never comes back once per language."""
    for language, expected in (("en", "Participatory budgeting in Porto Alegre"), (None, None)):
        params = {"search": "budget"} | ({"locale": language} if language else {})
        data = listing(client, **params)
        assert data["items"], params
        assert {item["meta"]["locale"] for item in data["items"]} == {"en"}, params
        keys = [Page.objects.get(pk=item["id"]).translation_key for item in data["items"]]
        assert len(keys) == len(set(keys))
        if expected:
            assert expected in [item["title"] for item in data["items"]]
    french = listing(client, search="budget", locale="fr")["items"]
    assert french and {item["meta"]["locale"] for item in french} == {"fr"}
    assert "Le budget participatif de Porto Alegre" in [item["title"] for item in french]
    typed = listing(client, search="presupuesto", locale="es", type="repository.ExperiencePage")
    assert typed["items"] and {i["meta"]["locale"] for i in typed["items"]} == {"es"}


@pytest.mark.parametrize(
    ("path", "language", "slug"),
    [
        ("/en/about/", "en", "about"),
        ("/fr/a-propos/", "fr", "a-propos"),
        ("/es/", "es", None),
        ("/fr/experiences/budget-participatif-porto-alegre/", "fr", None),
    ],
)
def test_find_resolves_a_page_address_with_its_language_prefix(client, path, language, slug):
    response = client.get("/api/v2/pages/find/", {"html_path": path})
    assert response.status_code == 302, (path, response.status_code)
    data = client.get(response["Location"]).json()
    assert data["meta"]["locale"] == language
    assert urlsplit(data["meta"]["html_url"]).path == path
    if slug:
        assert data["meta"]["slug"] == slug


def test_find_answers_404_for_an_address_of_no_page(client):
    for path in ("/en/no-such-page/", "/zz/about/", "/", "/fr/experiences/nothing/"):
        response = client.get("/api/v2/pages/find/", {"html_path": path})
        assert response.status_code == 404, path
