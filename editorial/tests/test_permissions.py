"""Rights per section (news, agenda, pages, experiences) and on terms; the full role by action
matrix over every admin view is test_rights_matrix.py."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from home.models import HomePage, StandardPage
from publications.models import EventPage, NewsPage
from repository.models import ExperiencePage
from taxonomy.models import Topic
from tests.fixtures import editorial_roles

pytestmark = pytest.mark.django_db

ROLES = editorial_roles()
SECTIONS = {
    "repository": ExperiencePage,
    "news": NewsPage,
    "agenda": EventPage,
    "pages": StandardPage,
}


@pytest.fixture
def people():
    users = {}
    for role, groups in ROLES.items():
        user = get_user_model().objects.create_user(role, f"{role}@example.org", "pw")
        user.groups.set(Group.objects.filter(name__in=groups))
        users[role] = user
    return users


def page_in(model, language):
    return model.objects.filter(locale__language_code=language).first()


def status(client, user, url, method="get"):
    """ "allowed", or "refused": a 403, or Wagtail's redirect to the dashboard with a message."""
    client.force_login(user)
    response = getattr(client, method)(url)
    if response.status_code == 200:
        return "allowed"
    if response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ):
        return "refused"
    return f"unexpected {response.status_code} {response.get('Location', '')}"


def allowed(outcome):
    assert outcome in {"allowed", "refused"}, outcome
    return outcome == "allowed"


EXPECTED = {
    # action: roles allowed
    "create": {"officer", "coordinator"},
    "edit": {"officer", "coordinator"},
    "publish": {"coordinator"},
    "unpublish": {"coordinator"},
    "translate_fr": {"coordinator", "translator_fr"},
    "translate_es": {"coordinator", "translator_es"},
    "stop_sync": {"coordinator"},
    "manage_taxonomy": {"coordinator"},
    "translate_term_fr": {"coordinator", "translator_fr"},
    "edit_source_term": {"coordinator"},
    "manage_redirects": {"coordinator"},
}


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_page_actions(client, people, role, section, subtests):
    user = people[role]
    model = SECTIONS[section]
    source = page_in(model, "en")
    parent = source.get_parent()
    label = f"{model._meta.app_label}/{model._meta.model_name}"
    checks = {
        "create": status(client, user, f"/admin/pages/add/{label}/{parent.pk}/"),
        "edit": status(client, user, f"/admin/pages/{source.pk}/edit/"),
        "unpublish": status(client, user, f"/admin/pages/{source.pk}/unpublish/"),
    }
    for action, code in checks.items():
        with subtests.test(action=action):
            assert allowed(code) == (role in EXPECTED[action]), code
    with subtests.test(action="publish"):
        can_publish = source.permissions_for_user(user).can_publish()
        assert can_publish == (role in EXPECTED["publish"])
    for language in ("fr", "es"):
        translation = model.objects.filter(
            translation_key=source.translation_key, locale__language_code=language
        ).first()
        if translation is None:
            continue
        with subtests.test(action=f"translate_{language}"):
            code = status(client, user, f"/admin/pages/{translation.pk}/edit/")
            assert allowed(code) == (role in EXPECTED[f"translate_{language}"]), code
        with subtests.test(action=f"unpublish_{language}"):
            url = f"/admin/pages/{translation.pk}/unpublish/"
            code = status(client, user, url, method="post")
            # Only coordinators take a page offline, translators included in their language.
            assert (code == "refused") == (role != "coordinator"), code


@pytest.mark.parametrize("role", ROLES)
def test_taxonomy_and_sync_actions(client, people, role, subtests):
    from wagtail_localize.models import Translation

    user = people[role]
    english = Topic.objects.get(slug="climate", locale__language_code="en")
    french = Topic.objects.get(slug="climate", locale__language_code="fr")
    checks = {
        "manage_taxonomy": "/admin/snippets/taxonomy/topic/add/",
        "edit_source_term": f"/admin/snippets/taxonomy/topic/edit/{english.pk}/",
        "translate_term_fr": f"/admin/snippets/taxonomy/topic/edit/{french.pk}/",
        "manage_redirects": "/admin/redirects/add/",
    }
    for action, url in checks.items():
        with subtests.test(action=action):
            code = status(client, user, url)
            assert allowed(code) == (role in EXPECTED[action]), code
    translation = Translation.objects.filter(target_locale__language_code="fr").first()
    if translation is not None:
        with subtests.test(action="stop_sync"):
            client.force_login(user)
            url = f"/admin/localize/translate/{translation.pk}/disable/"
            code = client.post(url).status_code
            # Refused with a 403 by our guard; anyone else is let through to wagtail-localize.
            assert (code != 403) == (role in EXPECTED["stop_sync"]), code


def test_officers_cannot_touch_other_languages(client, people):
    french_home = HomePage.objects.get(locale__language_code="fr")
    assert status(client, people["officer"], f"/admin/pages/{french_home.pk}/edit/") == "refused"
    assert Page.objects.filter(depth=2).count() == 3
