"""The agenda as visitors, calendar applications, search engines and editors meet it."""

import datetime
import json
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape
from icalendar import Calendar
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.privacy import public
from publications.factories import EventPageFactory
from publications.models import EventIndexPage, EventPage
from taxonomy.factories import country
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def agenda(language="en"):
    return EventIndexPage.objects.get(locale__language_code=language)


def publish(page):
    page.save_revision().publish()
    return page


def ics(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    # RFC 5545 3.1: CRLF line ends, lines folded at 75 octets.
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    calendar = Calendar.from_ical(response.content)
    # What a calendar application does when it saves a subscription and reads it back.
    again = Calendar.from_ical(calendar.to_ical())
    assert event_facts(again) == event_facts(calendar), f"{url} changes on a round trip"
    return calendar


def event_facts(calendar):
    """What a calendar application keeps of each event, by UID."""

    def text(item, name):
        return str(item[name]) if name in item else None

    def when(item, name):
        return (item[name].dt, item[name].params.get("TZID")) if name in item else None

    return {
        str(item["UID"]): {
            "start": when(item, "DTSTART"),
            "end": when(item, "DTEND"),
            "summary": text(item, "SUMMARY"),
            "location": text(item, "LOCATION"),
            "url": text(item, "URL"),
        }
        for item in calendar.walk("VEVENT")
    }


def events_of(calendar):
    return {str(item["UID"]): item for item in calendar.walk("VEVENT")}


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


# --- iCalendar ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "local", "utc"),
    [
        # São Paulo has kept UTC-3 all year since 2019.
        ("America/Sao_Paulo", (2030, 5, 10, 19, 0), (2030, 5, 10, 22, 0)),
        # Barcelona's zone in the IANA database is Europe/Madrid: CEST in summer, CET in winter.
        ("Europe/Madrid", (2030, 7, 1, 10, 0), (2030, 7, 1, 8, 0)),
        ("Europe/Madrid", (2030, 1, 15, 10, 0), (2030, 1, 15, 9, 0)),
    ],
)
def test_the_ics_of_an_event_keeps_its_time_zone(client, zone, local, utc):
    start = datetime.datetime(*local, tzinfo=ZoneInfo(zone))
    event = EventPageFactory(
        parent=agenda(), time_zone=zone, start=start, end=start + datetime.timedelta(hours=2)
    )
    calendar = ics(client, event.url + "ical/")
    [item] = calendar.walk("VEVENT")
    assert item["DTSTART"].params["TZID"] == zone
    assert item["DTSTART"].dt.astimezone(UTC) == datetime.datetime(*utc, tzinfo=UTC)
    assert item["DTEND"].dt - item["DTSTART"].dt == datetime.timedelta(hours=2)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [zone]
    assert str(item["UID"]) == f"event-{event.translation_key}@iopd-agenda"
    assert item["DTSTAMP"].dt.tzinfo is not None
    assert item["STATUS"] == "CONFIRMED"
    assert item["URL"] == f"http://testserver{event.url}"
    # The event page says the same, in the event's zone, with its offset.
    page = client.get(event.url).content.decode()
    assert f'datetime="{start.isoformat()}"' in page


def test_an_all_day_event_is_made_of_dates_with_an_exclusive_end(client):
    event = EventPageFactory(
        parent=agenda(),
        time_zone="Europe/Lisbon",
        all_day=True,
        start=datetime.datetime(2030, 6, 1, 15, 0, tzinfo=UTC),
        end=datetime.datetime(2030, 6, 3, 9, 0, tzinfo=UTC),
    )
    [item] = ics(client, event.url + "ical/").walk("VEVENT")
    assert item["DTSTART"].dt == datetime.date(2030, 6, 1)
    assert item["DTEND"].dt == datetime.date(2030, 6, 4)
    assert item["DTSTART"].params["VALUE"] == "DATE"
    # Whole local days: the event stays upcoming until its last day is over in Lisbon.
    last_evening = datetime.datetime(2030, 6, 3, 22, 30, tzinfo=UTC)  # 23:30 in Lisbon
    assert event in EventPage.objects.upcoming(now=last_evening)
    assert event not in EventPage.objects.upcoming(now=last_evening + datetime.timedelta(hours=1))


