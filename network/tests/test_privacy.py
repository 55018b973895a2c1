"""A member without consent to publish, or who left the network, is on no public surface:
the directory and its counts, its profile, the new members feed, the events it hosts and the
reports it published, the experiences that name it, the search (engine and database fallback),
the API, the exports, the feeds and the sitemap. A member who
withdraws consent leaves them all at once. Coordinators still find every member in the admin."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils.text import slugify
from wagtail.models import Locale

from editorial.roles import COORDINATORS
from network.models import MemberOrganisation, MemberType
from network.tests.test_profile_publications import english
from publications.models import EventHost, EventPage, ReportMember, ReportPage
from repository.models import ExperienceCoAuthor, ExperienceOrganisation
from search.indexing import deliver
from search.tests.helpers import new_experience
from taxonomy.models import Country
from tests.fixtures import sign_in

pytestmark = pytest.mark.django_db

SHOWN = "Zebra Commons Forum"
HIDDEN = ("Okapi Neighbours Forum", "Okapi Valley Council")
EVENT, REPORT = "conference-2021", "annual-report-2021"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def member(name, slug, country, **fields):
    return MemberOrganisation.objects.create(
        name=name,
        slug=slug,
        locale=Locale.get_default(),
        member_type=MemberType.objects.get(slug="social-movement", locale__language_code="en"),
        country=Country.objects.get(code=country),
        city="Somewhere",
        contact_person="Private Person",
        contact_email="private.person@example.org",
        **fields,
    )


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def sitemap_text(client):
    text = []
    index = ET.fromstring(client.get("/sitemap.xml").content)
    for location in index.findall("s:sitemap/s:loc", NS):
        text.append(client.get(location.text.removeprefix("http://testserver")).content.decode())
    return "\n".join(text)


def surfaces(client, experience):
    """(surface, what a visitor or a program reads there) for the pages that show members."""
    found = []
    for code, path in (("en", "/en/members/"), ("fr", "/fr/membres/"), ("es", "/es/miembros/")):
        found.append((f"directory {code}", body(client.get(path))))
        found.append(
            (f"directory by type {code}", body(client.get(path, {"type": "social-movement"})))
        )
    for code, path in (("en", "/en/members/"), ("es", "/es/miembros/")):
        for slug in ("zebra-commons-forum", "okapi-neighbours-forum", "okapi-valley-council"):
            response = client.get(f"{path}{slug}/")
            assert response.status_code in (200, 404)
            found.append((f"profile {code} {slug}", body(response)))
    for code, path in (("en", "/en/members/"), ("es", "/es/miembros/")):
        found.append((f"new members feed {code}", body(client.get(f"{path}feed/rss/"))))
    found += [
        ("event page", body(client.get(english(EventPage, EVENT).url))),
        ("report page", body(client.get(english(ReportPage, REPORT).url))),
        ("experience page", body(client.get(experience.url))),
        ("api", body(client.get(f"/api/v2/pages/{experience.pk}/"))),
        ("experience export csv", body(client.get("/en/experiences/export/csv/"))),
        ("experience export json", body(client.get("/en/experiences/export/json/"))),
        ("sitemap", sitemap_text(client)),
    ]
    return found


def searches(client, name):
    """What the search outputs answer to a member's name: the experience naming it or not."""
    return [
        ("search page", body(client.get("/en/search/", {"q": name}))),
        ("search api", body(client.get("/en/search/api/", {"q": name}))),
        ("search feed", body(client.get("/en/search/feed/", {"q": name}))),
        ("search export", body(client.get("/en/search/export.csv", {"q": name}))),
    ]


def check(client, experience, hidden, shown, subtests, label):
    for surface, text in surfaces(client, experience):
        # The sitemap names profiles by their address.
        said = slugify if surface == "sitemap" else str
        with subtests.test(search=label, surface=surface):
            for name in hidden:
                assert said(name) not in text
            if shown and "okapi" not in surface:
                assert said(shown) in text
    for name in hidden:
        for surface, text in searches(client, name):
            with subtests.test(search=label, surface=surface, name=name):
                assert "Shared river assembly" not in text
    if shown:
        for surface, text in searches(client, shown):
            with subtests.test(search=label, surface=surface, name=shown):
                assert "Shared river assembly" in text


