"""Results an editor pinned for a query (Wagtail's search promotions), shown above the rest."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.i18n import visible_translation


@dataclass(frozen=True)
class Pinned:
    title: str
    url: str
    description: str


def pinned_for(q):
    """The promotions for `q` a visitor may follow, in the visitor's language when translated.

    Looked up read-only: Wagtail's Query.get() would store every query a visitor types."""
    if not q:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(q))
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
