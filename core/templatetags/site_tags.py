from django import template
from django.conf import settings

from core.i18n import alternates, home_page
from home.models import FooterText, NavigationMenu

register = template.Library()


@register.simple_tag(takes_context=True)
def page_alternates(context):
    request = context.get("request")
    if request is None:
        return []
    return alternates(
        request,
        page=context.get("page"),
        translatable_view=context.get("translatable_view", False),
    )


@register.simple_tag
def default_language():
    return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def site_home(context):
    request = context.get("request")
    return home_page(request) if request is not None else None


@register.inclusion_tag("components/menu.html", takes_context=True)
def navigation_menu(context, location, label):
    menu = NavigationMenu.for_location(location)
    links = [link for link in (item.link() for item in menu.items.all()) if link] if menu else []
    request = context.get("request")
    return {
        "links": links,
        "label": label,
        "location": location,
        "current_path": request.path if request else "",
    }


@register.simple_tag
def footer_text():
    return FooterText.for_active_locale()
