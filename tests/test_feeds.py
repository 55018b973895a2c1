"""Every feed a page announces, read by feedparser as a feed reader would: well formed, every
entry dated, every link absolute on the host the reader asked for, in every language."""

import io
import re
import time
from html import unescape
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

HOST = "observatory.example.org"
# The pages whose feeds a reader subscribes to, with the view's filters where they have some.
PAGES = {
    "en": [
        "/en/",
        "/en/news/",
        "/en/experiences/",
        "/en/experiences/?topic=participatory-budgeting",
        "/en/reports/",
        "/en/agenda/",
        "/en/youth-latin-america/",
        "/en/search/?q=budget",
    ],
    "fr": [
        "/fr/actualites/",
        "/fr/experiences/",
        "/fr/experiences/?topic=participatory-budgeting",
        "/fr/rapports/",
        "/fr/agenda/",
        "/fr/jeunes-amerique-latine/",
        "/fr/search/?q=budget",
    ],
    "es": [
        "/es/noticias/",
        "/es/experiencias/",
        "/es/experiencias/?topic=participatory-budgeting",
        "/es/informes/",
        "/es/agenda/",
        "/es/jovenes-america-latina/",
        "/es/search/?q=presupuesto",
    ],
}
FEED_LINK = re.compile(
    r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"'
)


@pytest.fixture
def reader(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]

    def get(path):
        response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200, path
        return response

    return get


def announced_feeds(reader, path):
    return [unescape(href) for href in FEED_LINK.findall(reader(path).content.decode())]


def feed_problems(reader, href, language):
    feed = feedparser.parse(reader(href).content)
    if feed.bozo:
        return [f"{href}: not well formed ({feed.bozo_exception})"]
    problems = []
    if feed.feed.get("language", language)[:2] != language:
        problems.append(f"{href}: language {feed.feed.get('language')}")
    if not on_host(feed.feed.get("link", "")):
        problems.append(f"{href}: channel link {feed.feed.get('link')}")
    if not feed.entries:
        problems.append(f"{href}: no entries")
    for entry in feed.entries:
        if not entry.get("published_parsed"):
            problems.append(f"{href}: {entry.get('title')} has no publication date")
        links = [entry.get("link", ""), *(link.href for link in entry.get("links", []))]
        problems += [
            f"{href}: {entry.get('title')} links {url}" for url in links if not on_host(url)
        ]
    return problems


def on_host(url):
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and parts.netloc == HOST


def test_every_feed_is_well_formed_dated_and_linked_to_the_host_asked_for(
    reader, django_capture_on_commit_callbacks
):
    # The whole demo, as `make run` serves it (indexed after commit): the collection lists some.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_experiences", stdout=io.StringIO())
    problems = []
    for language, paths in PAGES.items():
        feeds = {href for path in paths for href in announced_feeds(reader, path)}
        # News, experiences (all, one topic), reports and agenda in RSS and Atom, the
        # collection and the search in RSS.
        assert len(feeds) >= 12, feeds
        for href in sorted(feeds):
            problems += feed_problems(reader, href, language)
    assert problems == []


def test_the_experience_feed_follows_the_index_filters(reader):
    everything = feedparser.parse(reader("/en/experiences/feed/atom/").content)
    one_topic = feedparser.parse(
        reader("/en/experiences/feed/atom/?topic=participatory-budgeting").content
    )
    listed = reader("/en/experiences/?topic=participatory-budgeting").content.decode()
    assert one_topic.entries and len(one_topic.entries) < len(everything.entries)
    for entry in one_topic.entries:
        assert urlsplit(entry.link).path in listed, entry.title
    assert "Participatory budgeting" in one_topic.feed.title
    # Newest on the site first.
    dates = [time.mktime(entry.published_parsed) for entry in everything.entries]
    assert dates == sorted(dates, reverse=True)


def test_the_agenda_feed_lists_upcoming_events_with_when_and_where(reader):
    feed = feedparser.parse(reader("/en/agenda/feed/rss/").content)
    page = reader("/en/agenda/").content.decode()
    upcoming = page.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert feed.entries
    for entry in feed.entries:
        assert urlsplit(entry.link).path in upcoming, entry.title


