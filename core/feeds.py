"""Feed helpers shared by news, search, collections and the sections' feeds."""

import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

# XML 1.0 forbids these; Django's feed writer raises on them, and editors paste them from
# word processors (a vertical tab for a soft line break, say).
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` as text that any XML feed may carry."""
    return _XML_FORBIDDEN.sub(" ", str(value)) if value else ""


class PageFeed(Feed):
    """RSS 2.0 or Atom 1.0 of the pages a section lists. Every item is dated by its first
    publication, and every link is absolute on the host the reader asked for (Django's feed
    writer builds them from the request when contrib.sites is absent, as here)."""

    ITEMS = 20

    def __init__(self, index, kind):
        super().__init__()
        self.index = index
        self.kind = kind
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def site_title(self, title):
        return xml_text(f"{title} · {_('International Observatory on Participatory Democracy')}")

    def link(self):
        # Page URLs from the Site record would carry its host; the relative one takes the request's.
        query = self.request.META.get("QUERY_STRING", "")
        return self.index.get_url(self.request) + (f"?{query}" if query else "")

    def feed_url(self):
        return self.request.get_full_path()

    def description(self):
        return xml_text(self.index.introduction) or self.title()

    subtitle = description

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.listing_summary)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return item.first_published_at or item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
