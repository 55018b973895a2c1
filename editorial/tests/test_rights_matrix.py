"""Every role by every admin action, over HTTP with GET and POST, one subtest per cell.

Each role signs in through the login form. A cell is *allowed* when the admin answers with
its page or does the action, *refused* when it answers with the admin's refusal page and its
reason (403) or, for visitors, sends them to the login form. What a POST changes is
checked as well where a refusal could hide a change (publish, delete, unpublish)."""

import html
import re
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from award.models import AwardEditionPage, Candidacy, Stage
from editorial.roles import COORDINATORS, JURY, OFFICERS, translators_group
from legal.models import LegalFramework
from network.models import MemberOrganisation
from repository.criteria import Definition
from repository.models import ExperiencePage
from submissions.models import Submission
from taxonomy.models import Topic
from tests.fixtures import admin_form_fields, editorial_roles, sign_in, submit_for_review

from .test_translation_review import form_action

pytestmark = pytest.mark.django_db

ROLES = {
    **editorial_roles(),
    # Two roles at once: an officer who also translates into French.
    "officer_translator_fr": [OFFICERS, translators_group("fr")],
    "anonymous": None,
    "superuser": [],  # may do everything: proves that every address below is a real one
}
EVERY_EDITOR = {"officer", "coordinator", "translator_fr", "translator_es"}


# A person holding two roles may do what either role may do, each on that role's pages.
PARTS = {"officer_translator_fr": {"officer", "translator_fr"}}


def holds(role, allowed):
    return role == "superuser" or bool(PARTS.get(role, {role}) & set(allowed))


def who_edits(language):
    return {"en": {"officer", "coordinator"}}.get(
        language, {"coordinator", f"translator_{language}"}
    )


def outcome(response):
    # A signed-in person is refused on the admin's refusal page, which says why; Wagtail's own
    # redirect to the dashboard ("Sorry, you do not have permission") is not a refusal that
    # says why.
    if response.status_code == 403:
        return "refused" if refusal_reason(response) else "403 without a reason"
    if response.status_code == 401:
        return "refused"
    if response.status_code == 404:
        return "not found"  # every cell names something that exists
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "refused"
        if location == "/admin/":
            return "sent to the dashboard"
        return "allowed"
    if response.status_code == 200:
        return "allowed"
    return f"unexpected {response.status_code}"


def member_cells(member):
    """The member snippets hold private contacts: coordinators manage them; officers may
    only pick a member in an experience's form (the chooser lists names)."""
    base = "/admin/snippets/network/memberorganisation"
    return [
        ("members", "get", f"{base}/", None, {"coordinator"}),
        ("add member", "get", f"{base}/add/", None, {"coordinator"}),
        ("add member", "post", f"{base}/add/", {}, {"coordinator"}),
        ("member", "get", f"{base}/edit/{member.pk}/", None, {"coordinator"}),
        ("member", "post", f"{base}/edit/{member.pk}/", {}, {"coordinator"}),
        ("member history", "get", f"{base}/history/{member.pk}/", None, {"coordinator"}),
        ("delete member", "get", f"{base}/delete/{member.pk}/", None, {"coordinator"}),
        ("member types", "get", "/admin/snippets/network/membertype/", None, {"coordinator"}),
        ("members report", "get", "/admin/reports/members/", None, {"coordinator"}),
        (
            "member chooser",
            "get",
            "/admin/snippets/choose/network/memberorganisation/",
            None,
            {"officer", "coordinator"},
        ),
    ]


def submission_cells(submission):
    """What visitors proposed, with their private contact: coordinators read and correct it;
    nobody adds one in the admin (they come from the public form)."""
    base = "/admin/snippets/submissions/submission"
    return [
        ("submissions", "get", f"{base}/", None, {"coordinator"}),
        ("submission", "get", f"{base}/edit/{submission.pk}/", None, {"coordinator"}),
        ("add submission", "get", f"{base}/add/", None, set()),
    ]


