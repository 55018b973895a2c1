"""The translation dashboard: every page's state in every language, with counts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import COORDINATORS, translators_group
from editorial.translation_status import translation_status
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from tests.fixtures import sign_in

from .test_translation_review import form_action

pytestmark = pytest.mark.django_db


def test_states_are_counted_per_language():
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    fresh = ExperiencePageFactory(parent=index, title="Only in English")
    translated = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = ExperiencePage.objects.get(
        translation_key=translated.translation_key, locale__language_code="fr"
    )
    # A French translator submits her work for review from the translation editor.
    translator = sign_in("t", translators_group("fr"))
    content = translator.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    translator.post(form_action(content, "Submit the French translation for review"))
    translated.save_revision().publish()  # the source moves on after its Spanish translation

    rows, counts, _sections = translation_status()
    states = {
        row.page_id: {code: state for code, (state, _pk) in row.states.items()} for row in rows
    }
    assert states[fresh.pk] == {"fr": "missing", "es": "missing"}
    assert states[translated.pk] == {"fr": "awaiting_review", "es": "out_of_date"}
    assert counts["fr"]["missing"] >= 1 and counts["es"]["out_of_date"] >= 1

    only_missing, _counts, _sections = translation_status(language="fr", state="missing")
    assert fresh.pk in [row.page_id for row in only_missing]
    assert translated.pk not in [row.page_id for row in only_missing]


def test_the_report_is_in_the_admin_for_editors(client):
    user = get_user_model().objects.create_user("c", "c@example.org", "pw")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(user)
    response = client.get("/admin/reports/translations/", {"language": "fr", "state": "missing"})
    assert response.status_code == 200
    assert "Awaiting review" in response.content.decode()


def test_the_dashboard_lists_the_least_complete_experiences(client):
    from editorial.completeness import low_completeness

    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    sparse = ExperiencePageFactory(parent=index, title="A case with almost nothing")
    found = {page.pk: (score, missing) for page, score, missing in low_completeness()}
    score, missing = found[sparse.pk]
    assert score < 50 and "country" in [str(label) for label in missing]
    scores = [score for _page, score, _missing in low_completeness()]
    assert scores == sorted(scores)  # least complete first

    user = get_user_model().objects.create_user("c2", "c2@example.org", "pw")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(user)
    content = client.get("/admin/reports/translations/").content.decode()
    assert "Experiences less than 50% complete" in content
    assert "A case with almost nothing" in content


def test_titles_of_drafts_and_private_pages_are_shown_only_to_those_who_may_edit_them(
    django_capture_on_commit_callbacks,
):
    from django.test import Client

    from editorial.roles import JURY, OFFICERS

    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    draft = ExperiencePageFactory(parent=index, title="Zanzibar draft case", live=False)
    private = ExperiencePageFactory(parent=index, title="Zanzibar private case")
    public_title = ExperiencePage.objects.get(slug="youth-participatory-budget").title
    clients = {}
    for role, group in (
        ("coordinator", COORDINATORS),
        ("officer", OFFICERS),
        ("translator", translators_group("fr")),
        ("jury", JURY),
    ):
        user = get_user_model().objects.create_user(role, f"{role}@example.org", "pw-1234567")
        user.groups.add(Group.objects.get(name=group))
        clients[role] = Client()
        clients[role].post("/admin/login/", {"username": role, "password": "pw-1234567"})
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator"].post(
            f"/admin/pages/{private.pk}/privacy/", {"restriction_type": "login"}
        )

    def report(role):
        return clients[role].get("/admin/reports/translations/")

    for role in ("coordinator", "officer"):  # they may edit both pages
        content = report(role).content.decode()
        assert draft.title in content and private.title in content, role
    content = report("translator").content.decode()
    assert public_title in content
    assert draft.title not in content and private.title not in content
    assert report("jury").status_code in (302, 403)
    dashboard = clients["jury"].get("/admin/").content.decode()
    assert "/admin/reports/translations/" not in dashboard
