from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import get_language_info

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
            "all_languages": [
                (code, get_language_info(code)["name_translated"])
                for code, _n in settings.LANGUAGES
            ],
            "sections": sorted(sections.items(), key=lambda item: item[1]),
            "states": STATES,
            "selected": {"language": language, "section": section, "state": state},
            "incomplete": low_completeness(section, visible=visible),
            "low_completeness": LOW_COMPLETENESS,
        },
    )
