"""Legal frameworks: records coordinators keep in the admin, linked from the experiences they
govern, a facet of the repository and of the search, a column of the open data, and a page
per country summarising its laws and its experiences."""

import csv
import io
import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from wagtail.models import Locale, PageViewRestriction

from editorial.roles import COORDINATORS
from legal.data import FRAMEWORKS_FILE, rows
from legal.models import LegalFramework
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from repository.tests.test_exchange import export, import_file
from search.indexing import deliver
from taxonomy.models import Country, Mechanism
from tests.fixtures import admin_form_fields, post_form, sign_in

pytestmark = pytest.mark.django_db

EAST_BELGIUM = "east-belgium-citizens-dialogue"
DECREE = "be-dg-dekret-2019-02-25"


def submit(client, url, changes):
    """The admin form at `url` posted back with `changes` as a browser does, saved or not."""
    data = admin_form_fields(client.get(url).content.decode())
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    )
    return client.post(url, data)


def framework(identifier, language="en"):
    return LegalFramework.objects.get(identifier=identifier, locale__language_code=language)


def test_the_demo_frameworks_are_a_file_a_person_can_read_loaded_in_three_languages():
    with FRAMEWORKS_FILE.open(encoding="utf-8", newline="") as stream:
        listed = list(csv.DictReader(stream))
    assert {row["identifier"] for row in listed} >= {
        "pe-ley-28056",
        "do-ley-170-07",
        "br-lei-10257-2001",
        "gb-sct-asp-2015-6",
        DECREE,
        "ec-constitucion-2008",
    }
    for row in listed:
        assert row["url"] == "" or row["url"].startswith("https://"), row["identifier"]
        for language in ("en", "fr", "es"):
            loaded = framework(row["identifier"], language)
            assert loaded.title == row[f"title_{language}"]
            assert (loaded.country.code, loaded.year) == (row["country"], int(row["year"]))
    # The featured East Belgian case rests on the decree, in each of its languages.
    belgium = ExperiencePage.objects.get(slug=EAST_BELGIUM)
    assert [item.identifier for item in belgium.legal_frameworks.all()] == [DECREE]
    assert len(rows()) == LegalFramework.objects.filter(locale__language_code="en").count()


def test_a_coordinator_adds_and_corrects_a_framework_in_the_admin():
    client = sign_in("carla", COORDINATORS)
    peru = Country.objects.get(code="PE")
    add = "/admin/snippets/legal/legalframework/add/"
    assert client.get(add).status_code == 200
    fields = {
        "identifier": "pe-ley-27972",
        "title": "Organic Law of Municipalities (Law 27972)",
        "original_title": "Ley Orgánica de Municipalidades",
        "original_language": "es",
        "country": str(peru.pk),
        "subdivision": "",
        "level": "national",
        "kind": "law",
        "year": "2003",
        "binding": "on",
        "url": "javascript:alert(1)",
    }
    # A link that is not a web address is refused beside its field; nothing is saved.
    response = submit(client, add, fields)
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not LegalFramework.objects.filter(identifier="pe-ley-27972").exists()
    response = submit(client, add, {**fields, "url": "ftp://example.org/law.pdf"})
    assert "Enter a valid URL." in response.content.decode()
    response = submit(client, add, {**fields, "url": "", "year": "2999"})
    assert "A framework cannot be enacted in the future." in response.content.decode()
    response = post_form(client, add, {**fields, "url": ""})
    assert response.status_code == 302
    created = framework("pe-ley-27972")
    assert created.binding and created.locale.language_code == "en"
    # Corrected afterwards: no longer binding, with its link.
    edit = f"/admin/snippets/legal/legalframework/edit/{created.pk}/"
    response = post_form(client, edit, {"binding": [], "url": "https://example.org/ley-27972.pdf"})
    assert response.status_code == 302
    created.refresh_from_db()
    assert not created.binding and created.url == "https://example.org/ley-27972.pdf"
    # The same identifier twice in one language is refused.
    response = submit(client, add, {**fields, "url": "", "title": "Again"})
    assert "Another legal framework already uses this identifier." in response.content.decode()


