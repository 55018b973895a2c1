"""The outbox: every change that alters what visitors may find reaches the documents."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.models import HomePage
from repository.models import ExperiencePage
from search.indexing import deliver
from search.models import DocumentFacet, IndexChange, IndexedDocument
from taxonomy.models import Topic

from .helpers import new_experience, publish

pytestmark = pytest.mark.django_db


def document(page):
    return IndexedDocument.objects.filter(pk=page.pk).first()


def test_publishing_writes_the_document_and_its_facets():
    page = new_experience(title="Lantern street assembly", start_year=2019)
    doc = document(page)
    assert doc.data["title"] == "Lantern street assembly"
    assert doc.year == 2019 and doc.language == "en"
    assert " lantern street assembly" in doc.text
    assert DocumentFacet.objects.filter(document=doc, facet="type", value="experience").exists()
    assert not IndexChange.objects.exists()


def test_a_draft_never_becomes_a_document():
    page = new_experience(title="Published version")
    page.title = "Unpublished wording"
    page.save_revision()  # a draft only
    deliver()
    assert document(page).data["title"] == "Published version"


def test_unpublishing_and_deleting_remove_the_document():
    kept = new_experience(title="Stays")
    gone = new_experience(title="Goes")
    deleted = new_experience(title="Deleted")
    gone.unpublish()
    deleted_pk = deleted.pk
    deleted.delete()
    deliver()
    assert document(kept) is not None
    assert document(gone) is None
    assert not IndexedDocument.objects.filter(pk=deleted_pk).exists()


def test_a_privacy_change_removes_and_restores_a_whole_subtree():
    home = HomePage.objects.get(locale__language_code="en")
    section = publish(StandardPageFactory(parent=home, title="Members' corner"))
    page = new_experience(title="Sensitive case")
    page.move(section, pos="last-child")
    deliver()
    assert document(ExperiencePage.objects.get(pk=page.pk)) is not None

    restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    deliver()
    assert document(page) is None

    restriction.delete()
    deliver()
    assert document(page) is not None


def test_renaming_a_topic_makes_cases_findable_by_the_new_name():
    topic = Topic.objects.get(slug="climate", locale__language_code="en")
    page = new_experience(title="Heat plan")
    page.topics = [topic]
    publish(page)
    deliver()
    topic.name = "Climate emergency response"
    topic.save()
    deliver()
    assert " climate emergency response" in document(page).text


def test_translations_list_each_other_among_their_languages():
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    assert set(document(page).data["available"]) == {"en", "fr", "es"}
    french = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )
    french.unpublish()
    deliver()
    assert set(document(page).data["available"]) == {"en", "es"}
    assert document(french) is None


def test_a_private_translation_leaves_the_other_languages_available_list():
    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    spanish = ExperiencePage.objects.get(
        translation_key=page.translation_key, locale__language_code="es"
    )
    PageViewRestriction.objects.create(page=spanish, restriction_type="login")
    deliver()
    assert set(document(page).data["available"]) == {"en", "fr"}
