"""The search engine node the test command starts is real: documents go in and come back."""

import pytest
from wagtail.models import Page

from publications.factories import NewsPageFactory
from publications.models import NewsIndexPage, NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def fresh_index(backend):
    """An empty page index on the node, with the news mapping in place."""
    index = backend.get_index_for_model(NewsPage)
    index.reset()
    index.add_model(NewsPage)
    return index


def test_a_page_written_to_the_engine_is_found_again(engine_backend):
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    page = NewsPageFactory(
        parent=news_index,
        title="Sortition in Gdańsk",
        summary="Citizens drawn by lot recommended flood-protection measures.",
    )
    index = fresh_index(engine_backend)
    engine_backend.add(page)
    index.refresh()

    found = list(engine_backend.search("flood protection", NewsPage))
    assert [result.pk for result in found] == [page.pk]
    # Autocomplete runs on edge n-grams, which the node's analysis-common module provides.
    assert [r.pk for r in engine_backend.autocomplete("sortit", NewsPage)] == [page.pk]
    assert list(engine_backend.search("unrelated volcano", NewsPage)) == []


def test_engine_search_respects_filters_on_live_pages(engine_backend):
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    live = NewsPageFactory(parent=news_index, title="Youth budget vote opens")
    draft = NewsPageFactory(parent=news_index, title="Youth budget draft results", live=False)
    index = fresh_index(engine_backend)
    engine_backend.add_bulk(NewsPage, [live, draft])
    index.refresh()

    everything = {r.pk for r in engine_backend.search("youth budget", NewsPage)}
    assert everything == {live.pk, draft.pk}
    published = {r.pk for r in engine_backend.search("youth budget", Page.objects.live())}
    assert published == {live.pk}
