from django import template
from django.utils.translation import get_language_info

from ..admin_access import may_manage_sync
from ..aids import source_changes
from ..review import review_for

register = template.Library()


@register.inclusion_tag("editorial/includes/review_bar.html", takes_context=True)
def review_bar(context, translation, instance):
    """The review of a translated page, above wagtail-localize's editor (editorial/review.py)."""
    request = context["request"]
    review = review_for(instance, request.user) if hasattr(instance, "get_workflow") else None
    return {
        "review": review,
        "translation": translation,
        # "the French translation" in the editor's own language (the locale says "Français").
        "language": get_language_info(translation.target_locale.language_code)["name_translated"],
        "changes": source_changes(translation),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def may_manage_translation_sync(context):
    return may_manage_sync(context["request"].user)
