"""Which pages anyone may see, answered from the cache instead of a query per listing.

Wagtail's `.public()` and `get_view_restrictions()` query the restrictions table each time;
a page with related items, alternates and a menu asks several times per request."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import PageViewRestriction

from . import sitecache


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return sitecache.cached(
        None,
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
        per_language=False,
    )


def public(queryset):
    """`queryset` without pages in a restricted subtree: Wagtail's `.public()` from the cache."""
    paths = restricted_paths()
    if not paths:
        return queryset
    return queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))


def is_public(page):
    return not any(page.path.startswith(path) for path in restricted_paths())
