"""What every page's frame shows from the site's own settings: its menus, footer and logo."""

from django import template

from core import sitecache

from ..models import FooterText, NavigationMenu, SiteSettings

register = template.Library()


@register.inclusion_tag("components/menu.html", takes_context=True)
def navigation_menu(context, location, label):
    request = context.get("request")

    def compute():
        menu = NavigationMenu.for_location(location)
        return menu.links(request) if menu else []

    links = sitecache.cached(request, f"menu:{location}", compute)
    return {
        "links": links,
        "label": label,
        "location": location,
        "current_path": request.path if request else "",
    }


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer's text and postal address in the visitor's language."""
    return FooterText.cached_for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The site's settings (logo, contact, social links) from the cache, not a query per page."""
    request = context.get("request")
    if request is None:
        return None
    return SiteSettings.cached_for_request(request)