def test_cancelled_and_tentative_events_say_so_everywhere(client):
    cancelled = EventPageFactory(parent=agenda(), status="cancelled", title="Budget fair")
    tentative = EventPageFactory(parent=agenda(), status="tbc", title="Youth forum")
    feed = events_of(ics(client, agenda().url + "ical/"))
    assert feed[f"event-{cancelled.translation_key}@iopd-agenda"]["STATUS"] == "CANCELLED"
    assert feed[f"event-{tentative.translation_key}@iopd-agenda"]["STATUS"] == "TENTATIVE"
    page = client.get(cancelled.url)
    assert json_ld(page)["eventStatus"] == "https://schema.org/EventCancelled"
    assert '<p class="event-status event-status--cancelled"><strong>Cancelled</strong></p>' in (
        page.content.decode()
    )
    listing = client.get(agenda().url).content.decode()
    assert "event-status--cancelled" in listing
    assert "Date to be confirmed" in listing


def test_a_past_event_no_longer_waits_for_its_date_to_be_confirmed(client):
    """The demo's 2021 conference was "to be confirmed" and is over: the page, its JSON-LD, its
    .ics and the agenda's calendar all say it took place as scheduled, in every language."""
    english = client.get("/en/agenda/conference-2021/")
    pending = {
        "en": ("to be confirmed", "Date to be confirmed"),
        "fr": ("à confirmer", "Date à confirmer"),
        "es": ("por confirmar", "Fecha por confirmar"),
    }
    alternates = dict(
        re.findall(
            r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)"', english.content.decode()
        )
    )
    for language, (short, long) in pending.items():
        response = client.get(alternates[language])
        content = response.content.decode()
        assert 'class="notice"' in content  # "This event is over."
        assert short not in content and long not in content, language
        assert json_ld(response)["eventStatus"] == "https://schema.org/EventScheduled"
        [item] = ics(client, alternates[language] + "ical/").walk("VEVENT")
        assert item["STATUS"] == "CONFIRMED"
        assert long not in str(item["SUMMARY"])
        past = client.get(agenda(language).url).content.decode()
        assert long not in past, language


def test_what_an_editor_typed_is_escaped_in_ics(client):
    title = "Budgets, votes; and you"
    summary = "Bring ID; doors open at 9, close at 10.\nSecond line\\end"
    event = EventPageFactory(
        parent=agenda(), title=title, summary=summary, venue="Hall A; floor 2", city="Porto"
    )
    response = client.get(event.url + "ical/")
    unfolded = response.content.decode().replace("\r\n ", "")
    assert "SUMMARY:Budgets\\, votes\\; and you" in unfolded
    assert "LOCATION:Hall A\\; floor 2\\, Porto" in unfolded
    [item] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(item["SUMMARY"]) == title
    assert str(item["DESCRIPTION"]).startswith(summary)


def test_hidden_events_never_reach_the_agenda_feeds_or_ics(client):
    index = agenda()
    shown = EventPageFactory(parent=index, title="Open assembly")
    unpublished = EventPageFactory(parent=index, title="Withdrawn assembly")
    unpublished.unpublish()
    draft = EventPageFactory(parent=index, title="Draft assembly", live=False)
    draft.save_revision()
    private = EventPageFactory(parent=index, title="Members assembly")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # A live event's unpublished changes stay unpublished.
    shown.title = "Renamed in a draft"
    shown.save_revision()
    listing = client.get(index.url).content.decode()
    feed = client.get(index.url + "ical/").content.decode()
    topic = client.get(index.url + "ical/?type=conference").content.decode()
    for text in (listing, feed, topic):
        assert "Open assembly" in text
        for hidden in ("Withdrawn", "Draft assembly", "Members assembly", "Renamed in a draft"):
            assert hidden not in text
    assert client.get(f"{index.url}{draft.slug}/ical/").status_code == 404
    assert client.get(f"{index.url}{unpublished.slug}/ical/").status_code == 404
    # The private event's calendar file asks for a login, like its page.
    assert client.get(private.url + "ical/").status_code == 302