def award_cells(open_call, finished):
    """The award: a member's contact (of the member whose contact email is theirs) and
    coordinators apply; coordinators check, rank and publish; a juror judges the editions
    whose jury they sit on (the matrix seats the jury and the superuser on the finished one)."""
    submitted = Candidacy.objects.get(edition=open_call, stage=Stage.SUBMITTED)
    winner = Candidacy.objects.get(edition=finished, stage=Stage.WINNER)
    applicants = {"member", "coordinator"}
    return [
        ("apply", "get", "/admin/award/apply/", None, applicants),
        ("apply", "post", "/admin/award/apply/", {}, applicants),
        ("my candidacies", "get", "/admin/award/mine/", None, applicants),
        ("candidacies", "get", "/admin/award/candidacies/", None, {"coordinator"}),
        ("check", "get", f"/admin/award/candidacies/{submitted.pk}/", None, {"coordinator"}),
        ("check", "post", f"/admin/award/candidacies/{submitted.pk}/", {}, {"coordinator"}),
        ("ranking", "get", f"/admin/award/editions/{open_call.pk}/ranking/", None, {"coordinator"}),
        ("move", "post", f"/admin/award/editions/{open_call.pk}/ranking/", {}, {"coordinator"}),
        ("publish", "post", f"/admin/award/editions/{open_call.pk}/publish/", {}, {"coordinator"}),
        ("jury", "get", "/admin/award/jury/", None, {"jury"}),
        ("jury edition", "get", f"/admin/award/jury/{finished.pk}/", None, {"jury"}),
        ("score", "get", f"/admin/award/jury/candidacy/{winner.pk}/", None, {"jury"}),
        ("score", "post", f"/admin/award/jury/candidacy/{winner.pk}/", {}, {"jury"}),
        # Last: a conflict hides the candidacy from the juror who declares it.
        ("conflict", "post", f"/admin/award/jury/candidacy/{winner.pk}/conflict/", {}, {"jury"}),
    ]


def writing_cells(role, pages, translations, form):
    """Saving work, per language: a draft of the English page (Wagtail's editor form, as the
    browser posts it) and a string of each translation (the translation editor's PUT). Each
    writes something that names the role, checked afterwards by `written`."""
    english = pages["en"].pk
    found = [
        (
            "save draft",
            "post",
            f"/admin/pages/{english}/edit/",
            {**form, "summary": [f"Draft by {role}"]},
            who_edits("en"),
        ),
        (
            "translate this page",
            "get",
            f"/admin/localize/submit/page/{english}/",
            None,
            {"coordinator"},
        ),
        (
            "translate this page",
            "post",
            f"/admin/localize/submit/page/{english}/",
            {},
            {"coordinator"},
        ),
    ]
    for language, translation in translations.items():
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        target = pages[language].pk
        found += [
            (
                "write a string",
                "put",
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                {"value": f"Title by {role}"},
                who_edits(language),
            ),
            (
                "machine translate",
                "post",
                f"/admin/localize/translate/{translation.pk}/machine_translate/",
                {"next": f"/admin/pages/{target}/edit/"},
                who_edits(language),
            ),
        ]
    return found


def written(role, pages, translations):
    """What the writing cells left: {language: whether the role's words are there}."""
    draft = Page.objects.get(pk=pages["en"].pk).get_latest_revision().as_object()
    found = {"en": draft.summary == f"Draft by {role}"}
    for language, translation in translations.items():
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        found[language] = StringTranslation.objects.filter(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=f"Title by {role}",
        ).exists()
    return found


def send(client, method, url, data):
    if method == "put":  # the translation editor's script sends a form-encoded PUT
        return client.put(url, urlencode(data), content_type="application/x-www-form-urlencoded")
    return getattr(client, method)(url, data) if data is not None else client.get(url)


