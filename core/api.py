"""The public read API (Wagtail API v2 at /api/v2/): live public pages of every enabled language,
each type exposing only the fields listed in its `api_fields` (see core/api_fields.py).

Unlike Wagtail's default, a session that passed a password or logged in sees no more than an
anonymous reader: the API answers the same for everyone, so it can never leak a private page.

Its addresses name the host the reader asked for (Wagtail's name the Site record's, `localhost`
in the demo); `search` answers in one language (`locale`, else the default one), and
`find/?html_path=` reads the language prefix of the address it is given."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageParentField, PageSerializer, get_serializer_class
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Site

from . import httpcache
from .api_fields import OnRequestHost
from .privacy import public
from .text import plain_words


class DetailUrlField(OnRequestHost):
    def get_attribute(self, instance):
        router = self.context["router"]
        return self.absolute(router.get_object_detail_urlpath(type(instance), instance.pk))


class HtmlUrlField(OnRequestHost):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.absolute(page.get_url(self.context["request"]))


class ParentField(PageParentField):
    def to_representation(self, value):
        # Wagtail builds the parent with its own PageSerializer, whose addresses are the Site's.
        serializer_class = PublicPageSerializer.nested(type(value))
        return serializer_class(context=self.context).to_representation(value)


class PublicPageSerializer(PageSerializer):
    detail_url = DetailUrlField(read_only=True)
    html_url = HtmlUrlField(read_only=True)
    parent = ParentField(read_only=True)

    @classmethod
    def nested(cls, model):
        return get_serializer_class(
            model,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=cls,
        )


class LanguageSearchFilter(SearchFilter):
    """Searches one language: the `locale` asked for (applied before), else the default.

    The backend reads plain text, and SQLite's (the demo's) fails on a stray quote: it is given
    the query's words only. A query of no word lists everything, as site search does."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if "locale" not in request.GET:
            queryset = queryset.filter(locale=Locale.get_default())
        words = plain_words(request.GET["search"])
        if not words:
            return queryset
        cleaned = request.GET.copy()
        cleaned["search"] = words
        request._request.GET = cleaned  # what Wagtail's filter reads
        return super().filter_queryset(request, queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    filter_backends = [*PagesAPIViewSet.filter_backends[:-1], LanguageSearchFilter]

    def dispatch(self, request, *args, **kwargs):
        httpcache.shared(request)  # the same answer for everyone (see above)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        languages = [code for code, _name in settings.LANGUAGES]
        # By locale id, a field the search index can filter on (a language code is not).
        locales = Locale.objects.filter(language_code__in=languages).values_list("pk", flat=True)
        return public(super().get_base_queryset()).filter(locale_id__in=list(locales))

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            page = page_at(request, request.GET["html_path"])
            return queryset.filter(pk=page.pk).first() if page else None
        return super().find_object(queryset, request)

    def find_view(self, request):
        response = super().find_view(request)
        # Wagtail's redirect names the Site record's host; the same path on the host asked for.
        parts = urlsplit(response["Location"])
        response["Location"] = request.build_absolute_uri(f"{parts.path}?{parts.query}")
        return response


def page_at(request, path):
    """The page served at a public address, or None. Its first part is the language prefix,
    and the rest is routed from that language's home as the site routes it (a page not yet
    translated is found in its source language, as visitors are shown it)."""
    code, *components = [part for part in path.split("/") if part] or [""]
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=code).first()
    if site is None or locale is None or code not in dict(settings.LANGUAGES):
        return None
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return None
    with translation.override(code):
        try:
            return home.specific.route(request, components)[0]
        except Http404:
            return None


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
