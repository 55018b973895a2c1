from babel.numbers import format_currency, format_decimal
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, to_locale

from core import seo
from core.i18n import (
    alternates,
    fallback_language,
    home_url,
    lang_attribute,
    source_lang_attribute,
    untranslated,
)
from core.locales import default_locale

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


@register.simple_tag(takes_context=True)
def translation_fallback(context):
    """Names of the visitor's language and the page's when they differ (no translation yet)."""
    return fallback_language(context.get("page"))


@register.simple_tag(takes_context=True)
def content_lang(context, field=None, block=None):
    """` lang="en"` on an element holding the page's own words when they are not in the
    visitor's language: the whole page when it has no translation yet, else the `field` (or its
    StreamField `block`) a partly translated page still shows in its source's words."""
    page = context.get("page")
    fallback = fallback_language(page)
    if fallback:
        return format_html(' lang="{}"', fallback["code"])
    if field:
        key = f"{field}:{block.id}" if block is not None else field
        if key in untranslated(page):
            return format_html(' lang="{}"', default_locale().language_code)
    return ""


@register.simple_tag
def source_lang():
    """` lang="en"` on words written in the source language, for a visitor of another."""
    return source_lang_attribute()


@register.simple_tag(name="lang_attribute")
def lang_attribute_tag(language):
    """` lang="xx"` on words written in `language`, for a visitor of another."""
    return lang_attribute(language)


@register.simple_tag
def default_language():
    return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def site_home_url(context):
    request = context.get("request")
    return home_url(request) if request is not None else "/"


def _babel_locale():
    return to_locale(get_language() or settings.LANGUAGE_CODE)


@register.filter
def money(amount, currency):
    """An amount in its currency, written the way the visitor's language writes money."""
    if amount is None or not currency:
        return ""
    return format_currency(amount, currency, locale=_babel_locale())


@register.filter
def number(value):
    """A whole number with the visitor's language's digit grouping."""
    if value is None:
        return ""
    return format_decimal(value, locale=_babel_locale())


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context):
    """Canonical URL, Open Graph, Twitter card and JSON-LD for the page or view being shown."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    if not hasattr(page, "structured_data"):
        page = None
    title = context.get("social_title") or (page and (page.seo_title or page.title)) or ""
    description = (page and (page.search_description or page.listing_summary)) or ""
    image = page.sharing_image if page is not None else None
    fallback = fallback_language(page) if page is not None else None
    data = page.structured_data(request) if page is not None else None
    if context.get("listed"):
        # An index, a collection or search results: what this view lists, in order.
        listed = seo.listing_data(request, page, title, context["listed"])
        data = [*(data if isinstance(data, list) else [data] if data else []), listed]
    return {
        "canonical": seo.canonical_url(request, page),
        "title": title,
        "description": description,
        "image": seo.image_url(request, image),
        "image_alt": getattr(image, "title", ""),
        "og_type": page.og_type if page is not None else "website",
        # A page shown in another language than the visitor's (no translation yet) is in its own.
        "locale": seo.og_locale(fallback["code"] if fallback else None),
        "json_ld": seo.json_ld(data),
    }
