"""What changed in the source since a translator last translated it (wagtail-localize #502, #657).

wagtail-localize keeps translations per source string: when the source's words change, the
segment has a new string with no translation, and the editor shows it as new, with nothing of
what was there before. The old string and its translation are still there, in the same
context (the same field or block). For each such segment the translator is shown the old
source, the new one with the words that changed marked, and the previous translation to
start from."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail_localize.models import StringSegment, StringTranslation

TAGS = re.compile(r"<[^>]+>")
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class SourceChange:
    field: str
    before: str
    now: str
    previous_translation: str
    translated_by: str
    translated_at: object

    @property
    def marked(self):
        """The new source with removed words struck and added words marked."""
        return word_diff(self.before, self.now)


def _text(data):
    return TAGS.sub("", data)


def word_diff(before, now):
    # Words, punctuation and spaces compared apart: "Lyonesse" -> "Lyonesse, 2019" adds
    # ", 2019" rather than replacing a word.
    old, new = TOKENS.findall(before), TOKENS.findall(now)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append(format_html("<del>{}</del>", "".join(old[i1:i2])))
        if op in ("replace", "insert"):
            parts.append(format_html("<ins>{}</ins>", "".join(new[j1:j2])))
        if op == "equal":
            parts.append(format_html("{}", "".join(old[i1:i2])))
    return format_html_join(mark_safe(""), "{}", ((part,) for part in parts))


def _field_label(model, path):
    name = path.split(".")[0]
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # a block or a field wagtail-localize names its own way
        return name.replace("_", " ").capitalize()


def source_changes(translation):
    """The segments of `translation` whose source changed since they were translated."""
    source = translation.source
    segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    translated = {}
    for item in (
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=translation.target_locale
        )
        .select_related("translation_of", "last_translated_by")
        .order_by("updated_at")
    ):
        translated.setdefault(item.context_id, {})[item.translation_of_id] = item
    model = source.specific_content_type.model_class()
    changes = []
    for segment in segments:
        in_context = translated.get(segment.context_id, {})
        if segment.string_id in in_context or not in_context:
            continue  # up to date, or never translated
        previous = list(in_context.values())[-1]  # the latest translation of this field
        by = previous.last_translated_by
        changes.append(
            SourceChange(
                field=_field_label(model, segment.context.path),
                before=_text(previous.translation_of.data),
                now=_text(segment.string.data),
                previous_translation=_text(previous.data),
                translated_by=(by.get_full_name() or by.get_username()) if by else "",
                translated_at=previous.updated_at,
            )
        )
    return changes