def test_an_unknown_feed_kind_is_not_found(reader, client):
    for path in ("/en/experiences/feed/json/", "/en/reports/feed/xml/", "/en/agenda/feed/x/"):
        assert client.get(path, HTTP_HOST=HOST).status_code == 404, path


def network_pages():
    """The award's front page, an edition of it and the member directory, in each language."""
    from award.models import AwardEditionPage, AwardIndexPage
    from network.models import MemberDirectoryPage

    return {
        code: [
            model.objects.live().get(locale__language_code=code).url
            for model in (AwardIndexPage, MemberDirectoryPage)
        ]
        + [AwardEditionPage.objects.live().filter(locale__language_code=code).first().url]
        for code in PAGES
    }


def test_the_award_results_and_new_members_feeds_are_announced_and_well_formed(reader):
    problems = []
    for language, paths in network_pages().items():
        feeds = {href for path in paths for href in announced_feeds(reader, path)}
        # The results in RSS and Atom (from the award and its editions), the members in both.
        assert len(feeds) == 4, feeds
        for href in sorted(feeds):
            problems += feed_problems(reader, href, language)
    assert problems == []


def test_the_new_members_feed_lists_the_public_members_newest_first(reader):
    from django.utils import timezone

    from editorial.roles import COORDINATORS
    from network.models import MemberDirectoryPage, MemberOrganisation
    from tests.fixtures import post_form, sign_in

    for code in PAGES:
        directory = MemberDirectoryPage.objects.get(locale__language_code=code)
        feed = feedparser.parse(reader(f"{directory.url}feed/atom/").content)
        shown = {
            directory.profile_url(member)
            for member in MemberOrganisation.objects.public().filter(locale=directory.locale)
        }
        assert {urlsplit(entry.link).path for entry in feed.entries} == shown, code
        dates = [time.mktime(entry.published_parsed) for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)

    # A coordinator records the consent of a member that had not given it: it leads the feed.
    lakeshore = MemberOrganisation.objects.get(
        slug="municipality-of-lakeshore", locale__language_code="en"
    )
    english = MemberDirectoryPage.objects.get(locale__language_code="en")
    assert (
        f"{english.url}{lakeshore.slug}/" not in reader(f"{english.url}feed/rss/").content.decode()
    )
    carla = sign_in("carla", COORDINATORS)
    post_form(
        carla,
        f"/admin/snippets/network/memberorganisation/edit/{lakeshore.pk}/",
        {"consent_to_publish": "on"},
    )
    first = feedparser.parse(reader(f"{english.url}feed/rss/").content).entries[0]
    assert first.title == lakeshore.name
    assert urlsplit(first.link).path == f"{english.url}{lakeshore.slug}/"
    assert time.strftime("%Y-%m-%d", first.published_parsed) == str(timezone.now().date())


def test_the_results_feed_lists_published_results_only(reader):
    from award.models import AwardEditionPage, AwardIndexPage, Candidacy, Stage
    from award.results import localized_results
    from award.tests.test_award import close_the_call
    from editorial.roles import COORDINATORS
    from tests.fixtures import sign_in

    index = AwardIndexPage.objects.get(locale__language_code="en")
    editions = AwardEditionPage.objects.live().child_of(index)
    finished = next(edition for edition in editions if edition.results_published)
    call = next(edition for edition in editions if not edition.results_published)

    def entries():
        return feedparser.parse(reader(f"{index.url}feed/atom/").content).entries

    (entry,) = entries()
    assert urlsplit(entry.link).path == finished.url
    for result in localized_results(finished):
        assert f"{result['distinction']}: {result['experience'].title}" in entry.summary

    # The call closes, and the coordinator publishes its results (its winner chosen).
    close_the_call(call)
    winner = Candidacy.objects.filter(edition=call).first()
    Candidacy.objects.filter(pk=winner.pk).update(stage=Stage.WINNER)
    carla = sign_in("carla", COORDINATORS)
    assert carla.post(f"/admin/award/editions/{call.pk}/publish/").status_code == 302
    newest, older = entries()
    assert urlsplit(newest.link).path == call.url
    assert f"Winner: {winner.experience.title}" in newest.summary
    assert urlsplit(older.link).path == finished.url