def test_members_without_consent_or_gone_are_on_no_public_surface(
    client, search_engine, settings, subtests
):
    engine_settings = settings.SEARCH_ENGINE
    # Joined this year: the newest members, at the top of the new members feed if shown.
    joined = datetime.date.today().year
    zebra = member(SHOWN, "zebra-commons-forum", "ZA", consent_to_publish=True, year_joined=joined)
    member(HIDDEN[0], "okapi-neighbours-forum", "IS", consent_to_publish=False, year_joined=joined)
    member(
        HIDDEN[1],
        "okapi-valley-council",
        "MN",
        consent_to_publish=True,
        status="left",
        year_joined=joined,
    )
    members = MemberOrganisation.objects.filter(name__in=[SHOWN, *HIDDEN])
    # All three host an event and publish a report: the pages credit only the one shown.
    for model, slug, relation, link in (
        (EventPage, EVENT, "hosts", lambda m: EventHost(member=m)),
        (ReportPage, REPORT, "members", lambda m: ReportMember(member=m, role="publisher")),
    ):
        latest = english(model, slug).get_latest_revision_as_object()
        getattr(latest, relation).add(*[link(m) for m in members])
        latest.save_revision().publish()
    experience = new_experience(
        title="Shared river assembly",
        organisations=[ExperienceOrganisation(name=m.name, member=m) for m in members],
        # Each member confirmed the description: "co-produced with" names only the one shown.
        co_authors=[
            ExperienceCoAuthor(
                name=m.name, member=m, confirmed_on=datetime.date(2024, 5, day), locale=m.locale
            )
            for day, m in enumerate(members, start=1)
        ],
    )
    search_engine.refresh()

    for label, engine in (("engine", engine_settings), ("database", None)):
        settings.SEARCH_ENGINE = engine
        check(client, experience, HIDDEN, SHOWN, subtests, label)

    # The counts know nothing of the hidden members' countries; a filter by one is refused.
    directory = body(client.get("/en/members/", {"country": "IS"}))
    assert 'value="IS"' not in directory and 'value="MN"' not in directory
    assert "Unknown country “IS” was ignored." in directory
    assert 'value="ZA"> South Africa <span class="count">(1)</span>' in directory

    # Coordinators still find and edit them all.
    carla = sign_in("carla", COORDINATORS)
    listing = carla.get("/admin/snippets/network/memberorganisation/?q=okapi").content.decode()
    assert HIDDEN[0] in listing and HIDDEN[1] in listing

    # Zebra withdraws its consent: a coordinator unticks the box and it leaves every surface.
    data = {
        "name": zebra.name,
        "slug": zebra.slug,
        "member_type": zebra.member_type_id,
        "status": "active",
        "country": zebra.country_id,
        "city": zebra.city,
        "contact_person": zebra.contact_person,
        "contact_email": zebra.contact_email,
    }
    response = carla.post(f"/admin/snippets/network/memberorganisation/edit/{zebra.pk}/", data)
    assert response.status_code == 302
    settings.SEARCH_ENGINE = engine_settings
    deliver()
    search_engine.refresh()
    for label, engine in (("engine", engine_settings), ("database", None)):
        settings.SEARCH_ENGINE = engine
        check(client, experience, (SHOWN, *HIDDEN), None, subtests, f"{label} after")
    # Never, on any surface, the private contact.
    for surface, text in surfaces(client, experience):
        with subtests.test(surface=surface, contact=True):
            assert "private.person@example.org" not in text and "Private Person" not in text


def test_the_award_names_no_member_without_consent(client, subtests):
    """A member without consent (or gone) whose experience is distinguished: the edition page,
    the results feed and the news draft name the experience, never the member."""
    from award.models import AwardEditionPage, Candidacy
    from publications.models import NewsPage
    from tests.fixtures import post_form

    joined = datetime.date.today().year
    member(SHOWN, "zebra-commons-forum", "ZA", consent_to_publish=True, year_joined=joined)
    member(HIDDEN[0], "okapi-neighbours-forum", "IS", consent_to_publish=False, year_joined=joined)
    member(HIDDEN[1], "okapi-valley-council", "MN", consent_to_publish=True, status="left")
    members = list(MemberOrganisation.objects.filter(name__in=[SHOWN, *HIDDEN]))
    titles = {m.name: f"River assembly of {m.slug}" for m in members}
    experiences = {
        m.name: new_experience(
            title=titles[m.name], organisations=[ExperienceOrganisation(name=m.name, member=m)]
        )
        for m in members
    }
    edition = AwardEditionPage.objects.filter(locale__language_code="en").order_by("-year").first()
    carla = sign_in("carla", COORDINATORS)
    for m in members:
        applied = carla.post(
            "/admin/award/apply/",
            {
                "edition": edition.pk,
                "member": m.pk,
                "experience": experiences[m.name].pk,
                "category": edition.categories.first().pk,
                "statement": "Rivers.",
            },
        )
        assert applied.status_code == 302, applied.content.decode()[-2000:]
    candidacies = {c.member.name: c for c in Candidacy.objects.filter(member__in=members)}
    for c in candidacies.values():
        carla.post(f"/admin/award/candidacies/{c.pk}/", {"decision": "accepted"})
    # The coordinator closes the call in the edition's timeline.
    today = datetime.date.today()
    post_form(
        carla,
        f"/admin/pages/{edition.pk}/edit/",
        {
            "call_opens": str(today - datetime.timedelta(days=60)),
            "call_closes": str(today - datetime.timedelta(days=1)),
            "evaluation_ends": str(today + datetime.timedelta(days=10)),
            "results_on": str(today + datetime.timedelta(days=20)),
        },
        action="action-publish",
    )
    ranking = f"/admin/award/editions/{edition.pk}/ranking/"
    for name, final in ((SHOWN, "winner"), (HIDDEN[0], "winner"), (HIDDEN[1], "special_mention")):
        for stage in ("shortlisted", "finalist", final):
            carla.post(ranking, {"candidacy": candidacies[name].pk, "stage": stage})
    published = carla.post(f"/admin/award/editions/{edition.pk}/publish/")
    news = NewsPage.objects.get(pk=int(published["Location"].split("/")[-3]))
    edition.refresh_from_db()
    assert edition.results_published

    read = {
        "edition page": body(client.get(edition.url)),
        "results feed rss": body(client.get(f"{edition.get_parent().url}feed/rss/")),
        "results feed atom": body(client.get(f"{edition.get_parent().url}feed/atom/")),
        "news draft": body(carla.get(f"/admin/pages/{news.pk}/edit/")),
        "news draft preview": body(
            carla.get(f"/admin/pages/{news.pk}/revisions/{news.latest_revision_id}/view/")
        ),
    }
    for surface, text in read.items():
        with subtests.test(surface=surface):
            assert all(title in text for title in titles.values())
            assert SHOWN in text
            for name in HIDDEN:
                assert name not in text
