from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.urls import Resolver404, resolve, reverse
from wagtail import hooks

from .admin_access import limits, may_edit_language, may_manage_sync, may_open
from .review import changes_requested
from .roles import translator_languages


@hooks.register("before_edit_snippet")
def translators_edit_their_language_only(request, instance):
    # Snippet permissions are per model; a translator's hold on terms stops at their language.
    if not may_edit_language(request.user, instance):
        raise PermissionDenied


@hooks.register("before_edit_snippet", order=-1)
def translated_snippets_go_through_review(request, instance):
    """Runs before wagtail-localize's editor, whose "Publish" wrote a translator's words
    straight into the term visitors read. For a translator it submits them for review; a
    coordinator's publish also settles a review in progress (editorial/snippet_review.py).
    A term whose sync was stopped opens in the snippet's own form, which saves the live row:
    only those who publish directly save it."""
    from wagtail.models import TranslatableMixin

    if request.method != "POST" or not isinstance(instance, TranslatableMixin):
        return None
    if not may_edit_language(request.user, instance):
        return None  # refused by the next hook
    from django.utils.translation import gettext as _
    from wagtail_localize.models import Translation

    from . import snippet_review
    from .views import approve_translation, submit_snippet_translation

    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    direct = snippet_review.publishes_directly(request.user)
    if translation is None:
        if direct:
            return None
        raise PermissionDenied(
            _(
                "This translation no longer follows its source, so it has no review: "
                "a coordinator changes it, or restarts its sync for you to translate it."
            )
        )
    if request.POST.get("action") != "publish":
        return None
    if not direct:
        return submit_snippet_translation(request, translation, instance)
    review = snippet_review.current(translation)
    if review is not None and snippet_review.may_review(request.user, translation, review):
        return approve_translation(request, translation.pk)
    return None


@hooks.register("languages_edited_by")
def translators_languages(user):
    # Whoever manages syncs (coordinators) works across languages.
    if not user.is_authenticated or may_manage_sync(user):
        return None
    return translator_languages(user) or None


@hooks.register("register_admin_urls")
def translation_report_url():
    from django.urls import path

    from .views import (
        PageReviewAction,
        approve_translation,
        request_translation_changes,
        submit_translation,
        translation_history,
        translation_report,
    )

    return [
        path("reports/translations/", translation_report, name="translation_report"),
        path(
            "reports/translations/<int:page_id>/history/",
            translation_history,
            name="translation_history",
        ),
        path(
            "translations/<int:translation_id>/submit/",
            submit_translation,
            name="editorial_submit_translation",
        ),
        # Wagtail's review of a page, as the review bar posts it (editorial/review.py).
        path(
            "pages/<int:page_id>/review/<slug:action_name>/<int:task_state_id>/",
            PageReviewAction.as_view(),
            name="editorial_page_review",
        ),
        # The review of translated snippets (editorial/snippet_review.py).
        path(
            "translations/<int:translation_id>/approve/",
            approve_translation,
            name="editorial_approve_translation",
        ),
        path(
            "translations/<int:translation_id>/request-changes/",
            request_translation_changes,
            name="editorial_request_translation_changes",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    from .translation_status import may_follow_translations

    class TranslationReportMenuItem(MenuItem):
        def is_shown(self, request):
            return may_follow_translations(request.user)

    return TranslationReportMenuItem(
        _("Translations"), reverse("translation_report"), icon_name="globe", order=650
    )


@hooks.register("before_edit_page", order=-1)
def restart_sync_without_losing_edits(request, page):
    """Runs before wagtail-localize's own restart ("Start Synced translation"): the page's hand
    edits become its string translations first, or the coordinator is asked (safeguards.py)."""
    if request.method != "POST" or "localize-restart-translation" not in request.POST:
        return None
    from django.contrib import messages
    from django.shortcuts import render
    from django.utils.translation import ngettext
    from wagtail_localize.models import Translation

    from .safeguards import keep_manual_edits, manual_edits

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=False
    ).first()
    if translation is None:
        return None
    if not may_manage_sync(request.user):
        raise PermissionDenied
    edits = manual_edits(translation, page)
    if edits.lost and "confirm-restart" not in request.POST:
        return render(
            request, "editorial/restart_sync_confirm.html", {"page": page, "lost": edits.lost}
        )
    keep_manual_edits(translation, edits, request.user)
    if edits.kept:
        messages.info(
            request,
            ngettext(
                "%(count)d edit made on the page was kept as its translation.",
                "%(count)d edits made on the page were kept as their translations.",
                len(edits.kept),
            )
            % {"count": len(edits.kept)},
        )
    return None  # wagtail-localize's hook restarts the sync


def _opens(allowed, url):
    try:
        return may_open(allowed, resolve(urlsplit(str(url)).path).view_name)
    except Resolver404:
        return False


def _item_opens(request, allowed, item):
    # A submenu's own address is "#": it leads somewhere when one of its entries does.
    submenu = getattr(item, "menu", None)
    if submenu is not None:
        entries = submenu.menu_items_for_request(request)
        return any(_item_opens(request, allowed, entry) for entry in entries)
    return not getattr(item, "url", "") or _opens(allowed, item.url)


def only_what_they_may_open(request, menu_items):
    """A translator, juror or member's contact sees no menu entry that leads to a refusal
    (admin_access.py)."""
    allowed = limits(request.user)
    if allowed is not None:
        menu_items[:] = [item for item in menu_items if _item_opens(request, allowed, item)]


hooks.register("construct_main_menu", only_what_they_may_open)
hooks.register("construct_settings_menu", only_what_they_may_open)


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    # wagtail-localize's own list of translations beside the site's report (which also says
    # what awaits review and what is out of date) made two "Translations" entries.
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if getattr(item, "url", "") != theirs]
    only_what_they_may_open(request, menu_items)


