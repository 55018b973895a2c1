import json

from django import template
from django.apps import apps
from django.utils.translation import get_language_info
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page
from wagtail_localize.views.edit_translation import user_can_edit_instance

from core.i18n import language_in_text

from .. import snippet_review
from ..admin_access import limits, may_edit_language, may_manage_sync, may_open
from ..aids import source_changes
from ..review import review_for

register = template.Library()


@register.inclusion_tag("editorial/includes/review_bar.html", takes_context=True)
def review_bar(context, translation, instance):
    """The review of a translated page, above wagtail-localize's editor (editorial/review.py)."""
    request = context["request"]
    if isinstance(instance, Page):
        review = review_for(instance, request.user)
    else:
        review = snippet_review.review_for(translation, instance, request.user)
    return {
        "review": review,
        "translation": translation,
        # "the French translation" in the editor's own language (the locale says "Français").
        "language": language_in_text(translation.target_locale.language_code),
        "changes": source_changes(translation),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def editor_props(context, props, instance):
    """wagtail-localize's editor offers "Publish" on every snippet it translates; a translator's
    words go through the review bar instead (editorial/snippet_review.py)."""
    if isinstance(instance, Page) or snippet_review.publishes_directly(context["request"].user):
        return props
    data = json.loads(props)
    data["perms"]["canPublish"] = False
    return json.dumps(data)


@register.simple_tag(takes_context=True)
def editable_languages(context, instance, source_translation, translations):
    """wagtail-localize's header links to the source and to the other translations, less the
    links to editors the person may not open: a French translator reads the English source in
    the translation editor itself, and was sent to a refusal by its "English" link."""
    user = context["request"].user
    finder = AdminURLFinder()
    editable = {
        finder.get_edit_url(translated): get_language_info(translated.locale.language_code)[
            "name_translated"
        ]
        for translated in instance.get_translations().select_related("locale")
        if user_can_edit_instance(user, translated) and may_edit_language(user, translated)
    }
    source_url = source_translation["editUrl"]
    # The languages named in the editor's own language: the locales' names ("English",
    # "Français") read as untranslated English on a French admin page.
    source_name = get_language_info(source_translation["locale"]["code"])["name_translated"]
    target = instance.locale.language_code
    return {
        "source": {
            **source_translation,
            "editUrl": source_url if source_url in editable else None,
            "locale": {**source_translation["locale"], "displayName": source_name},
        },
        "others": [(editable[url], url) for _label, url in translations if url in editable],
        "target": {"get_display_name": get_language_info(target)["name_translated"]},
    }


@register.simple_tag(takes_context=True)
def may_manage_translation_sync(context):
    return may_manage_sync(context["request"].user)


@register.simple_tag(takes_context=True)
def permitted_bulk_actions(context, app_label, model_name, objects=None):
    """Wagtail's bulk action buttons, less those the user may take on none of the listed
    objects: Wagtail offers every action to everyone and refuses them object by object after
    the choice (templates/wagtailadmin/bulk_actions/footer.html)."""
    choices = bulk_action_choices(context, app_label, model_name)
    if objects is None:
        return choices["buttons"]
    request, model = context["request"], apps.get_model(app_label, model_name)
    objects = list(objects)
    actions = [
        action_class(request, model)
        for action_class in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
    ]
    refused = {
        action.action_type
        for action in actions
        if not any(action.check_perm(obj) for obj in objects)
    }

    def permitted(button):
        return not any(f"/{action}/" in (button.url or "") for action in refused)

    buttons = []
    for button in choices["buttons"]:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [item for item in button.dropdown_buttons if permitted(item)]
            if not button.dropdown_buttons:
                continue
        elif not permitted(button):
            continue
        buttons.append(button)
    return buttons


@register.simple_tag(takes_context=True)
def may_open_view(context, view_name):
    """Whether the signed-in person's role opens the admin view named `view_name`."""
    allowed = limits(context["request"].user)
    return allowed is None or may_open(allowed, view_name)