def test_the_feeds_are_in_the_language_of_the_agenda_and_narrow_by_topic(client):
    feed = ics(client, "/fr/agenda/ical/")
    assert str(feed["X-WR-CALNAME"]) == "Agenda"
    assert feed["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=12)
    titles = {str(item["SUMMARY"]) for item in feed.walk("VEVENT")}
    assert "Atelier sur le tirage au sort et la diversité" in titles
    assert "Workshop on sortition and diversity" not in titles
    by_topic = ics(client, "/es/agenda/ical/?topic=sortition")
    assert [str(item["SUMMARY"]) for item in by_topic.walk("VEVENT")] == [
        "Taller sobre sorteo y diversidad"
    ]
    assert str(by_topic["X-WR-CALNAME"]) == "Agenda: Sorteo y diversidad"
    # Punctuated as the language writes it (French puts a space before the colon).
    by_topic = ics(client, "/fr/agenda/ical/?topic=sortition")
    assert str(by_topic["X-WR-CALNAME"]) == "Agenda : Tirage au sort et diversité"
    # An unknown value is ignored, as on the agenda page: the calendar is still a calendar,
    # and says what it ignored in its description.
    unknown = ics(client, "/en/agenda/ical/?topic=astrology")
    assert {str(item["SUMMARY"]) for item in unknown.walk("VEVENT")} == {
        str(item["SUMMARY"]) for item in ics(client, "/en/agenda/ical/").walk("VEVENT")
    }
    assert "Unknown topic “astrology” was ignored." in str(unknown["X-WR-CALDESC"])
    mixed = ics(client, "/es/agenda/ical/?topic=astrology&topic=sortition")
    assert [str(item["SUMMARY"]) for item in mixed.walk("VEVENT")] == [
        "Taller sobre sorteo y diversidad"
    ]


def calendar_link(response):
    [href] = re.findall(
        r'<link rel="alternate" type="text/calendar"[^>]* href="([^"]+)"', response.content.decode()
    )
    return unescape(href)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_calendar_a_visitor_finds_survives_a_round_trip(client, language):
    """Each calendar linked from the pages (the agenda, the agenda narrowed by each option its
    filters offer, each event's file) reads back the same after icalendar writes it again
    (`ics` checks that), and the events agree from one calendar to the other."""
    listing = client.get(agenda(language).url)
    whole = event_facts(ics(client, calendar_link(listing)))
    assert whole, "the agenda's calendar is empty"
    selects = re.findall(r'<select id="filter-\w+" name="(\w+)">(.*?)</select>', listing.text, re.S)
    assert {name for name, _options in selects} == {"topic", "type", "country"}
    narrowed = 0
    for name, options in selects:
        for value in filter(None, re.findall(r'<option value="([^"]*)"', options)):
            page = client.get(agenda(language).url, {name: value})
            events = event_facts(ics(client, calendar_link(page)))
            assert all(whole.get(uid) == facts for uid, facts in events.items()), value
            narrowed += len(events) < len(whole)
    assert narrowed, "no filter narrows the calendar"
    for event in public(EventPage.objects.live().filter(locale__language_code=language)):
        page = client.get(event.url)
        [(uid, facts)] = event_facts(ics(client, calendar_link(page))).items()
        assert facts["url"] == f"http://testserver{event.url}"
        assert facts["summary"].startswith(event.title)
        if uid in whole:
            assert whole[uid] == facts, event.url


def test_pages_link_to_their_calendars(client):
    listing = client.get("/en/agenda/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in listing
    assert 'href="/en/agenda/ical/"' in listing
    event = client.get("/en/agenda/sortition-workshop/").content.decode()
    assert 'type="text/calendar"' in event
    assert 'href="/en/agenda/sortition-workshop/ical/" download' in event
    filtered = client.get("/en/agenda/?topic=sortition").content.decode()
    assert 'href="/en/agenda/ical/?topic=sortition"' in filtered


# --- The event page -----------------------------------------------------------------------


def test_json_ld_describes_a_hybrid_event(client):
    event = EventPageFactory(
        parent=agenda(),
        time_zone="America/Sao_Paulo",
        start=datetime.datetime(2030, 5, 10, 19, 0, tzinfo=ZoneInfo("America/Sao_Paulo")),
        end=None,
        attendance_mode="hybrid",
        venue="Câmara Municipal",
        city="São Paulo",
        country=country("BR"),
        online_url="https://example.org/live",
        status="postponed",
    )
    data = json_ld(client.get(event.url))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-05-10T19:00:00-03:00"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "São Paulo",
        "addressCountry": "BR",
    }
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert data["inLanguage"] == "en"
    assert data["url"] == f"http://testserver{event.url}"
    assert data["organizer"][0]["alternateName"] == "IOPD"


def test_the_demo_conference_shows_its_programme_organisers_and_zone(client):
    content = client.get("/es/agenda/conferencia-2021/").content.decode()
    assert "Plenaria de apertura" in content
    assert "Ganadores del 15.º Premio OIDP" in content
    assert "Ciudades y Gobiernos Locales Unidos" in content
    assert '<span class="tz" title="Africa/Abidjan">(GMT)</span>' in content
    assert "Cocody, Abiyán" in content
    data = json_ld(client.get("/es/agenda/conferencia-2021/"))
    assert data["startDate"] == "2021-08-24T09:00:00+00:00"
    assert [item["name"] for item in data["organizer"]] == [
        "Alcaldía de Cocody",
        "Observatorio Internacional de la Democracia Participativa",
    ]


def test_registration_closes_after_its_deadline(client):
    index = agenda()
    today = datetime.date.today()
    for deadline, expected, absent in [
        (today + datetime.timedelta(days=30), ">Register</a>", "Registration closed"),
        (today - datetime.timedelta(days=1), "Registration closed on", ">Register</a>"),
    ]:
        event = EventPageFactory(
            parent=index, registration_url="https://example.org/r", registration_deadline=deadline
        )
        content = client.get(event.url).content.decode()
        assert expected in content and absent not in content
        assert "This event is over." not in content
    over = client.get("/en/agenda/conference-2021/").content.decode()
    assert "This event is over." in over and ">Register</a>" not in over


def test_related_pages_show_only_public_ones_in_the_visitors_language(client):
    from publications.models.events import EventRelatedExperience
    from repository.models import ExperiencePage

    event = EventPage.objects.get(slug="sortition-workshop", locale__language_code="en")
    public_case = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    private_case = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    EventRelatedExperience.objects.create(page=event, experience=public_case)
    EventRelatedExperience.objects.create(page=event, experience=private_case)
    for page in private_case.get_translations(inclusive=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    en = client.get(event.url).content.decode()
    assert escape(public_case.title) in en and escape(private_case.title) not in en
    # A translation keeps the source's links (they are synchronised) and shows them in French.
    french_event = event.get_translation(agenda("fr").locale)
    EventRelatedExperience.objects.create(page=french_event, experience=public_case)
    EventRelatedExperience.objects.create(page=french_event, experience=private_case)
    fr = client.get(french_event.url).content.decode()
    assert escape(public_case.get_translation(french_event.locale).title) in fr
    assert escape(public_case.title) not in fr and escape(private_case.title) not in fr


def test_the_event_page_and_agenda_stay_within_a_query_budget(
    client, django_assert_max_num_queries
):
    client.get("/en/agenda/conference-2021/")  # warm the site cache
    with django_assert_max_num_queries(16):
        response = client.get("/en/agenda/conference-2021/")
    assert "Opening plenary" in response.content.decode()
    client.get("/en/agenda/")
    with django_assert_max_num_queries(17):
        response = client.get("/en/agenda/?topic=climate&type=conference")
    assert "20th conference of the observatory" in response.content.decode()


def test_the_api_offers_public_facts_only(client):
    event = EventPage.objects.get(slug="conferencia-2021", locale__language_code="es")
    data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert data["status"] == "tbc"
    assert data["start"] == "2021-08-24T09:00:00Z"
    assert data["time_zone"] == "Africa/Abidjan"
    assert data["attendance_mode"] == "hybrid"
    assert data["country"]["code"] == "CI"
    assert {"slug": "climate", "name": "Participación y cambio climático"} in data["topics"]
    session = data["programme"][0]["value"]
    assert (session["day"], session["start"], session["title"]) == (
        "2021-08-24",
        "09:30:00",
        "Plenaria de apertura",
    )
    assert not {"related_experiences", "related_pages"} & set(data)


# --- The agenda ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "past_heading"),
    [
        ("en", "March 2030", "August 2021"),
        ("fr", "Mars 2030", "Août 2021"),
        ("es", "Marzo de 2030", "Agosto de 2021"),
    ],
)
def test_the_agenda_groups_events_by_month_in_each_language(
    client, language, heading, past_heading
):
    response = client.get(f"/{language}/agenda/")
    content = response.content.decode()
    assert f'<h3 class="month">{heading}</h3>' in content
    assert f'<h3 class="month">{past_heading}</h3>' in content
    assert "X-Robots-Tag" not in response


def test_the_agenda_filters_by_topic_type_and_country(client, subtests):
    index = agenda()
    cases = {
        "topic=sortition": ["Workshop on sortition and diversity"],
        # A broader topic includes its narrower ones.
        "topic=youth": ["Youth budget day"],
        "type=meeting": ["Executive Bureau of UCLG", "World Council of UCLG"],
        "country=pt": ["Iberian get-together on democracy and participatory budgeting"],
        "country=CI&type=conference": ["20th conference of the observatory"],
    }
    youth = Topic.objects.get(slug="youth-participatory-budgeting", locale=index.locale)
    event = EventPageFactory(parent=index, title="Youth budget day")
    event.topics.set([youth])
    publish(event)
    all_titles = set(EventPage.objects.child_of(index).values_list("title", flat=True))
    for query, expected in cases.items():
        with subtests.test(query=query):
            response = client.get(f"{index.url}?{query}")
            content = response.content.decode()
            assert response["X-Robots-Tag"] == "noindex"
            shown = sorted(title for title in all_titles if f">{title}</a>" in content)
            assert shown == sorted(expected)


def test_unknown_filter_values_give_a_note_not_an_error(client):
    response = client.get("/fr/agenda/?topic=astrologie&type=party&country=ZZ&country=<b>")
    assert response.status_code == 200
    content = response.content.decode()
    assert "astrologie" in content and "party" in content and "ZZ" in content
    assert "<b>" not in content.split('class="notice"')[1]
    assert response["X-Robots-Tag"] == "noindex"
    assert "Atelier sur le tirage au sort et la diversité" in content


def test_past_events_are_paginated(client):
    index = agenda()
    for day in range(1, 13):
        start = datetime.datetime(2020, 1, day, 10, tzinfo=UTC)
        EventPageFactory(parent=index, title=f"Old meeting {day}", start=start, end=None)
    # Nine past demo events and twelve more, ten a page, newest first.
    first = client.get(index.url).content.decode()
    last = client.get(index.url + "?page=3").content.decode()
    assert "Page 1 of 3" in first and "Page 3 of 3" in last
    assert ">Old meeting 12</a>" in first and ">Old meeting 1</a>" in last
    assert ">Old meeting 1</a>" not in first
    # Upcoming events head every page.
    assert "Workshop on sortition and diversity" in last
    assert client.get(index.url + "?page=abc").status_code == 200


# --- Editing ------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "a-passphrase")
    client.force_login(user)
    return client


def session(day="", start="10:00", end="11:00", title="Opening"):
    return (
        "session",
        {
            "day": day,
            "start": start,
            "end": end,
            "title": title,
            "speakers": streamfield([]),
            "room": "",
        },
    )


def form(**overrides):
    data = {
        "title": "Seminar on citizens' juries",
        "slug": "citizens-juries-seminar",
        "event_type": "seminar",
        "status": "scheduled",
        "time_zone": "America/Sao_Paulo",
        "start": "2030-07-01 10:00",
        "end": "2030-07-01 17:00",
        "attendance_mode": "in_person",
        "venue": "",
        "street_address": "",
        "city": "São Paulo",
        "country": "",
        "online_url": "",
        "registration_url": "",
        "registration_deadline": "",
        "summary": "Juries drawn by lot, from Porto Alegre to Paris.",
        "programme": streamfield([session()]),
        "body": streamfield([]),
        "organisers": streamfield([]),
        "related_experiences": inline_formset([]),
        "related_pages": inline_formset([]),
        "hosts": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
    }
    data.update(overrides)
    return {**nested_form_data(data), "topics": []}


def add(editor_client, data):
    url = f"/admin/pages/add/publications/eventpage/{agenda().pk}/"
    return editor_client.post(url, {**data, "action-publish": "publish"})


def test_an_editor_types_times_in_the_events_zone(editor_client):
    response = add(editor_client, form())
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="citizens-juries-seminar")
    assert event.start == datetime.datetime(2030, 7, 1, 13, 0, tzinfo=UTC)
    assert event.live
    edit = editor_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2030-07-01 10:00"' in edit