@hooks.register("before_edit_page")
def show_the_requested_changes(request, page):
    """The reviewer's comment, on the editor of the person who has to make the changes (Wagtail
    only emails it). The translation editor shows it in its review bar (review.py)."""
    if request.method != "GET":
        return None
    from django.contrib import messages
    from django.utils.translation import gettext as _
    from wagtail_localize.models import Translation

    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return None
    if Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists():
        return None  # wagtail-localize's editor, with its own review bar
    refusal = changes_requested(state)
    if refusal is not None:
        who = refusal.finished_by.get_full_name() or refusal.finished_by.get_username()
        text = _("%(who)s asked for changes:") % {"who": who}
        messages.warning(request, f"{text} “{refusal.comment}”" if refusal.comment else text)
    return None


# The buttons of the page editor's footer that do more than save a draft.
DECISIONS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
)


@hooks.register("before_edit_page")
def one_decision_per_review(request, page):
    """A review is decided once, by a person's click. Wagtail's autosave posts the whole form,
    the hidden fields a decision button adds included, and could approve a page while the real
    submission was on its way (that one then failed with a 500, after saving a draft); and a
    decision posted again after the review ended (a double click, a stale tab) was saved as a
    new draft. Wagtail's own answer shapes are kept: JSON for the autosave, a message and the
    editor for a person."""
    if request.method != "POST" or not any(request.POST.get(name) for name in DECISIONS):
        return None
    from django.contrib import messages
    from django.http import JsonResponse
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    if not request.accepts("text/html"):
        return JsonResponse(
            {
                "success": False,
                "error_code": "blocked_by_hook",
                "error_message": _("An autosave only saves a draft; the button decides."),
            },
            status=400,
        )
    if not request.POST.get("action-workflow-action"):
        return None
    task = page.current_workflow_task
    wanted = request.POST.get("workflow-action-name")
    actions = task.get_actions(page, request.user) if task is not None else []
    if wanted not in {name for name, *_rest in actions}:
        messages.warning(
            request,
            _(
                "The review of this page has already ended, or that step is no longer yours to "
                "take: nothing was saved. Check the page's status before acting again."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
