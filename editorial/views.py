import contextlib

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Locale, Page, PageLogEntry, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from core.i18n import language_in_text

from . import review, snippet_review
from .admin_access import limits, may_open
from .completeness import LOW_COMPLETENESS, low_completeness
from .sync import sync_source
from .translation_status import (
    STATES,
    may_follow_translations,
    translation_status,
    visible_sources,
)


def translation_report(request):
    if not may_follow_translations(request.user):
        raise PermissionDenied
    visible = visible_sources(request.user)
    language = request.GET.get("language") or None
    section = request.GET.get("section") or None
    state = request.GET.get("state") if request.GET.get("state") in STATES else None
    rows, counts, sections = translation_status(language, section, state, visible)
    incomplete = low_completeness(section, visible=visible)
    shown = {row.page_id for row in rows[:500]} | {page.pk for page, *_rest in incomplete}
    shown |= {state[1] for row in rows[:500] for state in row.states.values() if state[1]}
    languages = [(code, get_language_info(code)["name_translated"]) for code in counts]
    return render(
        request,
        "editorial/translation_report.html",
        {
            "rows": rows[:500],
            "truncated": len(rows) > 500,
            "counts": [
                (name, [(STATES[s], n) for s, n in counts[code].items()])
                for code, name in languages
            ],
            "languages": languages,
            # Languages translated into: the source language has no translations to filter.
            "all_languages": [
                (code, get_language_info(code)["name_translated"])
                for code, _n in settings.LANGUAGES
                if code != Locale.get_default().language_code
            ],
            "sections": sorted(sections.items(), key=lambda item: item[1]),
            "states": STATES,
            "selected": {"language": language, "section": section, "state": state},
            "incomplete": incomplete,
            "snippets_awaiting": snippet_review.awaiting(request.user, language),
            # Only what the person may open is linked: a translator sees every language's
            # state, and may edit pages of theirs only.
            "editable": editable_among(request.user, shown),
            "may_read_history": may_read_history(request.user),
            "low_completeness": LOW_COMPLETENESS,
        },
    )


def editable_among(user, page_ids):
    return set(
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["change"])
        .filter(pk__in=page_ids)
        .values_list("pk", flat=True)
    )


def may_read_history(user):
    """The per-page history is for those who follow translations across languages, not for
    the roles held to a list of views (translators)."""
    allowed = limits(user)
    return may_follow_translations(user) and (
        allowed is None or may_open(allowed, "translation_history")
    )


def translation_history(request, page_id):
    """Who translated, submitted, reviewed and published each language of a page, and when:
    Wagtail's history of every page sharing its translation key, newest first."""
    source = get_object_or_404(Page, pk=page_id)
    visible = visible_sources(request.user)
    if not may_read_history(request.user) or (visible is not None and source.pk not in visible):
        raise PermissionDenied
    entries = (
        PageLogEntry.objects.filter(page__translation_key=source.translation_key)
        .select_related("user", "page__locale", "revision")
        .order_by("-timestamp", "-pk")
    )
    return render(
        request,
        "editorial/translation_history.html",
        {"source": source, "entries": entries[:500], "truncated": entries.count() > 500},
    )


def _say_submitted(request, translation, title):
    language = language_in_text(translation.target_locale.language_code)
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” was submitted for review.")
        % {"language": language, "title": title},
    )


@require_POST
def submit_translation(request, translation_id):
    """ "Submit for review" in the translation editor's review bar (editorial/review.py)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not isinstance(page, Page):
        return submit_snippet_translation(request, translation, page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    try:
        page = review.submit(translation, request.user)
    except PermissionError as error:
        raise PermissionDenied(
            _(
                "You cannot submit this translation: it is locked, already awaiting review, "
                "or not yours to edit."
            )
        ) from error
    except review.NotSubmitted as error:
        messages.error(request, _("The translation could not be submitted: %s") % error)
        return redirect(edit_url)
    _say_submitted(request, translation, page.title)
    return redirect(edit_url)


class SyncForm(UpdateTranslationsForm):
    """wagtail-localize's form less "Publish immediately": it published every translation from
    its strings, a translator's unsubmitted words and the version under review included."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]


class SyncTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages": the sync the background runs after a publish (editorial/sync.py).
    Each translation gets a draft that waits for its review, or is published when only facts
    changed; a translation under review is left to its reviewer. Swapped in for
    wagtail-localize's view by the admin access middleware, under its URL and name."""

    def get_form(self):
        return SyncForm(self.request.POST if self.request.method == "POST" else None)

    @transaction.atomic
    def form_valid(self, form):
        source = self.object
        translations = source.translations.filter(enabled=True).select_related("target_locale")
        if form.cleaned_data.get("use_machine_translation"):
            translator = get_machine_translator()
            for translation in translations:
                apply_machine_translation(translation.id, self.request.user, translator)
        if issubclass(source.specific_content_type.model_class(), Page):
            sync_source(source, user=self.request.user, rebuild=True)
        else:
            # Snippets (terms) take translated words only through their review
            # (editorial/snippet_review.py): the sync updates what translators translate.
            source.update_from_db()
        for translation in translations:
            with contextlib.suppress(ValidationError):
                source.update_target_view_restrictions(translation.target_locale)
        self.components.save(source, sources_and_translations={source: list(translations)})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def submit_snippet_translation(request, translation, instance):
    """A translated term's "Submit for review" (editorial/snippet_review.py); also what the
    translation editor's "Publish" does for a translator."""
    try:
        snippet_review.submit(translation, request.user)
    except snippet_review.ReviewRefused as error:
        raise PermissionDenied(str(error)) from error
    _say_submitted(request, translation, instance)
    return redirect(AdminURLFinder().get_edit_url(instance))


def _snippet_translation(translation_id):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if isinstance(instance, Page):
        raise Http404  # pages are reviewed through Wagtail's workflow
    return translation, instance


@require_POST
def approve_translation(request, translation_id):
    translation, instance = _snippet_translation(translation_id)
    try:
        snippet_review.approve(translation, request.user, request.POST.get("comment", ""))
    except snippet_review.ReviewRefused as error:
        raise PermissionDenied(str(error)) from error
    instance.refresh_from_db()
    messages.success(request, _("“%(title)s” was approved and published.") % {"title": instance})
    return redirect(AdminURLFinder().get_edit_url(instance))


@require_POST
def request_translation_changes(request, translation_id):
    translation, instance = _snippet_translation(translation_id)
    comment = request.POST.get("comment", "").strip()
    edit_url = AdminURLFinder().get_edit_url(instance)
    if not comment:
        messages.error(request, _("Say what should change: the translator reads your comment."))
        return redirect(edit_url)
    try:
        snippet_review.request_changes(translation, request.user, comment)
    except snippet_review.ReviewRefused as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("The translator was asked for changes."))
    return redirect(edit_url)


class PageReviewAction(WorkflowActionView):
    """Approve or request changes of a page under review, as the review bar posts them:
    Wagtail's own view, saying what it did (it redirects without a word, and a request for
    changes without a comment did nothing, silently)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        self.object.refresh_from_db()
        values = {"title": self.object.get_admin_display_title()}
        if self.task_state.status == TaskState.STATUS_APPROVED:
            workflow_state = self.task_state.workflow_state
            workflow_state.refresh_from_db()
            if workflow_state.status == WorkflowState.STATUS_APPROVED:
                messages.success(request, _("“%(title)s” was approved and published.") % values)
            else:
                values["task"] = workflow_state.current_task_state.task.name
                messages.success(
                    request, _("“%(title)s” was approved; it goes on to “%(task)s”.") % values
                )
        elif self.task_state.status == TaskState.STATUS_REJECTED:
            messages.success(request, _("Changes to “%(title)s” were requested.") % values)
        else:
            messages.error(request, _("Nothing was done: say what should change, then send again."))
        return response
