"""The experiences whose completeness score is low, for the editorial dashboard."""

from wagtail.models import Locale

from repository.models import ExperiencePage

LOW_COMPLETENESS = 50  # percent of the recommended fields


def low_completeness(section=None, threshold=LOW_COMPLETENESS, limit=50, visible=None):
    """[(page, score, missing labels)] of source-language experiences below `threshold`,
    least complete first. Facts are shared by translations, so the source speaks for all.
    `visible`: the page ids the reader may see (`translation_status.visible_sources`)."""
    pages = (
        ExperiencePage.objects.filter(locale=Locale.get_default())
        .select_related("hero_image", "country", "government_level")
        .prefetch_related("topics", "mechanisms", "target_groups", "organisations")
        .order_by("path")
    )
    if section:
        pages = pages.filter(path__startswith=section)
    if visible is not None:
        pages = pages.filter(pk__in=visible)
    found = []
    for page in pages:
        score, missing = page.completeness
        if score < threshold:
            found.append((page, score, missing))
    found.sort(key=lambda item: item[1])
    return found[:limit]
