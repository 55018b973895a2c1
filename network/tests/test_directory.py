"""The member directory and profiles as visitors meet them, in each language, without
JavaScript; the command that links experiences to members."""

import io
import json
import re

import pytest
from django.core.management import call_command

from network.models import MemberOrganisation
from repository.models import ExperienceOrganisation, ExperiencePage
from search.tests.helpers import new_experience

pytestmark = pytest.mark.django_db

DIRECTORIES = {"en": "/en/members/", "fr": "/fr/membres/", "es": "/es/miembros/"}


def names(content):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', content)


def count_of(content, param, value):
    found = re.search(
        rf'name="{param}" value="{value}"(?: checked)?> [^<]+ <span class="count">\((\d+)\)',
        content,
    )
    return int(found.group(1)) if found else None


def test_the_directory_lists_public_members_in_each_language_with_counts(client, subtests):
    public = MemberOrganisation.objects.public().one_per_member().count()
    expected = {
        "en": "Barcelona City Council",
        "fr": "Mairie de Barcelone",
        "es": "Ayuntamiento de Barcelona",
    }
    for code, path in DIRECTORIES.items():
        with subtests.test(language=code):
            content = client.get(path).content.decode()
            assert expected[code] in names(content)
            assert len(names(content)) == public
            assert "Citizens" not in content and "Nordvik" not in content  # no consent, left
            # Each option counts what ticking it lists.
            for param, value in (("type", "local-government"), ("region", "latin_america")):
                shown = client.get(path, {param: value}).content.decode()
                assert count_of(content, param, value) == len(names(shown))


def test_filters_combine_and_count_with_the_other_filters_kept(client):
    content = client.get(
        "/en/members/", {"type": "local-government", "promoter": "yes"}
    ).content.decode()
    listed = names(content)
    assert listed == [
        "Barcelona City Council",
        "Montevideo Municipal Government",
        "Porto Alegre City Council",
    ]
    # Promoter counts among local governments; type counts among promoters.
    assert count_of(content, "promoter", "yes") == 3
    assert count_of(content, "promoter", "no") == 2  # Paris and Cascais
    assert count_of(content, "type", "research-centre") == 1
    # Values within a filter are alternatives.
    both = client.get("/en/members/", {"country": ["BR", "UY"]}).content.decode()
    assert names(both) == ["Montevideo Municipal Government", "Porto Alegre City Council"]
    # The filter chips take one value off, with an address that works without JavaScript.
    assert 'href="?country=UY"' in both and 'href="?country=BR"' in both
    odd = client.get("/en/members/", {"type": "unicorns", "region": "europe"})
    assert "Unknown type “unicorns” was ignored." in odd.content.decode()
    assert names(odd.content.decode()) == [
        "Barcelona City Council",
        "Cascais Municipality",
        "Centre for Deliberative Studies",
        "City of Paris",
        "Parliament of the German-speaking Community of Belgium",
    ]
    assert client.get("/en/members/", {"type": "local-government", "region": "europe"})[
        "X-Robots-Tag"
    ] == ("noindex")


def test_a_profile_lists_the_members_experiences_and_describes_it_as_an_organization(client):
    response = client.get("/fr/membres/porto-alegre-city-council/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Mairie de Porto Alegre</h1>" in content
    french = ExperiencePage.objects.get(slug="budget-participatif-porto-alegre")
    assert f'href="{french.url}"' in content  # the experience in the visitor's language
    assert "Gouvernement local" in content and "Membre promoteur" in content
    assert "ana.souza@example.org" not in content and "Ana Souza" not in content
    assert (
        '<link rel="canonical" href="http://testserver/fr/membres/porto-alegre-city-council/">'
        in content
    )
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content).group(1)
    )
    assert data["@type"] == "Organization"  # the profile describes its member, not a list
    organization = data
    assert organization["name"] == "Mairie de Porto Alegre"
    assert organization["url"] == "https://prefeitura.poa.br/"
    assert organization["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "BR",
        "addressLocality": "Porto Alegre",
    }
    assert client.get("/fr/membres/no-such-member/").status_code == 404


def test_the_experience_names_its_member(client):
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    content = client.get(page.url).content.decode()
    assert "Cascais Municipality" in content


def test_the_command_links_names_without_case_or_accents_and_reports_what_it_left():
    montevideo = MemberOrganisation.objects.get(
        slug="montevideo-municipal-government", locale__language_code="en"
    )
    page = new_experience(
        title="Neighbourhood councils",
        organisations=[
            ExperienceOrganisation(name="  intendencia de MONTEVIDEO "),
            ExperienceOrganisation(name="Cooperativa Nowhere"),
        ],
    )
    out = io.StringIO()
    call_command("link_member_organisations", "--dry-run", stdout=out)
    assert "Would link: “  intendencia de MONTEVIDEO ” on Neighbourhood councils [en]" in (
        out.getvalue()
    )
    assert page.organisations.filter(member__isnull=False).count() == 0

    out = io.StringIO()
    call_command("link_member_organisations", stdout=out)
    report = out.getvalue()
    assert "Left: “Cooperativa Nowhere” on Neighbourhood councils [en]: no member" in report
    assert "1 matched, 1 left." in report
    page.refresh_from_db()
    linked = page.organisations.get(name__contains="MONTEVIDEO")
    assert linked.member == montevideo
    # Written as an editor would: the live revision carries the link, so a later edit keeps it.
    assert page.live_revision.as_object().organisations.get(id=linked.pk).member == montevideo


def test_the_profile_lists_an_experience_linked_by_the_command(client):
    page = new_experience(
        title="Neighbourhood councils",
        organisations=[ExperienceOrganisation(name="Intendencia de Montevideo")],
    )
    call_command("link_member_organisations", stdout=io.StringIO())
    content = client.get("/en/members/montevideo-municipal-government/").content.decode()
    assert f'href="{page.url}"' in content


def test_the_map_shows_where_the_listed_members_are_and_links_to_them(client):
    content = client.get("/fr/membres/", {"type": "local-government"}).content.decode()
    shaded = dict(
        re.findall(
            r'<a href="\?([^"]+)" tabindex="-1"><path d="[^"]+" class="shade-\d"><title>'
            r"([^<]+)</title>",
            content,
        )
    )
    # The countries of the public local governments, named in French, each linking to them.
    brazil = next(query for query, title in shaded.items() if title.startswith("Brésil:"))
    assert brazil == "type=local-government&amp;country=BR"
    listed = names(
        client.get("/fr/membres/", {"type": "local-government", "country": "BR"}).content.decode()
    )
    assert shaded and all(not title.startswith("Canada") for title in shaded.values())
    assert f"Brésil: {len(listed)}" in shaded.values()
