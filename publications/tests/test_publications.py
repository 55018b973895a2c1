import datetime

import pytest
from django.core.exceptions import ValidationError

from publications.factories import EventPageFactory
from publications.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)


def test_an_event_cannot_end_before_it_starts():
    event = EventPage(
        title="Backwards", slug="backwards", summary="x", start=NOW, end=NOW - datetime.timedelta(1)
    )
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "cannot end before it starts" in raised.value.message_dict["end"][0]


def test_upcoming_and_past_events_are_split_and_ordered():
    agenda = EventIndexPage.objects.get(locale__language_code="en")
    soon = EventPageFactory(parent=agenda, start=NOW + datetime.timedelta(days=2), end=None)
    later = EventPageFactory(parent=agenda, start=NOW + datetime.timedelta(days=30), end=None)
    running = EventPageFactory(
        parent=agenda, start=NOW - datetime.timedelta(days=1), end=NOW + datetime.timedelta(1)
    )
    finished = EventPageFactory(
        parent=agenda, start=NOW - datetime.timedelta(days=9), end=NOW - datetime.timedelta(8)
    )
    events = EventPage.objects.child_of(agenda)
    upcoming = list(events.upcoming(now=NOW))
    assert upcoming.index(running) < upcoming.index(soon) < upcoming.index(later)
    assert finished not in upcoming
    assert finished in list(events.past(now=NOW))


def test_home_page_lists_next_events_and_latest_news_in_its_language(client):
    response = client.get("/es/")
    content = response.content.decode()
    assert "Taller sobre sorteo y diversidad" in content  # the one upcoming demo event
    assert "Convocatoria de candidaturas al Premio de Buenas Prácticas 2027" in content
    assert "Workshop on sortition" not in content


def test_news_and_experiences_share_one_keyword_list(client):
    from taggit.models import Tag

    from publications.models import NewsPage
    from repository.models import ExperiencePage

    news = NewsPage.objects.get(slug="climate-change-and-participation")
    news.keywords.add("citizens jury")
    news.save_revision().publish()
    experience = ExperiencePage.objects.get(slug="east-belgium-citizens-dialogue")
    experience.keywords.add("citizens jury")
    experience.save_revision().publish()
    assert Tag.objects.filter(name="citizens jury").count() == 1
    assert "citizens jury" in client.get(news.url).content.decode()