def test_the_admin_form_explains_bad_input_and_keeps_it(editor_client, subtests):
    cases = {
        "end before start": (
            {"end": "2030-06-30 17:00"},
            "An event cannot end before it starts.",
        ),
        "deadline after start": (
            {"registration_deadline": "2030-07-02", "registration_url": "https://example.org"},
            "The registration deadline (July 2, 2030) is after the event starts (July 1, 2030)",
        ),
        "invalid time zone": (
            {"time_zone": "Europe/Barcelona"},
            "“Europe/Barcelona” is not a time zone of the IANA database",
        ),
        "session outside the event": (
            {"programme": streamfield([session(day="2030-07-02")])},
            "This session (July 2, 2030, 10 a.m.) falls outside the event",
        ),
        "session ending before it starts": (
            {"programme": streamfield([session(start="12:00", end="11:00")])},
            "A session must end after it starts.",
        ),
        "online without a link": (
            {"attendance_mode": "online"},
            "An online or hybrid event needs the link to join it.",
        ),
        "in person without a place": (
            {"city": ""},
            "An event in person needs a city or a venue.",
        ),
    }
    for name, (overrides, message) in cases.items():
        with subtests.test(case=name):
            response = add(editor_client, form(**overrides))
            assert response.status_code == 200
            content = response.content.decode()
            assert message in content
            # Nothing typed is lost, and nothing is saved.
            assert "Juries drawn by lot, from Porto Alegre to Paris." in content
            assert f'<option value="{form(**overrides)["time_zone"]}" selected>' in content
            assert not EventPage.objects.filter(slug="citizens-juries-seminar").exists()


def test_translators_translate_words_while_facts_follow_the_source(editor_client):
    from wagtail_localize.models import Translation, TranslationSource

    event = EventPage.objects.get(slug="conference-2021", locale__language_code="en")
    event.status = "cancelled"
    event.start -= datetime.timedelta(days=1)
    publish(event)
    source, _created = TranslationSource.update_or_create_from_instance(event)
    french_locale = agenda("fr").locale
    translation_record = Translation.objects.get(source=source, target_locale=french_locale)
    french = event.get_translation(french_locale)
    # The translation editor (wagtail-localize's, on the translated page) opens.
    editor = editor_client.get(f"/admin/pages/{french.pk}/edit/")
    assert editor.status_code == 200
    assert "Opening plenary" in editor.content.decode()  # a segment to translate
    translation_record.save_target(publish=False)
    event.get_translation(french_locale).get_latest_revision().publish()
    french.refresh_from_db()
    assert (french.status, french.start, french.time_zone) == (
        "cancelled",
        event.start,
        "Africa/Abidjan",
    )
    assert french.title == "20e conférence de l'observatoire"
    assert french.programme[0].value["title"] == "Séance plénière d'ouverture"