def test_an_editor_links_an_experience_to_its_frameworks_in_the_research_tab():
    client = sign_in("carla", COORDINATORS)
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    url = f"/admin/pages/{page.pk}/edit/"
    content = unescape(client.get(url).content.decode())
    # Offered in the page's language only, each once.
    assert "City Statute (Law 10,257 of 2001)" in content
    assert "Estatuto de la Ciudad" not in content
    statute = framework("br-lei-10257-2001")
    response = post_form(
        client, url, {"legal_frameworks": [str(statute.pk)]}, action="action-publish"
    )
    assert response.status_code == 302
    assert list(ExperiencePage.objects.get(pk=page.pk).legal_frameworks.all()) == [statute]


@pytest.mark.parametrize(
    ("language", "heading", "title", "binding"),
    [
        (
            "en",
            "Legal basis",
            "Decree of 25 February 2019 establishing a permanent citizens' dialogue",
            "binding",
        ),
        (
            "fr",
            "Base légale",
            "Décret du 25 février 2019 instituant un dialogue citoyen permanent",
            "contraignant",
        ),
    ],
)
def test_an_experience_shows_its_legal_basis_in_the_visitors_language(
    client, language, heading, title, binding
):
    page = ExperiencePage.objects.get(
        translation_key=ExperiencePage.objects.get(slug=EAST_BELGIUM).translation_key,
        locale__language_code=language,
    )
    content = unescape(client.get(page.url).content.decode())
    assert f'<h2 id="legal-heading">{heading}</h2>' in content
    assert title in content
    # The official title in its own language, marked as German.
    assert '<i lang="de">Dekret vom 25. Februar 2019' in content
    assert f"· {binding}</span>" in content
    # The country's page is a link away.
    assert f'href="{page.get_parent().url}countries/be/"' in content


def listed(client, **params):
    content = unescape(client.get("/en/experiences/", params).content.decode())
    return int(re.search(r"<p role=\"status\">(\d+) experiences?</p>", content)[1]), content


def test_the_repository_filters_by_legal_basis(client):
    total, _content = listed(client)
    with_basis, content = listed(client, legal="yes")
    assert with_basis == 1 and "Permanent citizens' dialogue in East Belgium" in content
    without, content = listed(client, legal="no")
    assert without == total - 1
    assert "Permanent citizens' dialogue in East Belgium" not in content
    assert "Participatory budgeting in Porto Alegre" in content
    both, _content = listed(client, legal=["yes", "no"])
    assert both == total
    _count, content = listed(client, legal="perhaps")
    assert "Unknown legal basis “perhaps” was ignored." in content
    french = unescape(client.get("/fr/experiences/").content.decode())
    assert "<legend>Base légale</legend>" in french


def test_the_search_counts_experiences_with_and_without_a_legal_basis(client):
    deliver()
    facets = client.get("/en/search/api/", {"type": "experience"}).json()["facets"]
    legal = {row["value"]: row["count"] for row in facets["legal"]}
    english = ExperiencePage.objects.live().filter(locale__language_code="en")
    assert legal == {"yes": 1, "no": english.count() - 1}
    found = client.get("/fr/search/api/", {"legal": "yes"}).json()
    assert [row["title"] for row in found["results"]] == [
        ExperiencePage.objects.get(
            locale__language_code="fr",
            translation_key=ExperiencePage.objects.get(slug=EAST_BELGIUM).translation_key,
        ).title
    ]
    spanish = client.get("/es/search/api/", {"type": "experience"}).json()["facets"]["legal"]
    assert {row["label"] for row in spanish} >= {"Tiene base legal"}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_frameworks_column_round_trips_and_bad_identifiers_are_refused(tmp_path, fmt):
    first = export(fmt)
    if fmt == "json":
        by_title = {row["title"]: row for row in json.loads(first)["experiences"]}
        assert by_title["Permanent citizens' dialogue in East Belgium"]["legal_frameworks"] == [
            DECREE
        ]
    else:
        by_title = {row["title"]: row for row in csv.DictReader(io.StringIO(first))}
        assert by_title["Permanent citizens' dialogue in East Belgium"]["legal_frameworks"] == (
            DECREE
        )
    ExperiencePage.objects.filter(locale__language_code="en").delete()
    failed, _out, err = import_file(tmp_path, first, f"export.{fmt}")
    assert not failed, err
    assert export(fmt).replace("\r\n", "\n").count(DECREE) == first.replace("\r\n", "\n").count(
        DECREE
    )
    belgium = ExperiencePage.objects.get(title="Permanent citizens' dialogue in East Belgium")
    assert [item.identifier for item in belgium.legal_frameworks.all()] == [DECREE]

    text = (
        "external_id,title,summary,legal_frameworks\n"
        "law-1,Good,Rests on two laws.,pe-ley-28056; EC-LOPC-2010\n"
        "law-2,Bad,Rests on an unknown law.,pe-ley-28056; ley-de-la-selva\n"
    )
    failed, _out, err = import_file(tmp_path, text, "laws.csv")
    assert failed
    assert "line 3: legal_frameworks: unknown legal frameworks: ley-de-la-selva" in err
    good = ExperiencePage.objects.get(external_id="law-1")
    assert sorted(item.identifier for item in good.legal_frameworks.all()) == [
        "ec-lopc-2010",
        "pe-ley-28056",
    ]
    assert not ExperiencePage.objects.filter(external_id="law-2").exists()


