"""Translate pages and snippets programmatically through wagtail-localize, exactly the way
translators do in the editor or with a PO file, so that synchronisation keeps working."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog, TranslationSource


class MissingStrings(Exception):
    def __init__(self, language, strings):
        super().__init__(f"no {language} translation for: {strings}")
        self.strings = strings


@transaction.atomic
def translate(instance, locale, strings):
    """Create or update the translation of `instance` into `locale` and publish it.

    `strings` maps each source segment (as wagtail-localize extracts it) to its translation;
    a missing one raises MissingStrings before anything is saved.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise MissingStrings(locale.language_code, missing)
    translation.import_po(po)
    if isinstance(instance, Page):
        # wagtail-localize would publish when the transaction commits: too late for a parent
        # whose children are translated in the same transaction (its tree data would be reset).
        translation.save_target(publish=False)
        instance.get_translation(locale).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return instance.get_translation(locale)


def save_draft(translation, user=None):
    """Save a page's translated strings as a new draft revision of its translation, and
    answer the translated page.

    wagtail-localize's `save_target(publish=False)` also writes the page row, which is what
    visitors read: on a live translation, unreviewed words would be online at once. A live
    page gets a revision only; a translation that is not live yet is made by save_target,
    unpublished."""
    source, locale = translation.source, translation.target_locale
    try:
        live = source.get_translated_instance(locale).live
    except ObjectDoesNotExist:
        live = False
    if not live:
        translation.save_target(user=user, publish=False)
        return source.get_translated_instance(locale)
    updated = source.get_ephemeral_translated_instance(locale, fallback=True)
    revision = updated.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return updated
