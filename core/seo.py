"""What search engines and social networks read about a page: canonical URL, Open Graph,
Twitter cards and schema.org JSON-LD.

A page type describes itself by overriding `BasePage.structured_data(request)` and, when it has
its own picture, `BasePage.sharing_image`. Everything here builds absolute URLs from the request,
so the same page answers correctly behind any host name.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, to_locale

SHARING_RENDITION = "fill-1200x630"

# Editors type these texts; inside <script> they must not close the element or open a comment.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def image_url(request, image, spec=SHARING_RENDITION):
    """Absolute URL of a rendition of `image`, or "" when there is none."""
    if image is None:
        return ""
    # The link preview and the structured data name the same picture: one lookup, not one each
    # (a query each where renditions are not cached in memory).
    urls = image.__dict__.setdefault("_sharing_urls", {})
    if spec not in urls:
        urls[spec] = image.get_rendition(spec).url
    return absolute(request, urls[spec])


def canonical_url(request, page=None):
    """The address this content should be known by: the page's own URL, without query string."""
    # Built from the request like the hreflang alternates, so the two always agree.
    if page is not None:
        url = page.get_url(request)
        # A routable page's sub-view (a member's profile) names its own address.
        url = url and url + getattr(page, "canonical_subpath", "")
        return absolute(request, url) or absolute(request, request.path)
    return absolute(request, request.path)


# Functions (request) -> {property: value} adding what the site's settings say of the
# observatory (its logo, address, profiles): the app keeping those settings registers one in its
# ready() (home/apps.py), so this shared module imports no feature app.
_organization_details = []


def organization_details(function):
    _organization_details.append(function)
    return function


def organization(request):
    """schema.org Organization of the observatory."""
    data = {
        "@type": "Organization",
        "name": gettext("International Observatory on Participatory Democracy"),
        "alternateName": "IOPD",
        "url": absolute(request, "/"),
    }
    for details in _organization_details:
        data.update(details(request))
    return data


def listing(items, start=0, total=None, kind="CollectionPage", name=""):
    """What a list view shows, for `social_meta` to describe as a schema.org `kind` whose
    main entity is an ItemList: `items` have a `url` and a `title` each (pages, search hits),
    `start` is how many come before them on earlier pages, `total` how many there are in all,
    `name` the view's name when it is not its page's title."""
    items = [(item.url, item.title) for item in items]
    total = len(items) if total is None else total
    return {"kind": kind, "items": items, "start": start, "total": total, "name": name}


def paginated_listing(page_obj):
    """`listing` for one page of a Django paginator over pages."""
    start = page_obj.start_index() - 1 if page_obj.object_list else 0
    return listing(page_obj.object_list, start, page_obj.paginator.count)


def search_listing(results, page_obj, name):
    """`listing` for one page of search results (`page_obj` from search.views.paginator_for)."""
    start = page_obj.start_index() - 1 if results.hits else 0
    return listing(results.hits, start, results.total, "SearchResultsPage", name)


def listing_data(request, page, name, listed):
    items = [
        {
            "@type": "ListItem",
            "position": listed["start"] + number,
            "url": absolute(request, url),
            "name": title,
        }
        for number, (url, title) in enumerate(listed["items"], start=1)
    ]
    data = {
        "@type": listed["kind"],
        "url": canonical_url(request, page),
        "name": listed["name"] or name,
        "inLanguage": get_language(),
    }
    if items:  # an empty view lists nothing
        data["mainEntity"] = {
            "@type": "ItemList",
            "numberOfItems": listed["total"],
            "itemListElement": items,
        }
    return data


def json_ld(data):
    """A <script type="application/ld+json"> element; safe for any text an editor typed."""
    if not data:
        return ""
    if isinstance(data, list):
        data = {"@context": "https://schema.org", "@graph": data}
    else:
        data = {"@context": "https://schema.org", **data}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def og_locale(code=None):
    """Open Graph's language_TERRITORY form: `OG_LOCALES` where the site says (its English is
    British), else the territory CLDR deems likeliest for the language (fr_FR, es_ES)."""
    from babel.core import Locale, UnknownLocaleError, get_global
    from django.conf import settings

    code = code or get_language() or "en"
    if code in getattr(settings, "OG_LOCALES", {}):
        return settings.OG_LOCALES[code]
    if "-" in code:
        return to_locale(code)  # en-gb → en_GB
    try:
        likely = Locale.parse(get_global("likely_subtags").get(code, code))
    except (UnknownLocaleError, ValueError):
        return code
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language
