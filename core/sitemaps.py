"""sitemap.xml: every live public page of every enabled language, each with the addresses of
its translations as hreflang alternates (the same set the page's own <head> announces)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page

from .privacy import public

FIELDS = ("id", "path", "depth", "url_path", "translation_key", "last_published_at", "locale")


def _indexable(queryset):
    languages = [code for code, _name in settings.LANGUAGES]
    return (
        public(queryset.live())
        .filter(depth__gt=1, locale__language_code__in=languages)
        .select_related("locale")
        .only(*FIELDS, "locale__language_code")
    )


class PageSitemap(Sitemap):
    # Well under the protocol's 50,000 URLs: alternates make each entry several lines long.
    limit = 2000

    def __init__(self, request):
        self.request = request

    def items(self):
        return _indexable(Page.objects.all()).order_by("path")

    def lastmod(self, page):
        return page.last_published_at

    def _path(self, page):
        # One site serves every language; a multi-site setup would return absolute URLs.
        url = page.get_url(self.request)
        return urlsplit(url).path if url else None

    def _urls(self, page_number, protocol, domain):
        pages = list(self.paginator.page(page_number).object_list)
        translations = {}
        for translation in _indexable(
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        ):
            path = self._path(translation)
            if path:
                translations.setdefault(translation.translation_key, {})[
                    translation.locale.language_code
                ] = f"{protocol}://{domain}{path}"
        urls = []
        for page in pages:
            path = self._path(page)
            if path is None:  # not under any site's root
                continue
            versions = translations.get(page.translation_key, {})
            alternates = [
                {"lang_code": code, "location": versions[code]}
                for code, _name in settings.LANGUAGES
                if code in versions
            ]
            if len(alternates) > 1 and settings.LANGUAGE_CODE in versions:
                alternates.append(
                    {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
                )
            urls.append(
                {
                    "item": page,
                    "location": f"{protocol}://{domain}{path}",
                    "lastmod": page.last_published_at,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls


# Sections of addresses that are not pages (a member's profile under the directory), declared
# by their apps in ready(): name -> Sitemap class taking the request.
_sections = {}


def register(name, sitemap_class):
    _sections[name] = sitemap_class


def _all(request):
    return {
        "pages": PageSitemap(request),
        **{name: cls(request) for name, cls in _sections.items()},
    }


def sitemap_index(request):
    return sitemap_views.index(request, _all(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _all(request), section=section)
