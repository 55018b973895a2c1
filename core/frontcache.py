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
Filtered views (a query string) are not listed: they expire after HTTP_CACHE_MAX_AGE."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


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


def connect():
    page_published.connect(_changed, dispatch_uid="frontcache-published")
    page_unpublished.connect(_changed, dispatch_uid="frontcache-unpublished")
    post_page_move.connect(_moved, dispatch_uid="frontcache-moved")
    post_save.connect(_restricted, sender=PageViewRestriction, dispatch_uid="frontcache-private")
    post_delete.connect(_restricted, sender=PageViewRestriction, dispatch_uid="frontcache-public")