def test_the_codebook_documents_the_frameworks_column(client):
    content = unescape(client.get("/es/experiencias/codebook/").content.decode())
    assert '<tr id="column-legal_frameworks">' in content
    assert "pe-ley-28056" in content


@pytest.fixture
def peru():
    """Peruvian cases: three public, one draft and one private, which must not count."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    mechanisms = {term.slug: term for term in Mechanism.objects.filter(locale=index.locale)}
    country = Country.objects.get(code="PE")
    made = {}
    for slug, year, used in (
        ("lima-budget", 2004, ["participatory-budgeting"]),
        ("cusco-budget", 2007, ["participatory-budgeting", "participatory-planning"]),
        ("arequipa-council", 2015, ["participatory-planning"]),
        ("draft-case", 2005, ["participatory-budgeting"]),
        ("private-case", 2006, ["participatory-budgeting"]),
    ):
        page = ExperiencePageFactory(
            parent=index, title=slug.replace("-", " ").title(), slug=slug, country=country
        )
        page.start_year = year
        page.mechanisms = [mechanisms[item] for item in used]
        page.save_revision().publish()
        made[slug] = page
    made["draft-case"].unpublish()
    PageViewRestriction.objects.create(
        page=made["private-case"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    deliver()
    return made


def test_a_country_page_lists_its_laws_and_counts_its_public_experiences(client, peru):
    response = client.get("/en/experiences/countries/pe/")
    assert response.status_code == 200
    content = unescape(response.content.decode())
    assert "<h1>Peru</h1>" in content
    assert "Framework Law on Participatory Budgeting (Law 28056)" in content
    assert '<i lang="es">Ley N.º 28056 Ley Marco del Presupuesto Participativo</i>' in content
    assert "3 experiences described in this language" in content
    assert "Draft Case" not in content and "Private Case" not in content
    decades = dict(
        re.findall(r'<tr><th scope="row">(\d{4}–\d{4})</th><td><a href="([^"]+)">', content)
    )
    counts = dict(re.findall(r'<tr><th scope="row">(\d{4}–\d{4})</th><td><a [^>]+>(\d+)<', content))
    assert counts == {"2000–2009": "2", "2010–2019": "1"}
    # Each count links to a listing that shows as many experiences.
    for decade, url in decades.items():
        found = client.get(url.replace("/search/", "/search/api/")).json()
        assert found["total"] == int(counts[decade]), decade
    mechanisms = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td><a href="(/en/experiences/\?[^"]+)">(\d+)<', content
    )
    assert {label: int(count) for label, _url, count in mechanisms} == {
        "Participatory budgeting": 2,
        "Participatory planning": 2,
    }
    for label, url, count in mechanisms:
        total, _content = listed(client, **dict(parse_qsl(urlsplit(url).query)))
        assert total == int(count), label


@pytest.mark.parametrize(
    ("url", "heading", "law"),
    [
        ("/en/experiences/countries/be/", "Belgium", "Decree of 25 February 2019"),
        ("/fr/experiences/countries/be/", "Belgique", "Décret du 25 février 2019"),
        ("/es/experiencias/countries/be/", "Bélgica", "Decreto de 25 de febrero de 2019"),
    ],
)
def test_the_country_page_speaks_the_visitors_language_with_its_alternates(
    client, url, heading, law
):
    content = unescape(client.get(url).content.decode())
    assert f"<h1>{heading}</h1>" in content
    assert law in content
    assert '<link rel="canonical" href="http://testserver' + url + '">' in content
    assert 'hreflang="es" href="http://testserver/es/experiencias/countries/be/"' in content
    assert 'hreflang="fr" href="http://testserver/fr/experiences/countries/be/"' in content


def test_the_country_introduction_heads_its_page(client):
    from taxonomy.models import CountryIntroduction

    CountryIntroduction.objects.create(
        country=Country.objects.get(code="BE"),
        locale=Locale.objects.get(language_code="en"),
        text="Belgium's communities have experimented with deliberation.",
    )
    content = unescape(client.get("/en/experiences/countries/be/").content.decode())
    assert '<p class="lead">Belgium\'s communities have experimented with deliberation.</p>' in (
        content
    )


@pytest.mark.parametrize("code", ["zz", "PE", "per", "aq", "p%C3%A9", "00"])
def test_an_unknown_or_empty_country_is_not_found(client, code):
    # Antarctica exists but the repository knows nothing of it.
    assert client.get(f"/en/experiences/countries/{code}/").status_code == 404


def test_the_repository_filtered_by_one_country_links_to_its_page(client):
    content = unescape(client.get("/fr/experiences/", {"country": "BE"}).content.decode())
    assert '<a href="/fr/experiences/countries/be/">' in content
    content = unescape(client.get("/fr/experiences/", {"country": ["BE", "BR"]}).content.decode())
    assert "/countries/" not in content


def test_a_deleted_framework_leaves_the_legal_basis_facet_of_its_cases(client):
    deliver()

    def with_basis():
        facets = client.get("/en/search/api/", {"type": "experience"}).json()["facets"]
        return {row["value"]: row["count"] for row in facets["legal"]}.get("yes", 0)

    assert with_basis() == 1
    coordinator = sign_in("carla", COORDINATORS)
    decree = framework(DECREE)
    url = f"/admin/snippets/legal/legalframework/delete/{decree.pk}/"
    assert coordinator.post(url).status_code == 302
    assert not LegalFramework.objects.filter(pk=decree.pk).exists()
    deliver()
    assert with_basis() == 0


def test_the_demo_cases_rest_on_the_laws_their_text_names(client):
    from django.core.management import call_command

    call_command("load_demo_experiences", stdout=io.StringIO())
    for row in rows():
        for slug in filter(None, row["experiences"].split(";")):
            page = ExperiencePage.objects.get(slug=slug, locale__language_code="en")
            assert row["identifier"] in {item.identifier for item in page.legal_frameworks.all()}
    # The Brazilian and Scottish community laws are recorded, but no demo case says it rests on
    # them: none is linked.
    assert not framework("br-lei-10257-2001").experiences.exists()
    # A translated case shows the law in its language.
    dominican = ExperiencePage.objects.get(slug="dominican-republic-participatory-budget-law")
    french = dominican.get_translation(Locale.objects.get(language_code="fr"))
    content = unescape(client.get(french.url).content.decode())
    assert "Loi 170-07 instituant le système de budget participatif municipal" in content
    assert '<i lang="es">Ley núm. 170-07' in content
    peru = unescape(client.get("/en/experiences/countries/pe/").content.decode())
    assert "1 experience described in this language" in peru


def test_a_framework_sent_to_translation_keeps_its_english_title_marked_until_translated(client):
    """wagtail-localize copies a framework into French with the English words until a translator
    translates them: a French page must still say those words are English."""
    coordinator = sign_in("carla", COORDINATORS)
    peru = Country.objects.get(code="PE")
    title = "Organic Law of Municipalities (Law 27972)"
    fields = {"identifier": "pe-ley-27972", "title": title, "original_title": ""}
    fields |= {"original_language": "", "country": str(peru.pk), "subdivision": "", "url": ""}
    fields |= {"level": "national", "kind": "law", "year": "2003", "binding": "on"}
    post_form(coordinator, "/admin/snippets/legal/legalframework/add/", fields)
    source = framework("pe-ley-27972")
    french = Locale.objects.get(language_code="fr")
    response = coordinator.post(
        f"/admin/localize/submit/snippet/legal/legalframework/{source.pk}/",
        {"locales": [str(french.pk)]},
    )
    assert response.status_code == 302
    assert framework("pe-ley-27972", "fr").title == title  # the copy, not translated yet

    content = client.get("/fr/experiences/countries/pe/").content.decode()
    assert re.search(rf'<span lang="en">{re.escape(title)}</span>', content), content
    english = client.get("/en/experiences/countries/pe/").content.decode()
    assert f"<span>{title}</span>" in english  # the page's own language needs no mark
