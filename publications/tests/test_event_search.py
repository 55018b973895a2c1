"""Events in the site search: the facets a visitor narrows results with."""

import datetime

import pytest
from django.utils import translation

from publications.factories import EventPageFactory
from publications.models import EventIndexPage
from taxonomy.factories import country
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


def test_events_carry_topic_country_and_region_facets():
    from search.documents import DocumentBuilder

    index = EventIndexPage.objects.get(locale__language_code="en")
    youth = Topic.objects.get(slug="youth-participatory-budgeting", locale=index.locale)
    event = EventPageFactory(
        parent=index,
        country=country("BR"),
        time_zone="America/Sao_Paulo",
        start=datetime.datetime(2030, 1, 1, 1, 0, tzinfo=datetime.UTC),  # still 31 December locally
    )
    event.topics.set([youth])
    event.save_revision().publish()
    builder = DocumentBuilder()
    [page] = builder.pages([event.pk])
    with translation.override("en"):
        doc = builder.build_many([page])[event.pk]
    assert doc["topic"] == ["youth", "youth-participatory-budgeting"]
    assert doc["country"] == ["BR"]
    assert doc["region"] == ["latin_america"]
    assert doc["date"] == "2029-12-31"
    assert "Participatory budgeting for youth" in doc["extra"]
