import pytest
from wagtail.models import PageViewRestriction

from core.blocks import LinkBlock
from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def render(page):
    block = LinkBlock()
    return block.render(block.to_python({"page": page.pk, "url": "", "text": ""}))


def test_a_link_to_a_private_or_unpublished_page_shows_nothing():
    home = HomePage.objects.get(locale__language_code="en")
    public = StandardPageFactory(parent=home, title="Open minutes")
    private = StandardPageFactory(parent=home, title="Secret board minutes")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft = StandardPageFactory(parent=home, title="Unfinished draft", live=False)
    assert "Open minutes" in render(public)
    assert render(private).strip() == ""
    assert render(draft).strip() == ""
