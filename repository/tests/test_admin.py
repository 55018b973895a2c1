"""Editors create experiences in the Wagtail admin, and every block they can use renders."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from repository.models import ExperienceIndexPage, ExperiencePage
from taxonomy.factories import country
from taxonomy.models import GovernmentLevel, Mechanism, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "a-passphrase")
    client.force_login(user)
    return client


def form(**overrides):
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    topic = Topic.objects.get(slug="climate", locale=index.locale)
    mechanism = Mechanism.objects.get(slug="citizens-assembly", locale=index.locale)
    data = {
        "title": "Climate assembly of Grenoble",
        "slug": "grenoble-climate-assembly",
        "summary": "Citizens drawn by lot wrote proposals for the city's climate plan.",
        "country": country("FR").pk,
        "place": "Grenoble",
        "latitude": "45.18756",
        "longitude": "5.73578",
        "government_level": GovernmentLevel.objects.get(slug="municipal", locale=index.locale).pk,
        "start_year": "2021",
        "ongoing": "on",
        "end_year": "",
        "population": "158000",
        "budget_amount": "",
        "budget_currency": "",
        "topics": [topic.pk],
        "mechanisms": [mechanism.pk],
        "target_groups": [],
        "keywords": "climate plan, mini-public",
        "organisations": inline_formset([{"name": "City of Grenoble", "website": ""}]),
        "co_authors": inline_formset(
            [
                {
                    "name": "A. Martin",
                    "role": "Participation officer",
                    "organisation": "",
                    "confirmed_on": "2024-03-01",
                }
            ]
        ),
        "awards": inline_formset([{"year": "2023", "distinction": "finalist", "award": "Prize"}]),
        "crosswalk": inline_formset([]),  # the browser posts the empty rows' management form
        "body": streamfield(
            [
                ("context", rich_text("<p>The city adopted a climate emergency plan.</p>")),
                (
                    "participation_figures",
                    {"figures": streamfield([("item", {"number": "150", "label": "members"})])},
                ),
            ]
        ),
        "sources": streamfield([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
    }
    data.update(overrides)
    # Multiple-choice fields post one value per choice, which nested_form_data would flatten.
    choices = {key: data.pop(key) for key in ("topics", "mechanisms", "target_groups")}
    return index, {**nested_form_data(data), **choices}


def test_an_editor_creates_an_experience_through_the_admin_form(editor_client):
    index, data = form()
    url = f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    response = editor_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = ExperiencePage.objects.get(slug="grenoble-climate-assembly")
    assert page.live
    assert page.country.code == "FR"
    assert [t.slug for t in page.topics.all()] == ["climate"]
    assert sorted(page.keywords.names()) == ["climate plan", "mini-public"]
    assert page.co_authors.get().role == "Participation officer"
    assert page.latitude == Decimal("45.18756")
    assert str(page.awards.get()) == "Prize 2023: Finalist"
    assert "150" in editor_client.get(page.url).content.decode()


def test_the_admin_form_explains_what_is_wrong_and_keeps_the_input(editor_client):
    index, data = form(start_year="2020", end_year="2010", ongoing="")
    url = f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    response = editor_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "The end year cannot be before the start year." in content
    assert "Grenoble" in content  # nothing typed is lost
    assert not ExperiencePage.objects.filter(slug="grenoble-climate-assembly").exists()


def test_the_edit_form_shows_completeness(editor_client):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    content = response.content.decode()
    assert "Completeness:" in content
    assert "Still empty:" in content
    assert "local co-authors" in content


def test_every_block_renders(client):
    image = Image.objects.create(title="Assembly", file=get_test_image_file())
    document = Document.objects.create(
        title="Evaluation report", file=ContentFile(b"%PDF-1.4 test", name="evaluation.pdf")
    )
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    page.body = [
        ("context", rich_text_value("Context text")),
        ("objectives", rich_text_value("Objectives text")),
        ("how_it_works", {"steps": [{"title": "Proposals", "description": "Schools help."}]}),
        ("participation_figures", {"figures": [{"number": Decimal("1234"), "label": "voters"}]}),
        (
            "results",
            {
                "summary": rich_text_value("Results text"),
                "indicators": [
                    {
                        "name": "Turnout",
                        "baseline": Decimal("5"),
                        "result": Decimal("12.5"),
                        "unit": "%",
                        "source": "City survey",
                    }
                ],
            },
        ),
        ("lessons", rich_text_value("Lessons text")),
        ("quote", {"quote": "We decided together.", "attribution": "A participant"}),
        ("image", {"image": image, "caption": "The assembly", "credit": ""}),
        ("gallery", {"images": [image, image]}),
        ("document", {"document": document, "title": ""}),
        (
            "table",
            {"data": [["Year", "Votes"], ["2019", "4000"]], "first_row_is_table_header": True},
        ),
        ("links", {"links": [{"page": None, "url": "https://oidp.net/", "text": "IOPD"}]}),
        ("heading", {"text": "More", "level": "h2"}),
        ("paragraph", rich_text_value("Paragraph text")),
    ]
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    expected = [
        "Context text",
        "Objectives text",
        "Proposals",
        "1,234",
        "voters",
        "Turnout",
        "12.5",
        "City survey",
        "Lessons text",
        "We decided together.",
        "The assembly",
        "Evaluation report",
        "<th",
        "4000",
        'href="https://oidp.net/"',
        "More",
        "Paragraph text",
    ]
    for text in expected:
        assert text in content, text


def rich_text_value(text):
    from wagtail.rich_text import RichText

    return RichText(f"<p>{text}</p>")


def test_an_officer_previews_a_new_experience_before_saving_it(db):
    """The editor's preview panel posts the unsaved form, then loads the preview: a page that
    was never saved has no id, and the "propose an update" link of live pages broke it (500)."""
    from editorial.roles import OFFICERS
    from tests.fixtures import admin_form_fields, sign_in

    officer = sign_in("olga-previews", OFFICERS)
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    add = f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    data = admin_form_fields(officer.get(add).content.decode())
    data.update(
        title=["Neighbourhood assemblies of Lyonesse"],
        summary=["Assemblies in every neighbourhood decide a share of the budget."],
    )
    response = officer.post(f"{add}preview/", data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = officer.get(f"{add}preview/")
    assert response.status_code == 200
    assert "<h1>Neighbourhood assemblies of Lyonesse</h1>" in response.content.decode()


def test_the_terms_of_an_english_page_are_marked_english_in_the_french_admin(db):
    """The term pickers offer the page's own language; a coordinator whose admin is in French
    read an English page's terms as untranslated French."""
    from editorial.roles import COORDINATORS
    from tests.fixtures import sign_in
    from tests.test_page_language import VisibleText

    coordinator = sign_in("carla-reads-french", COORDINATORS)
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    add = f"/admin/pages/add/repository/experiencepage/{index.pk}/"
    parser = VisibleText("fr")
    parser.feed(coordinator.get(add, HTTP_ACCEPT_LANGUAGE="fr").content.decode())
    languages = {}
    for text, language in parser.found:
        languages.setdefault(text, set()).add(language)
    assert languages["Chercher dans : Thèmes"] == {"fr"}
    for term in Topic.objects.filter(locale=index.locale):
        assert languages.get(term.name) == {"en"}, term.name
