"""Cache-Control and validators (ETag, Last-Modified) on what every visitor is served alike:
public pages, their feeds, iCal and exports, the search's exports and the API. Browsers and
proxies keep these a short while, then revalidate; an answer that has not changed is a 304
without a body, taken from the page cache when it holds the page (no query then).

- ETag: a hash of the body, so it changes exactly when what the page shows changes, the
  clock included (the agenda); a streamed export is hashed by the site cache's generation and
  its address instead, since its body is not read before it is sent.
- Last-Modified: when the site cache's generation began, that is the last change of anything
  a page may show (core/sitecache.py), for clients that send only If-Modified-Since. Not on
  a page whose content moves with the clock (`changes_with_clock`: the agenda, the home
  page's upcoming events, an event that is over, an award's status): a client holding an
  old copy would be told it had not changed, as no save marks the moment. ETag only there.

Anything personal never carries a header a shared cache may act on: a private page, a page
behind a password, a form with a CSRF token, a response setting a cookie, or any request with
a session (an editor, a visitor who unlocked a page) is `private`."""

import hashlib

from django.conf import settings
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.translation import get_language

from . import privacy, sitecache

# Set on a page's response kept in the page cache (core/pagecache.py), whose hits no longer
# know the page; never sent to the client.
CLOCK = "X-Changes-With-Clock"


def changes_with_clock(request, response):
    page = getattr(request, "_page_cache_page", None)
    return bool(getattr(page, "changes_with_clock", False) or response.has_header(CLOCK))


def shared(request):
    """Called by a view whose answer is the same for everyone who asks (public data only)."""
    request._http_shared = True


def _directives(response):
    return {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}


def _personal(request, response):
    """The response belongs to one visitor, whatever the page."""
    return bool(
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or _directives(response) & {"private", "no-store"}
        or (not response.streaming and b"csrfmiddlewaretoken" in response.content)
    )


def _policy(request, response):
    """ "public", "private", "secret" (never kept) or None (not ours to say)."""
    page = getattr(request, "_page_cache_page", None)  # core/pagecache.py
    if page is not None and (
        not page.live or not privacy.is_public(page) or getattr(request, "is_preview", False)
    ):
        return "secret"
    if _personal(request, response):
        return "private"
    if page is not None or hasattr(request, "_http_shared") or response.get("X-Page-Cache"):
        return "public"
    return None


def _etag(request, response):
    if not response.streaming:
        set_response_etag(response)
        return
    address = f"{sitecache.generation()}|{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha1(f"{address}|{get_language()}".encode()).hexdigest()
    response["ETag"] = f'W/"{digest}"'


class HttpCacheMiddleware:
    """Outside the page cache, so that a page it holds is revalidated without a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        clock = changes_with_clock(request, response)
        if response.has_header(CLOCK):
            del response[CLOCK]
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        policy = _policy(request, response)
        if policy == "secret":
            patch_cache_control(response, private=True, no_store=True)
        elif policy == "private":
            patch_cache_control(response, private=True, no_cache=True)
        elif policy == "public":
            # Browsers ask again every time (a 304 when nothing changed): a visitor who saw a
            # page a minute ago sees what an editor has just published. Shared caches may keep
            # it HTTP_CACHE_MAX_AGE seconds, or until purged (core/frontcache.py).
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.HTTP_CACHE_MAX_AGE,
            )
            _etag(request, response)
            modified = None if clock else sitecache.generation_time()
            if modified is not None:
                response["Last-Modified"] = http_date(modified)
            answer = get_conditional_response(
                request, etag=response["ETag"], last_modified=modified, response=response
            )
            # The 304 replaces the response unread: a streamed export's rows are never read.
            # (Closing it here would end the request early: Django's request_finished.)
            return answer
        return response
