"""Purges of a front-end cache (a proxy or CDN in front of the site) when pages change, through
Wagtail's frontend_cache backends, configured from FRONTEND_CACHE_URL (off when unset; see
docs/deployment.md).

Wagtail's own handlers purge a page's address and derive the other languages' by swapping the
language prefix, which misses translated slugs (/en/about/ is /fr/a-propos/). Here a publish,
unpublish, move or privacy change purges, after the transaction commits:
- the page's address in each language it is live in, with its feeds and exports
  (`get_cached_paths`);
- the same for each of its ancestors, whose listings, feeds and home page show it;
- for a move, the old addresses too; for a privacy change, every page below.
Filtered views (a query string) are not listed: they expire after HTTP_CACHE_MAX_AGE.

Any other change that empties the page cache (core/sitecache.py: a term renamed, a menu, the
footer or settings edited, a member, a framework, an image, a release...) may show on any
page, and so does a page's card once the search documents are rebuilt after its publish
(related experiences, collections): these purge everything, once per transaction, after
it commits."""

import json
import logging
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import sitecache

logger = logging.getLogger(__name__)


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(page):
    """Every address at which `page` is served, with its sub-routes."""
    page = page.specific_deferred
    url = page.get_full_url()
    if url is None:
        return set()
    return {url + path.lstrip("/") for path in page.get_cached_paths()}


def _languages(page):
    """The page and its live translations (the page itself even when just unpublished)."""
    return [page, *Page.objects.translation_of(page).live()]


def affected(page, descendants=False):
    pages = {}
    for version in _languages(page):
        pages[version.pk] = version
        for ancestor in version.get_ancestors().filter(depth__gt=1).live():
            pages[ancestor.pk] = ancestor
        if descendants:
            for below in version.get_descendants().live():
                pages[below.pk] = below
    urls = set()
    for each in pages.values():
        urls |= page_urls(each)
    return urls


def purge_after_commit(urls):
    if urls:
        urls = sorted(urls)
        transaction.on_commit(lambda: purge_urls_from_cache(urls))


def _changed(sender, instance, **kwargs):
    if enabled():
        purge_after_commit(affected(instance))


def _moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    if not enabled() or url_path_before == url_path_after:
        return
    urls = affected(instance, descendants=True) | affected(parent_page_before)
    # The old addresses: the new ones with the page's old place under the same home page.
    home = url_path_after[: url_path_after.index("/", 1) + 1]
    after, before = url_path_after[len(home) - 1 :], url_path_before[len(home) - 1 :]
    urls |= {url.replace(after, before, 1) for url in urls if after in url}
    purge_after_commit(urls)


def _restricted(sender, instance, **kwargs):
    if enabled():
        purge_after_commit(affected(instance.page, descendants=True))


def _purge_http(backend, host):
    # The docs' Varnish configuration bans every page of the host on this header.
    request = Request(
        f"{backend.cache_scheme}://{backend.cache_netloc}/",
        method="PURGE",
        headers={"Host": host, "X-Purge-All": "1"},
    )
    urlopen(request, timeout=10)


def _purge_cloudflare(backend):
    if backend.cloudflare_token:
        headers = {"Authorization": f"Bearer {backend.cloudflare_token}"}
    else:
        headers = {
            "X-Auth-Email": backend.cloudflare_email,
            "X-Auth-Key": backend.cloudflare_api_key,
        }
    request = Request(
        backend.cloudflare_purge_endpoint_url,
        data=json.dumps({"purge_everything": True}).encode(),
        headers={**headers, "Content-Type": "application/json"},
        method="POST",
    )
    urlopen(request, timeout=30)


def purge_everything():
    """Empty the front-end cache of the whole site through each configured backend."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    hosts = sorted({urlsplit(site.root_url).netloc for site in Site.objects.all()})
    for name, backend in get_backends().items():
        kind = type(backend).__name__
        try:
            if kind == "HTTPBackend":
                for host in hosts:
                    _purge_http(backend, host)
            elif kind == "CloudflareBackend":
                _purge_cloudflare(backend)
            elif kind == "CloudfrontBackend":
                backend._create_invalidation(backend.cloudfront_distribution_id, ["/*"])
            else:
                logger.warning("Front-end cache %s: no way to purge everything (%s)", name, kind)
        except Exception:
            # An editor's save never fails for it; the proxy's own expiry still applies.
            logger.warning("Front-end cache %s: purging everything failed", name, exc_info=True)


class _PurgeAfterCommit:
    done = False

    def __call__(self):
        self.done = True
        purge_everything()


def purge_everything_after_commit():
    """Once per transaction, however many rows it changes: a purge already waiting for this
    transaction's commit (not run, not dropped with a rolled-back savepoint) is enough."""
    connection = transaction.get_connection()
    waiting = getattr(connection, "_iopd_purge_everything", None)
    if (
        waiting is not None
        and not waiting.done
        and any(entry[1] is waiting for entry in connection.run_on_commit)
    ):
        return
    connection._iopd_purge_everything = waiting = _PurgeAfterCommit()
    transaction.on_commit(waiting)


def _generation_changed(cause):
    if not enabled():
        return
    if cause is not None and issubclass(cause, (Page, PageViewRestriction)):
        return  # purged by address: publish, unpublish, move, privacy (above)
    purge_everything_after_commit()


def connect():
    sitecache.on_change(_generation_changed)
    page_published.connect(_changed, dispatch_uid="frontcache-published")
    page_unpublished.connect(_changed, dispatch_uid="frontcache-unpublished")
    post_page_move.connect(_moved, dispatch_uid="frontcache-moved")
    post_save.connect(_restricted, sender=PageViewRestriction, dispatch_uid="frontcache-private")
    post_delete.connect(_restricted, sender=PageViewRestriction, dispatch_uid="frontcache-public")
