"""The search engine node the test command starts is real: documents go in and come back."""

import pytest
from wagtail.models import Page

from publications.factories import NewsPageFactory
from publications.models import NewsIndexPage, NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def test_a_page_written_to_the_engine_is_found_again(engine_backend):
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    page = NewsPageFactory(
        parent=news_index,
        title="Sortition in Gdańsk",
        summary="Citizens drawn by lot recommended flood-protection measures.",
    )
    engine_backend.reset_index()
    engine_backend.add_type(NewsPage)
    engine_backend.add(page)
    engine_backend.refresh_index()

    found = list(engine_backend.search("flood protection", NewsPage))
    assert [result.pk for result in found] == [page.pk]
    # The English analyzer stems words: "recommend" finds "recommended".
    assert [r.pk for r in engine_backend.search("recommend", NewsPage)] == [page.pk]
    assert list(engine_backend.search("unrelated volcano", NewsPage)) == []


def test_engine_search_respects_filters_on_live_pages(engine_backend):
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    live = NewsPageFactory(parent=news_index, title="Youth budget vote opens")
    draft = NewsPageFactory(parent=news_index, title="Youth budget draft results", live=False)
    engine_backend.reset_index()
    engine_backend.add_type(NewsPage)
    engine_backend.add_bulk(NewsPage, [live, draft])
    engine_backend.refresh_index()

    everything = {r.pk for r in engine_backend.search("youth budget", NewsPage)}
    assert everything == {live.pk, draft.pk}
    published = {r.pk for r in engine_backend.search("youth budget", Page.objects.live())}
    assert published == {live.pk}
