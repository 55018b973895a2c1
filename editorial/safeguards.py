"""No translator's work is lost when a translation's sync is stopped, restarted or deleted.

wagtail-localize keeps a synced translation's words as string translations, and rebuilds the
page from them at every sync. Three known ways to lose work, and what the site does:

- Restarting the sync of a translation edited by hand (wagtail-localize #876): the hand edits
  are read back from the page into the string translations before the sync restarts, so the
  next sync rebuilds the page with them. Edits that fit no segment of the source (a block the
  translator added) cannot be kept: the coordinator is shown them and asked first.
- Stopping the sync (#607): a stopped translation is the translator's own page; neither the
  background sync nor "Sync translated pages" touches it (both take enabled translations only).
- Deleting a translation (#402): WAGTAILLOCALIZE_DISABLE_ON_DELETE keeps its string
  translations, so translating the page again into that language brings the work back."""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


@dataclass
class ManualEdits:
    kept: list = field(default_factory=list)  # (string segment, text written on the page)
    lost: list = field(default_factory=list)  # texts on the page that match no source segment


def manual_edits(translation, page):
    """What the page says that its string translations do not, segment by segment."""
    segments = {
        segment.context.path: segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    current = {
        (item.translation_of_id, item.context_id): item.data
        for item in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        )
    }
    edits = ManualEdits()
    for value in extract_segments(page.specific):
        if not isinstance(value, StringSegmentValue):
            continue
        text = value.string.data
        segment = segments.get(value.path)
        if segment is None:
            edits.lost.append(value.string.render_text())
        elif current.get((segment.string_id, segment.context_id)) != text:
            edits.kept.append((segment, text))
    return edits


@transaction.atomic
def keep_manual_edits(translation, edits, user):
    """Record the page's hand edits as the translations of their segments."""
    for segment, text in edits.kept:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
