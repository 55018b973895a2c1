import pytest
from wagtail.models import Page, PageViewRestriction

from core.privacy import is_public, public
from home.factories import StandardPageFactory
from home.models import HomePage
from repository.models import ExperiencePage
from search.indexing import deliver

pytestmark = pytest.mark.django_db


def visible_titles():
    return set(public(Page.objects.live()).values_list("title", flat=True))


def test_the_cached_privacy_answer_follows_every_restriction_change():
    home = HomePage.objects.get(locale__language_code="en")
    board = StandardPageFactory(parent=home, title="Board room")
    minutes = StandardPageFactory(parent=home, title="Minutes")
    assert {"Board room", "Minutes"} <= visible_titles()  # the answer is now cached

    restriction = PageViewRestriction.objects.create(
        page=board, restriction_type="password", password="x"
    )
    assert "Board room" not in visible_titles()
    assert not is_public(board)

    minutes.move(board, pos="last-child")
    assert "Minutes" not in visible_titles()

    restriction.delete()
    assert {"Board room", "Minutes"} <= visible_titles()
    assert is_public(Page.objects.get(pk=minutes.pk))


def test_a_related_experience_made_private_leaves_the_page_at_once(client):
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    related = Page.objects.get(pk=page.related_experiences()[0].page_id)
    assert related.title in client.get(page.url).content.decode()

    PageViewRestriction.objects.create(page=related, restriction_type="login")
    # Even before the change is delivered to the documents (after the commit).
    assert related.title not in client.get(page.url).content.decode()
    deliver()
    assert related.title not in client.get(page.url).content.decode()
