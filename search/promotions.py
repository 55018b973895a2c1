"""Results an editor pinned for a query (Wagtail's search promotions), shown above the rest."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core import sitecache
from core.i18n import visible_translation


@dataclass(frozen=True)
class Pinned:
    title: str
    url: str
    description: str


def promoted_queries():
    """The few query strings that have promotions: every other search skips the lookup."""
    return sitecache.cached(
        None,
        "promoted-queries",
        lambda: set(SearchPromotion.objects.values_list("query__query_string", flat=True)),
        per_language=False,
    )


def pinned_for(q):
    """The promotions for `q` a visitor may follow, in the visitor's language when translated.

    Looked up read-only: Wagtail's Query.get() would store every query a visitor types."""
    query = normalise_query_string(q) if q else ""
    if query not in promoted_queries():
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=query)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    shown = []
    for pick in picks:
        if pick.page_id:
            page = visible_translation(pick.page)
            if page is not None:
                shown.append(Pinned(page.title, page.get_url(), pick.description))
        elif pick.external_link_url:
            title = pick.external_link_text or pick.external_link_url
            shown.append(Pinned(title, pick.external_link_url, pick.description))
    return shown
