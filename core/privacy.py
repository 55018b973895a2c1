"""Which pages anyone may see, answered from the cache instead of a query per listing.

Wagtail's `.public()` and `get_view_restrictions()` query the restrictions table each time;
a page with related items, alternates and a menu asks several times per request."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from . import sitecache


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return sitecache.cached(
        None,
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
        per_language=False,
    )


def alias_paths():
    """Tree paths of the alias pages, which take their restrictions from their source."""
    return sitecache.cached(
        None,
        "alias-paths",
        lambda: sorted(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        per_language=False,
    )


def public(queryset, paths=None, field="path"):
    """`queryset` without pages in a restricted subtree: Wagtail's `.public()` from the cache.

    `field` leads to the page's tree path (e.g. "page__path" for rows pointing at pages);
    `paths` replaces the cached restricted paths with ones the caller read itself."""
    paths = restricted_paths() if paths is None else paths
    if not paths:
        return queryset
    return queryset.exclude(reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths)))


def is_public(page, paths=None):
    return is_public_path(page.path, paths)


def is_public_path(path, paths=None):
    paths = restricted_paths() if paths is None else paths
    return not any(path.startswith(restricted) for restricted in paths)
