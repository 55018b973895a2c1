"""Rows of an import file in another language than the repository's: translations of the
experience with the same external_id, written through wagtail-localize.

A translation row sets the strings of the texts it carries (title, summary, place) as a
translator would in the editor, and the page is rebuilt from them with wagtail-localize's own
`save_target`: later syncs after a change of the source keep these strings. Everything else
(dates, figures, places on the map, vocabularies) is synchronised from the source, so a
translation row may leave those cells empty; a cell that is filled must agree with the source.

Translations are saved as drafts for translators and reviewers to take up (a new one stays
unpublished), unless the import publishes them (`--publish`, for a migration from a database
that was already reviewed)."""

from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from core.localize import save_draft

from .exchange import RowError
from .models import ExperiencePage

TEXTS = ("title", "summary", "place")  # the codebook's translatable columns
TOOL = "import"  # recorded on each string, as machine translation records its engine


class TranslationImporter:
    def __init__(self, importer):
        self.importer = importer
        self.source_locale = importer.locale
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def batch(self, batch, start, report, seen):
        """Import the translation rows of `batch`; returns where the next batch begins."""
        sources = self.importer._existing(raw for _line, raw in batch)
        keys = {page.translation_key for page, _row in sources.values()}
        translations = {
            (page.translation_key, page.locale_id): page
            for page in ExperiencePage.objects.filter(translation_key__in=keys).exclude(
                locale=self.source_locale
            )
        }
        for line, raw in batch:
            start += 1
            try:
                outcome = self.import_row(raw, seen, sources, translations)
            except RowError as error:
                report.errors.extend((line, message) for message in error.messages)
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
        return start

    def import_row(self, raw, seen, sources, translations):
        language = str(raw.get("language")).strip()
        locale = self.locales.get(language)
        if locale is None:
            raise RowError(
                [
                    _("language: “%(value)s” is not a language of this site (%(languages)s)")
                    % {"value": language, "languages": ", ".join(sorted(self.locales))}
                ]
            )
        values = self.importer.clean(raw)
        external_id = values["external_id"]
        if (external_id, language) in seen:
            raise RowError([_("external_id: appears twice in this file in this language")])
        seen.add((external_id, language))
        source_language = self.source_locale.get_display_name()
        source, source_row = sources.get(external_id, (None, None))
        if source is None:
            if self.importer.dry_run and external_id in self.importer.sources_in_file:
                return "created"  # its source is a row of this file, not saved in a dry run
            raise RowError(
                [
                    _(
                        "external_id: no experience in %(language)s has this id; import its "
                        "row in %(language)s first, in this file or before"
                    )
                    % {"language": source_language}
                ]
            )
        self._agrees_with_source(raw, values, source_row, source_language)

        page = translations.get((source.translation_key, locale.pk))
        texts = {name: values.get(name) or "" for name in TEXTS if name in values}
        if page is not None:
            self._may_change(page, source, locale)
            current = page if self.importer.publish else page.get_latest_revision_as_object()
            same = all(getattr(current, name) == text for name, text in texts.items())
            if same and (not self.importer.publish or page.live):
                return "unchanged"
        if not self.importer.dry_run:
            self._write(source, locale, texts, new=page is None)
        return "created" if page is None else "updated"

    def _agrees_with_source(self, raw, values, source_row, source_language):
        """A filled cell of a synchronised column must say what the source says."""
        errors = []
        for name, value in values.items():
            if name in (*TEXTS, "external_id") or raw.get(name) in (None, "", []):
                continue
            if self.importer._changes(source_row, {name: value}):
                errors.append(
                    _(
                        "%(column)s: a translation takes this from the experience in "
                        "%(language)s; leave the cell empty or give the same value"
                    )
                    % {"column": name, "language": source_language}
                )
        if errors:
            raise RowError(errors)

    def _may_change(self, page, source, locale):
        """Refuse rows that would overwrite work a translator or reviewer has in hand."""
        language = locale.get_display_name()
        synced = Translation.objects.filter(
            source__object_id=source.translation_key,
            target_locale=locale,
            enabled=True,
        ).exists()
        if not synced:
            raise RowError(
                [
                    _(
                        "language: the %(language)s page is no longer synced with its source; "
                        "change it in the admin"
                    )
                    % {"language": language}
                ]
            )
        if WorkflowState.objects.active().for_instance(page).exists():
            raise RowError(
                [
                    _(
                        "language: the %(language)s translation is in review; finish the "
                        "review, then import again"
                    )
                    % {"language": language}
                ]
            )
        if self.importer.publish and page.has_unpublished_changes:
            raise RowError(
                [
                    _(
                        "language: the %(language)s translation has a draft in progress; "
                        "publish or discard it in the admin, then import again"
                    )
                    % {"language": language}
                ]
            )

    def _write(self, source_page, locale, texts, new):
        source, _created = TranslationSource.update_or_create_from_instance(source_page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        segments = {
            segment.context.path: segment
            for segment in StringSegment.objects.filter(
                source=source, context__path__in=[*TEXTS, "slug"]
            ).select_related("context")
        }
        if new and "slug" in segments and texts.get("title"):
            # Wagtail would keep the source's slug: the address reads in the page's language.
            parent = source_page.get_parent().get_translation_or_none(locale)
            slug = slugify(texts["title"], allow_unicode=True)[:200] or source_page.slug
            texts["slug"] = find_available_slug(parent, slug) if parent else slug
        for path, text in texts.items():
            if path in segments and text:
                StringTranslation.objects.update_or_create(
                    translation_of_id=segments[path].string_id,
                    locale=locale,
                    context_id=segments[path].context_id,
                    defaults={
                        "data": StringValue.from_plaintext(text).data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "tool_name": TOOL,
                        "last_translated_by": None,
                        "has_error": False,
                        "field_error": "",
                    },
                )
        page = save_draft(translation)
        if self.importer.publish:
            page.get_latest_revision().publish()
