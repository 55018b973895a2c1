"""What every page's frame shows from the site's own settings: its menus, footer and logo."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core import sitecache

from ..models import FooterText, NavigationMenu, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_menu(context, location, label):
    """The menu at `location` as a labelled navigation, the visitor's page marked current.
    Written here, not by a template: every page shows two menus."""
    request = context.get("request")

    def compute():
        menu = NavigationMenu.for_location(location)
        return menu.links(request) if menu else []

    links = sitecache.cached(request, f"menu:{location}", compute)
    if not links:
        return ""
    current = request.path if request else ""
    items = format_html_join(
        "",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (url, mark_safe(' aria-current="page"') if url == current else "", text)
            for url, text in links
        ),
    )
    return format_html(
        '<nav class="menu menu--{}" aria-label="{}"><ul>{}</ul></nav>', location, label, items
    )


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
