"""Whole pages for anonymous visitors, kept in the shared cache under the site cache's
generation (core/sitecache.py): a page save, publish, unpublish, move, privacy change, term,
menu, footer, settings or member change starts a new generation, so nothing stale is served,
and each language's address is its own entry.

Only a live, public page served by Wagtail to a request without a session is kept, and only
when its response sets no cookie, holds no CSRF token and says nothing against caching. A hit
is answered before the session, the user or the database are looked at. An address with a
query string is kept only when its page vouches for it (`accept_query`: a listing's one-filter
views, a bounded set), so whatever a robot appends never fills the cache. Entries also expire
after PAGE_CACHE_TIMEOUT seconds: the agenda and the home page's upcoming events move with
the clock, not with a save."""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from . import httpcache, privacy, sitecache

HEADER = "X-Page-Cache"


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_TIMEOUT > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # signed in, or unlocked
    )


def _key(request):
    """The entry's key: its address. The entry holds the generation it was made in and is
    served only in that one, so a hit reads both at once (one query on the database cache)."""
    address = f"{request.get_host()}{request.path}"
    if query := request.META.get("QUERY_STRING"):
        # One entry for ?a=1&b=2 and ?b=2&a=1.
        address += "?" + urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    digest = hashlib.sha1(address.encode()).hexdigest()
    return f"iopd:page:{digest}"


def _cacheable_response(request, response):
    page = getattr(request, "_page_cache_page", None)
    if page is None or request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & {"private", "no-cache", "no-store"}:
        return False
    # The key is the address alone: an answer that varies with a request header the key does not
    # hold (the catalogue's format by Accept) would be served to clients that asked otherwise.
    varies = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    if varies - {"cookie", "accept-encoding", "accept-language"}:
        return False
    if b"csrfmiddlewaretoken" in response.content:
        return False
    if request.META.get("QUERY_STRING") and not getattr(request, "_page_cache_query", False):
        return False
    return page.live and privacy.is_public(page) and not getattr(request, "is_preview", False)


def mark(page, request):
    """Called as Wagtail serves `page`: the response may be kept if all else allows it."""
    request._page_cache_page = page


def accept_query(request):
    """Called by a page whose answer to this query string may be kept: a view of a bounded set
    (one filter of a listing, a page of it), never one a visitor can vary without end."""
    request._page_cache_query = True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        generation, stored = sitecache.generation_with(key)
        if stored is not None and stored[0] == generation:
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            if httpcache.changes_with_clock(request, response):
                headers.append((httpcache.CLOCK, "1"))
            # The generation the page was rendered in, read at its start: a change saved
            # meanwhile started a new one, so this entry is never served as current.
            entry = (generation, response.status_code, headers, response.content)
            cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
            response[HEADER] = "miss"
        return response
