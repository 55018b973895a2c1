"""The state of every page in every language, for the editorial dashboard."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState

STATES = {
    "missing": _("Missing"),
    "in_progress": _("In progress"),
    "awaiting_review": _("Awaiting review"),
    "out_of_date": _("Out of date"),
    "up_to_date": _("Up to date"),
}


@dataclass
class Row:
    page_id: int
    title: str
    section: str
    states: dict = field(default_factory=dict)  # language code -> (state, page id or None)


def translation_status(language=None, section=None, state=None):
    """(rows, counts per language and state, sections) for pages of the source language.

    A translation is *awaiting review* while a workflow runs on it; *out of date* when its
    source was published after its live version was written (also while a draft made by the
    background sync waits for the translator); *in progress* while it is a draft or has
    unpublished changes."""
    default = Locale.get_default()
    languages = [code for code, _name in settings.LANGUAGES if code != default.language_code]
    if language in languages:
        languages = [language]
    sources = list(
        Page.objects.filter(locale=default, depth__gt=2)
        .select_related("content_type")
        .order_by("path")
        .values(
            "pk", "title", "translation_key", "last_published_at", "content_type__model", "path"
        )
    )
    sections = {page["path"][:12]: page["title"] for page in sources if len(page["path"]) == 12}
    if section:
        sources = [page for page in sources if page["path"][:12] == section]
    translations = {
        (row["translation_key"], row["locale__language_code"]): row
        for row in Page.objects.filter(
            translation_key__in=[page["translation_key"] for page in sources],
            locale__language_code__in=languages,
        ).values(
            "pk",
            "translation_key",
            "locale__language_code",
            "live",
            "has_unpublished_changes",
            "live_revision__created_at",
        )
    }
    reviewing = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
    )
    counts = {code: dict.fromkeys(STATES, 0) for code in languages}
    rows = []
    for page in sources:
        row = Row(page["pk"], page["title"], sections.get(page["path"][:12], ""))
        for code in languages:
            found = translations.get((page["translation_key"], code))
            if found is None:
                current = "missing"
            elif str(found["pk"]) in reviewing:
                current = "awaiting_review"
            elif (
                found["live"]
                and page["last_published_at"]
                and found["live_revision__created_at"]
                and page["last_published_at"] > found["live_revision__created_at"]
            ):
                current = "out_of_date"
            elif not found["live"] or found["has_unpublished_changes"]:
                current = "in_progress"
            else:
                current = "up_to_date"
            counts[code][current] += 1
            row.states[code] = (current, found["pk"] if found else None)
        if state is None or any(s == state for s, _pk in row.states.values()):
            rows.append(row)
    return rows, counts, sections
