"""Collection pages: an editor's saved search, listed live, with its own feed."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from home.models import HomePage
from search.indexing import deliver
from search.models import CollectionPage
from taxonomy.models import Topic

from .helpers import new_experience, publish

pytestmark = pytest.mark.django_db


def make_collection(**fields):
    home = HomePage.objects.get(locale__language_code="en")
    page = CollectionPage(title="Climate cases", slug="climate-cases", **fields)
    home.add_child(instance=page)
    page.topics = list(Topic.objects.filter(slug="climate", locale=home.locale))
    return publish(page)


def test_a_collection_lists_what_matches_today_and_not_what_is_hidden(client):
    collection = make_collection(introduction="Everything on climate.")
    before = client.get(collection.url).content.decode()
    assert "Everything on climate." in before

    climate = Topic.objects.get(slug="climate", locale__language_code="en")
    fresh = new_experience(title="Heat-wave citizens' panel")
    fresh.topics = [climate]
    publish(fresh)
    hidden = new_experience(title="Closed climate roundtable")
    hidden.topics = [climate]
    publish(hidden)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    deliver()

    after = client.get(collection.url).content.decode()
    assert "Heat-wave citizens&#x27; panel" in after
    assert "Closed climate roundtable" not in after
    assert "/en/search/?topic=climate" in after  # refine the same search


def test_a_collection_has_an_rss_feed(client):
    collection = make_collection(content_types=["experience"])
    case = new_experience(title="Flood committee")
    case.topics = list(Topic.objects.filter(slug="climate", locale=case.locale))
    publish(case)
    deliver()
    response = client.get(collection.url + "feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Climate cases")
    items = channel.findall("item")
    assert items and all("/experiences/" in item.findtext("link") for item in items)


def test_a_collection_refuses_a_reversed_year_range():
    with pytest.raises(ValidationError):
        CollectionPage(title="x", slug="x", year_from=2020, year_to=2010).full_clean()
