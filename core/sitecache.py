"""Things every page needs that rarely change (menus, footer, locales, which subtrees are
private, the home page's address), cached per site and language.

Any save or delete of a watched model starts a new cache generation, so nothing stale is
served: apps declare in `ready()` which of their models the cached answers depend on."""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from .deferral import Deferral

GENERATION_KEY = "iopd:site:generation"
TIMEOUT = 60 * 60 * 24

_watched: set[type] = {Page, PageViewRestriction, Site, Locale}


def watch(*models):
    _watched.update(models)
    connect()


def _generation():
    # A random token, not a counter: a counter evicted from the cache would restart at a
    # number whose old entries may still be there.
    return cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None)


_sites: dict = {}


def site_for_request(request):
    """Wagtail's Site.find_for_request without its query on every request: the site of a host
    and port is remembered in the process until a site or page changes. It is also left where
    Wagtail's own lookup finds it, so Wagtail does not ask the database again either."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        key = (_generation(), request.get_host(), request.get_port())
        if key not in _sites:
            if len(_sites) > 100:  # other generations, or hosts no site answers for
                _sites.clear()
            _sites[key] = Site.find_for_request(request)
        else:
            request._wagtail_site = _sites[key]
    return Site.find_for_request(request)


def _key(request, name, per_language):
    site = site_for_request(request)
    language = get_language() if per_language else "-"
    return f"iopd:site:{_generation()}:{site.pk if site else 0}:{language}:{name}"


def cached(request, name, compute, per_language=True):
    key = _key(request, name, per_language)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _bump():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate(**kwargs):
    if (pending := deferral.pending()) is not None:
        pending.append(True)
        return
    # Once now, and again after commit: a request that read the old rows while the
    # transaction was open must not keep its stale answer under the new generation.
    _bump()
    transaction.on_commit(_bump)


# For bulk work (an import): saves are only noted, and one new generation follows.
deferral = Deferral("sitecache", list, lambda saves: saves and invalidate(), on_error=True)


def _model_changed(sender, **kwargs):
    invalidate()


def connect():
    """Listen to saves and deletes of the watched models and their concrete subclasses.

    Receivers are connected per model, not for every model: a catch-all post_delete receiver
    would stop Django from deleting any other model's rows in bulk."""
    for model in apps.get_models():
        if issubclass(model, tuple(_watched)):
            post_save.connect(_model_changed, sender=model, dispatch_uid=f"sitecache:{model}")
            post_delete.connect(_model_changed, sender=model, dispatch_uid=f"sitecache-d:{model}")


# Publishing and unpublishing save the page, which post_save already covers; a move may not.
post_page_move.connect(invalidate)
