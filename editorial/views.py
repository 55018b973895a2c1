from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from . import review
from .admin_access import limits, may_open
from .completeness import LOW_COMPLETENESS, low_completeness
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


@require_POST
def submit_translation(request, translation_id):
    """ "Submit for review" in the translation editor's review bar (editorial/review.py)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not isinstance(page, Page):
        raise PermissionDenied  # snippets (terms) have no review
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
    messages.success(
        request,
        _("The %(language)s translation of “%(title)s” was submitted for review.")
        % {
            "language": get_language_info(translation.target_locale.language_code)[
                "name_translated"
            ],
            "title": page.title,
        },
    )
    return redirect(edit_url)