def cells(pages, translations, terms):
    """(action, method, url, data, roles allowed)."""
    found = []
    for language, page in pages.items():
        editors = who_edits(language)
        creators = {"officer", "coordinator"} if language == "en" else {"coordinator"}
        pk = page.pk
        parent = page.get_parent().pk
        found += [
            ("edit", "get", f"/admin/pages/{pk}/edit/", None, editors),
            ("history", "get", f"/admin/pages/{pk}/history/", None, editors),
            ("preview", "get", f"/admin/pages/{pk}/edit/preview/", None, editors),
            ("delete", "get", f"/admin/pages/{pk}/delete/", None, {"coordinator"}),
            ("unpublish", "get", f"/admin/pages/{pk}/unpublish/", None, {"coordinator"}),
            ("unpublish", "post", f"/admin/pages/{pk}/unpublish/", {}, {"coordinator"}),
            ("move", "get", f"/admin/pages/{pk}/move/", None, {"coordinator"}),
            # Moved where it is: allowed or refused, the page stays in place for what follows.
            ("move", "post", f"/admin/pages/{pk}/move/{parent}/confirm/", {}, {"coordinator"}),
            # A copy is a new draft: those who may create pages here may copy.
            ("copy", "get", f"/admin/pages/{pk}/copy/", None, creators),
            (
                "copy",
                "post",
                f"/admin/pages/{pk}/copy/",
                {"new_title": "Copy", "new_slug": f"copy-{pk}", "new_parent_page": parent},
                creators,
            ),
            ("privacy", "get", f"/admin/pages/{pk}/privacy/", None, {"coordinator"}),
            (
                "privacy",
                "post",
                f"/admin/pages/{pk}/privacy/",
                {"restriction_type": "none"},
                {"coordinator"},
            ),
            (
                "lock",
                "post",
                f"/admin/pages/{pk}/lock/",
                {"next": f"/admin/pages/{pk}/edit/"},
                {"coordinator"},
            ),
            (
                "unlock",
                "post",
                f"/admin/pages/{pk}/unlock/",
                {"next": f"/admin/pages/{pk}/edit/"},
                {"coordinator"},
            ),
        ]
        found.append(
            (
                f"add under {language}",
                "get",
                f"/admin/pages/add/repository/experiencepage/{parent}/",
                None,
                {"officer", "coordinator"} if language == "en" else {"coordinator"},
            )
        )
    for language, translation in translations.items():
        editors = who_edits(language)
        pk = translation.pk
        target = pages[language].pk
        found += [
            (
                "po download",
                "get",
                reverse("wagtail_localize:download_pofile", args=[pk]),
                None,
                editors,
            ),
            (
                "po upload",
                "post",
                reverse("wagtail_localize:upload_pofile", args=[pk]),
                {"next": f"/admin/pages/{target}/edit/"},
                editors,
            ),
            (
                "convert to alias",
                "get",
                reverse("wagtail_localize:convert_to_alias", args=[target]),
                None,
                {"coordinator"},
            ),
            (
                "stop sync",
                "post",
                reverse("wagtail_localize:stop_translation", args=[pk]),
                {"next": f"/admin/pages/{target}/edit/"},
                {"coordinator"},
            ),
        ]
    for language, term in terms.items():
        editors = {"coordinator"} if language == "en" else who_edits(language)
        url = f"/admin/snippets/taxonomy/topic/edit/{term.pk}/"
        found += [
            ("term", "get", url, None, editors),
            ("term", "post", url, {}, editors),
        ]
    # The legal frameworks (legal app): their titles translated like the terms.
    for framework in LegalFramework.objects.filter(identifier="pe-ley-28056").select_related(
        "locale"
    ):
        language = framework.locale.language_code
        editors = {"coordinator"} if language == "en" else who_edits(language)
        url = f"/admin/snippets/legal/legalframework/edit/{framework.pk}/"
        found += [("framework", "get", url, None, editors), ("framework", "post", url, {}, editors)]
    # The inclusion criteria's words (repository/criteria.py), per language.
    first = Definition.objects.filter(locale__language_code="en").order_by("pk").first()
    for definition in Definition.objects.filter(
        translation_key=first.translation_key
    ).select_related("locale"):
        language = definition.locale.language_code
        editors = {"coordinator"} if language == "en" else who_edits(language)
        url = f"/admin/snippets/repository/definition/edit/{definition.pk}/"
        found += [("criterion", "get", url, None, editors), ("criterion", "post", url, {}, editors)]
    found += [
        ("add law", "get", "/admin/snippets/legal/legalframework/add/", None, {"coordinator"}),
        ("add term", "get", "/admin/snippets/taxonomy/topic/add/", None, {"coordinator"}),
        ("translations report", "get", "/admin/reports/translations/", None, EVERY_EDITOR),
        ("site history", "get", "/admin/reports/site-history/", None, {"officer", "coordinator"}),
        ("workflow report", "get", "/admin/reports/workflow/", None, {"officer", "coordinator"}),
        ("aging pages", "get", "/admin/reports/aging-pages/", None, {"officer", "coordinator"}),
        ("locked pages", "get", "/admin/reports/locked/", None, {"coordinator"}),
        ("site settings", "get", "/admin/settings/home/sitesettings/", None, set()),
        ("site settings", "post", "/admin/settings/home/sitesettings/", {}, set()),
        ("redirects", "get", "/admin/redirects/", None, {"coordinator"}),
        ("promoted results", "get", "/admin/searchpicks/", None, {"coordinator"}),
        ("sites", "get", "/admin/sites/", None, set()),
        ("locales", "get", "/admin/locales/", None, set()),
        ("collections", "get", "/admin/collections/", None, set()),
        ("users", "get", "/admin/users/", None, set()),
        ("users", "post", "/admin/users/new/", {}, set()),
        ("groups", "get", "/admin/groups/", None, set()),
        ("groups", "post", "/admin/groups/new/", {}, set()),
        ("workflows", "get", "/admin/workflows/list/", None, set()),
        ("workflows", "post", "/admin/workflows/add/", {}, set()),
        ("dashboard", "get", "/admin/", None, EVERY_EDITOR | {"jury", "member"}),
        ("account", "get", "/admin/account/", None, EVERY_EDITOR | {"jury", "member"}),
    ]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_role_by_action(role, subtests, settings):
    # The words-reversing translator stands in for a service (no network in tests).
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    pages = {"en": source}
    for language in ("fr", "es"):
        pages[language] = ExperiencePage.objects.get(
            translation_key=source.translation_key, locale__language_code=language
        )
    translations = {
        language: Translation.objects.get(
            source__object_id=source.translation_key, target_locale__language_code=language
        )
        for language in ("fr", "es")
    }
    terms = {
        term.locale.language_code: term
        for term in Topic.objects.filter(slug="climate").select_related("locale")
    }
    if ROLES[role] is None:
        client = Client()
    else:
        client = sign_in(role, *ROLES[role], superuser=role == "superuser")
    member = MemberOrganisation.objects.get(slug="porto-alegre-city-council", locale=source.locale)
    submission = Submission.objects.create(
        language="en", organisation="Town", contact_name="A", contact_email="a@example.org"
    )
    # The member role's person is this member's contact; the jury sits on the 2021 edition.
    member.contact_email = "member@example.org"
    member.save()
    editions = AwardEditionPage.objects.filter(locale=source.locale).order_by("year")
    finished, open_call = editions
    if role in {"jury", "superuser"}:
        seated = finished.get_latest_revision_as_object()
        seated.jury.add(client.user)
        seated.save_revision().publish()
    # The English editor's form as the browser posts it, read by someone who may open it.
    editor = sign_in(f"{role}-reader", superuser=True)
    form = admin_form_fields(editor.get(f"/admin/pages/{source.pk}/edit/").content.decode())
    for action, method, url, data, allowed in [
        *writing_cells(role, pages, translations, form),
        *cells(pages, translations, terms),
        *member_cells(member),
        *submission_cells(submission),
        *award_cells(open_call, finished),
    ]:
        with subtests.test(action=action, method=method, url=url):
            response = send(client, method, url, data)
            expected = "allowed" if holds(role, allowed) else "refused"
            found = outcome(response)
            if method == "put" and response.status_code == 403:
                found = "refused"  # the editor's script reads its own (JSON) refusal
            assert found == expected, (
                f"{role} {method} {url}: {response.status_code} {response.get('Location', '')}"
            )

    # What the writing cells changed: the role's words where it may write, nowhere else.
    for language, found in written(role, pages, translations).items():
        with subtests.test(action="written", language=language):
            assert found == holds(role, who_edits(language)), f"{role} {language}"

    # What the refused POSTs tried did not happen.
    for language, page in pages.items():
        page.refresh_from_db()
        with subtests.test(action="still live", language=language):
            assert page.live or role in {"coordinator", "superuser"}

    # Publishing: offered on the edit page (Wagtail's button, or wagtail-localize's editor)
    # only to those who may; a publish POST from anyone else leaves the live page as it was.
    for language, page in pages.items():
        with subtests.test(action="publish", language=language):
            content = html.unescape(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
            offered = 'name="action-publish"' in content or '"canPublish": true' in content
            assert offered == (role in {"coordinator", "superuser"}), f"{role} {language}"
            # wagtail-localize's editor posts this for "Publish" (coordinators stopped the
            # sync above, so their French page now has Wagtail's own editor).
            if language != "en" and role not in {"coordinator", "superuser"}:
                live_revision = page.live_revision_id
                client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
                page.refresh_from_db()
                assert page.live_revision_id == live_revision

    with subtests.test(action="nothing published by a refused POST"):
        assert not open_call.results_published
        submitted = Candidacy.objects.get(edition=open_call)
        checked = submitted.stage != Stage.SUBMITTED
        assert not checked, role  # the coordinator's empty POST is an invalid form

    with subtests.test(action="delete member", method="post"):
        client.post(f"/admin/snippets/network/memberorganisation/delete/{member.pk}/")
        exists = MemberOrganisation.objects.filter(pk=member.pk).exists()
        assert exists != (role in {"coordinator", "superuser"}), role

    # Deleting, last: the page is gone only for those who may delete it.
    for language, page in reversed(pages.items()):
        with subtests.test(action="delete", method="post", language=language):
            client.post(f"/admin/pages/{page.pk}/delete/")
            exists = Page.objects.filter(pk=page.pk).exists()
            assert exists != (role in {"coordinator", "superuser"}), f"{role} {language}"


def test_a_refusal_says_why_on_an_admin_page_with_a_way_back():
    translator = sign_in("tomas", translators_group("es"))
    response = translator.get(
        "/admin/reports/site-history/", HTTP_REFERER="http://testserver/admin/pages/"
    )
    assert response.status_code == 403
    content = response.content.decode()
    assert "Your role does not give access to this part of the admin." in content
    assert 'href="http://testserver/admin/pages/"' in content  # back where they came from
    assert 'href="/admin/"' in content and "sidebar" in content  # the admin's own layout
    visitor = Client().get("/admin/reports/site-history/")
    assert visitor.status_code == 302  # visitors are asked to sign in, not told about rights

    # Refusals inside Wagtail's page views say why too (Wagtail's own redirect to the
    # dashboard said only "Sorry, you do not have permission").
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = source.get_translation(Locale.objects.get(language_code="fr"))
    response = translator.get(f"/admin/pages/{french.pk}/edit/")
    assert response.status_code == 403
    assert "This page is in French; you translate into Spanish." in response.content.decode()
    officer = sign_in("olga", OFFICERS)
    for method in ("get", "post"):
        response = getattr(officer, method)(f"/admin/pages/{source.pk}/delete/")
        assert response.status_code == 403, method
        assert "Your role does not let you delete this page." in response.content.decode()
        assert 'href="/admin/"' in response.content.decode()
    assert Page.objects.filter(pk=source.pk).exists()
    # What no role may do is not put down to the role.
    response = sign_in("root-admin", superuser=True).get(f"/admin/pages/{source.pk}/add_subpage/")
    assert response.status_code == 403
    assert "Pages of this kind have no pages below them." in response.content.decode()


def test_an_officer_who_translates_is_a_translator_on_french_pages(
    django_capture_on_commit_callbacks,
):
    """The translator's limits hold on the pages of their language even for someone who holds
    another role: Wagtail lets whoever edits a draft delete, move and copy it, and the limits
    once switched off for anyone with a second role."""
    from editorial.tests.test_translation_review import translate, untranslated_experience

    coordinator = sign_in("carla", COORDINATORS)
    source = untranslated_experience()
    french = translate(coordinator, source, "fr", capture=django_capture_on_commit_callbacks)["fr"]
    both = sign_in("odile", OFFICERS, translators_group("fr"))
    parent = french.get_parent().pk
    assert both.get(f"/admin/pages/{french.pk}/edit/").status_code == 200  # as a translator
    assert both.get(f"/admin/pages/{source.pk}/edit/").status_code == 200  # as an officer
    listing = both.get(f"/admin/pages/{parent}/").content.decode()
    for action in ("copy", "delete", "move", "unpublish", "privacy"):
        assert f"/admin/pages/{french.pk}/{action}/" not in listing, action
    for method, url, data in (
        ("get", f"/admin/pages/{french.pk}/delete/", None),
        ("post", f"/admin/pages/{french.pk}/delete/", {}),
        ("get", f"/admin/pages/{french.pk}/move/", None),
        ("post", f"/admin/pages/{french.pk}/move/{parent}/confirm/", {}),
        ("get", f"/admin/pages/{french.pk}/copy/", None),
        (
            "post",
            f"/admin/pages/{french.pk}/copy/",
            {"new_title": "Copie", "new_slug": "copie", "new_parent_page": parent},
        ),
    ):
        response = getattr(both, method)(url, data) if data is not None else both.get(url)
        assert refusal_reason(response), f"{method} {url}: {response.status_code}"
    assert Page.objects.filter(pk=french.pk).exists()
    assert not Page.objects.filter(slug="copie").exists()
    # As an officer she still publishes nothing herself.
    english = both.get(f"/admin/pages/{source.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in english


def refusal_reason(response):
    """The reason on the admin's refusal page (core/admin_refused.html), or None when the
    response is not that page."""
    content = response.content.decode()
    found = re.search(r'<p class="help-block help-warning">(.*?)</p>', content, re.S)
    if response.status_code != 403 or found is None or "sidebar" not in content:
        return None
    return html.unescape(found.group(1)).strip()


def test_a_refusal_inside_a_view_says_why():
    """A view registered through Wagtail's hooks, or one of Wagtail's own, that refuses: the
    admin's refusal page with the view's reason, not Wagtail's redirect to the dashboard with
    "Sorry, you do not have permission to access this area"."""
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="fr"
    )
    juror = sign_in("ines", JURY)
    response = juror.get("/admin/award/jury/")
    assert refusal_reason(response) == "You sit on the jury of no edition."
    officer = sign_in("olga", OFFICERS)
    generic = "Your role does not allow this action."
    for method, url in (
        ("get", "/admin/users/"),
        ("get", "/admin/workflows/list/"),
        ("get", "/admin/settings/home/sitesettings/"),
        ("post", "/admin/settings/home/sitesettings/"),
        ("get", f"/admin/localize/submit/page/{source.pk}/"),
        ("post", f"/admin/localize/submit/page/{source.pk}/"),
        ("get", f"/admin/localize/update/{translation.source_id}/"),
    ):
        response = getattr(officer, method)(url)
        assert refusal_reason(response) == generic, f"{method} {url}: {response.status_code}"


def test_menus_and_the_translation_editor_show_only_what_a_role_may_use():
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    translator = sign_in("francoise", translators_group("fr"))
    coordinator = sign_in("carla", COORDINATORS)
    dashboard = {
        "translator": translator.get("/admin/").content.decode(),
        "coordinator": coordinator.get("/admin/").content.decode(),
    }
    for url in ("/admin/reports/site-history/", "/admin/reports/workflow/", "/admin/redirects/"):
        assert url not in dashboard["translator"], url
        assert url in dashboard["coordinator"], url
    assert "/admin/localize/reports/translations/" not in dashboard["coordinator"]
    assert dashboard["coordinator"].count("/admin/reports/translations/") == 1

    listing = translator.get(f"/admin/pages/{french.get_parent().pk}/").content.decode()
    assert f"/admin/pages/{french.pk}/edit/" in listing
    for action in ("copy", "delete", "move", "unpublish", "privacy"):
        assert f"/admin/pages/{french.pk}/{action}/" not in listing, action
    # Wagtail's bulk actions are offered to all; a translator may take none of them.
    assert "/admin/bulk/wagtailcore/page/" not in listing and "bulk-actions-choices" not in listing
    listing = coordinator.get(f"/admin/pages/{french.get_parent().pk}/").content.decode()
    for action in ("publish", "unpublish", "delete", "move"):
        assert f"/admin/bulk/wagtailcore/page/{action}/" in listing, action

    editor = translator.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert 'class="translation-editor--synced-only"' in editor  # no "Stop Synced translation"
    editor = coordinator.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert "translation-editor--synced-only" not in editor


def test_every_admin_link_a_translator_is_shown_opens():
    """What a translator is offered, they may use: each admin link on the pages they work
    from opens for them (a list of every language's terms once linked to refused ones)."""
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = ExperiencePage.objects.get(
        translation_key=source.translation_key, locale__language_code="fr"
    )
    translator = sign_in("francoise", translators_group("fr"))
    topics = translator.get("/admin/snippets/taxonomy/topic/").content.decode()
    for term in Topic.objects.select_related("locale"):
        linked = f"/admin/snippets/taxonomy/topic/edit/{term.pk}/" in topics
        assert linked == (term.locale.language_code == "fr"), term
    refused = links_that_do_not_open(
        translator,
        "/admin/",
        "/admin/snippets/taxonomy/topic/",
        "/admin/snippets/taxonomy/mechanism/",
        f"/admin/pages/{french.get_parent().pk}/",
        f"/admin/pages/{french.pk}/edit/",
        # Every page in every language, with the English and Spanish ones a French
        # translator may not edit, and the per-page histories kept for coordinators.
        "/admin/reports/translations/",
    )
    assert refused == [], "\n".join(refused)


def test_every_admin_link_a_juror_is_shown_opens():
    """The jury's admin is the award's: the dashboard offered a search of all pages, which
    ended on a refusal."""
    juror = sign_in("ines", JURY)
    finished = AwardEditionPage.objects.filter(locale=Locale.get_default()).order_by("year")[0]
    seated = finished.get_latest_revision_as_object()
    seated.jury.add(juror.user)
    seated.save_revision().publish()
    winner = Candidacy.objects.get(edition=finished, stage=Stage.WINNER)
    dashboard = juror.get("/admin/").content.decode()
    assert "/admin/award/jury/" in dashboard
    refused = links_that_do_not_open(
        juror,
        "/admin/",
        "/admin/award/jury/",
        f"/admin/award/jury/{finished.pk}/",
        f"/admin/award/jury/candidacy/{winner.pk}/",
    )
    assert refused == [], "\n".join(refused)


def links_that_do_not_open(client, *starts):
    """The admin links (and the addresses of the forms a person sends by GET, such as a
    search box) on the `starts` pages that do not open for the signed-in person."""
    shown = {}  # link: the page it was found on
    for start in starts:
        content = client.get(start).content.decode()
        assert content, start
        links = re.findall(r'href="(/admin/[^"#]*)"', content)
        for form in re.findall(r"<form\b[^>]*>", content):
            method = re.search(r'method="([^"]*)"', form)
            action = re.search(r'action="(/admin/[^"#]*)"', form)
            if action and (method is None or method.group(1).lower() == "get"):
                links.append(action.group(1))
        for url in links:
            shown.setdefault(html.unescape(url), start)
    shown.pop("/admin/logout/", None)
    assert len(shown) > 3
    return [
        f"{url} (on {start})"
        for url, start in sorted(shown.items())
        if outcome(client.get(url)) != "allowed"
    ]


@pytest.mark.parametrize("role", ROLES)
def test_converting_a_translation_to_an_alias_is_for_coordinators(role):
    """The POST that replaces a translation by an alias of its source (the translator's work
    gone from the page): refused to every role but coordinators (and superusers)."""
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = source.get_translation(Locale.objects.get(language_code="fr"))
    url = reverse("wagtail_localize:convert_to_alias", args=[french.pk])
    if ROLES[role] is None:
        client = Client()
    else:
        client = sign_in(role, *ROLES[role], superuser=role == "superuser")
    response = client.post(url, {"next": f"/admin/pages/{french.pk}/edit/"})
    french.refresh_from_db()
    if role in {"coordinator", "superuser"}:
        assert outcome(response) == "allowed" and french.alias_of_id == source.pk, role
    else:
        assert outcome(response) == "refused" and french.alias_of_id is None, role


@pytest.mark.parametrize("role", ROLES)
def test_a_review_is_decided_by_the_right_role_in_the_right_language(
    role, django_capture_on_commit_callbacks
):
    """Approve and Request changes, posted to Wagtail's workflow action view: coordinators
    decide an English submission; a French one, a coordinator or another French translator.
    Anyone else is refused and the review stays as it was."""
    source = ExperiencePage.objects.get(slug="youth-participatory-budget")
    french = source.get_translation(Locale.objects.get(language_code="fr"))
    officer = sign_in("olga-submits", OFFICERS)
    submit_for_review(officer, source, {"summary": "Submitted by the officer."})
    translator = sign_in("francoise-submits", translators_group("fr"))
    edit = f"/admin/pages/{french.pk}/edit/"
    content = translator.get(edit).content.decode()
    translator.post(form_action(content, "Submit the French translation for review"))
    if ROLES[role] is None:
        client = Client()
    else:
        client = sign_in(role, *ROLES[role], superuser=role == "superuser")
    for page, allowed in ((source, {"coordinator"}), (french, {"coordinator", "translator_fr"})):
        page = Page.objects.get(pk=page.pk)
        state = page.current_workflow_state
        assert state is not None, page
        task_state = state.current_task_state.pk
        base = f"/admin/pages/workflow/action/{page.pk}"
        if not holds(role, allowed):
            for action in ("reject", "approve"):
                response = client.post(f"{base}/{action}/{task_state}/", {"comment": "No."})
                assert outcome(response) == "refused", (role, page.locale_id, action)
            page = Page.objects.get(pk=page.pk)
            assert page.current_workflow_state.pk == state.pk, role
            assert page.current_workflow_state.status == state.STATUS_IN_PROGRESS, role
            continue
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"{base}/approve/{task_state}/", {"comment": ""})
        assert response.status_code in (200, 302), (role, response.status_code)
        page = Page.objects.get(pk=page.pk)
        assert page.current_workflow_state is None and not page.has_unpublished_changes, role
