"""The state of every page in every language, for the editorial dashboard."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

STATES = {
    "missing": _("Missing"),
    "in_progress": _("In progress"),
    "machine_translated": _("Machine translated"),
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


def visible_sources(user):
    """Ids of the source-language pages whose translations `user` may follow: live public
    pages, and those the user may edit in some language. None: every page (superusers)."""
    from django.db.models import Q
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from core.privacy import public

    if user.is_active and user.is_superuser:
        return None
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    default = Locale.get_default()
    sources = Page.objects.filter(locale=default, depth__gt=2)
    return set(
        sources.filter(
            Q(translation_key__in=editable.values("translation_key"))
            | Q(pk__in=public(sources.live()).values("pk"))
        ).values_list("pk", flat=True)
    )


def may_follow_translations(user):
    """Who the report is for: anyone who may edit a page (not the jury, say)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_any_permission(user, ["change"])


def translation_status(language=None, section=None, state=None, visible=None):
    """(rows, counts per language and state, sections) for pages of the source language.

    A translation is *awaiting review* while a workflow runs on it; *out of date* when its
    source was published after its live version was written (also while a draft made by the
    background sync waits for the translator); *machine translated* while strings that a
    machine translated are not yet in a published (so reviewed) version; *in progress* while
    it is a draft, has unpublished changes or segments not yet translated.

    `visible` (ids from `visible_sources`) keeps the titles of drafts and private pages
    from those who may not edit them."""
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
    if visible is not None:
        sources = [page for page in sources if page["pk"] in visible]
        sections = {
            path: title
            for path, title in sections.items()
            if any(page["path"].startswith(path) for page in sources)
        }
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
    machine = {
        (row["context__object_id"], row["locale__language_code"]): row["latest"]
        for row in StringTranslation.objects.filter(
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            context__object_id__in=[page["translation_key"] for page in sources],
            locale__language_code__in=languages,
        )
        .values("context__object_id", "locale__language_code")
        .annotate(latest=Max("updated_at"))
    }
    # Synced translations with segments nobody translated yet (shown in the source language).
    locales = Locale.objects.filter(language_code__in=languages)
    untranslated = {
        (key, locale.language_code)
        for locale in locales
        for key in StringSegment.objects.filter(
            source__object_id__in=[page["translation_key"] for page in sources],
            source__locale=default,
            source__translations__target_locale=locale,
            source__translations__enabled=True,
        )
        .annotate_translation(locale)
        .filter(translation__isnull=True)
        .values_list("source__object_id", flat=True)
        .distinct()
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
            elif _unreviewed(machine.get((page["translation_key"], code)), found):
                current = "machine_translated"
            elif (
                not found["live"]
                or found["has_unpublished_changes"]
                or (page["translation_key"], code) in untranslated
            ):
                current = "in_progress"
            else:
                current = "up_to_date"
            counts[code][current] += 1
            row.states[code] = (current, found["pk"] if found else None)
        if state is None or any(s == state for s, _pk in row.states.values()):
            rows.append(row)
    return rows, counts, sections


def _unreviewed(machine_translated_at, found):
    """Whether strings translated by a machine at that time are not in the live version."""
    if machine_translated_at is None:
        return False
    published = found["live_revision__created_at"]
    return not found["live"] or published is None or machine_translated_at > published
