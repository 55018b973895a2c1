"""The active and default locales without a query per use.

Wagtail's Locale.get_active() queries the database each time; a page shows many translated
things (menus, terms, footer), so the answers come from the site cache and are kept for the
duration of one request."""

from contextvars import ContextVar

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path
from wagtail.models import Locale

from . import sitecache

_request_cache: ContextVar[dict | None] = ContextVar("iopd_locale_cache", default=None)


def _cached(key, lookup):
    cache = _request_cache.get()
    if cache is None:
        return lookup()
    if key not in cache:
        cache[key] = lookup()
    return cache[key]


def active_locale():
    return _cached(
        ("active", get_language()),
        lambda: sitecache.cached(None, "locale:active", Locale.get_active, reference=True),
    )


def default_locale():
    return _cached(
        "default",
        lambda: sitecache.cached(
            None, "locale:default", Locale.get_default, per_language=False, reference=True
        ),
    )


class LocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_cache.set({})
        try:
            return self.get_response(request)
        finally:
            _request_cache.reset(token)


def in_visitor_language(queryset):
    """The object of `queryset` in the visitor's language, else the default language's one."""
    active, default = active_locale(), default_locale()
    found = {item.locale_id: item for item in queryset.filter(locale__in=[active.pk, default.pk])}
    return found.get(active.pk) or found.get(default.pk)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 from a view outside the language prefixes (the API, the
    sitemap) stays a 404: Django would redirect it to /<lang>/..., where Wagtail's catch-all
    answers for any path."""

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and get_language_from_path(request.path_info) is None
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


def in_default_language(instance):
    """The default language's version of a translatable `instance` (itself when it is in it,
    or when it has none): the row that facts such as candidacies and links belong to."""
    default = default_locale()
    if instance.locale_id == default.pk:
        return instance
    model = type(instance)
    return (
        model.objects.filter(translation_key=instance.translation_key, locale=default).first()
        or instance
    )


def languages_edited_by(user):
    """The language codes whose translatable admin listings `user` works in, or None for all.

    The roles that narrow it live in feature apps (translators, in editorial), which answer
    through the `languages_edited_by` hook; listings in lower apps (taxonomy terms) ask here."""
    from wagtail import hooks

    for hook in hooks.get_hooks("languages_edited_by"):
        languages = hook(user)
        if languages is not None:
            return languages
    return None
