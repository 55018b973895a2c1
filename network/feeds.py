"""The new members of the network as RSS or Atom, in the directory's language and with its
filters: only members the public may see, each dated by when it entered the directory."""

from django.utils.translation import gettext as _

from core.feeds import PageFeed, xml_text
from taxonomy.models import localize_terms

from .models import localized


class NewMembersFeed(PageFeed):
    def __init__(self, directory, kind, filters):
        super().__init__(directory, kind)
        self.filters = filters

    def title(self):
        return self.site_title(_("New members of the network"))

    def items(self):
        members = [m for m in self.filters.queryset() if m.public_since is not None]
        members.sort(key=lambda member: member.public_since, reverse=True)
        shown = localized(members[: self.ITEMS])
        types = {member.member_type for member in shown}
        names = dict(zip(types, localize_terms(types), strict=True))
        for member in shown:
            member.feed_type = names[member.member_type]
        return shown

    def item_title(self, item):
        return xml_text(item.name)

    def item_description(self, item):
        return xml_text(" · ".join(part for part in (item.feed_type.name, item.place_line) if part))

    def item_link(self, item):
        return self.index.profile_url(item, self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(self.item_link(item))

    def item_pubdate(self, item):
        return item.public_since

    item_updateddate = item_pubdate

    def item_categories(self, item):
        return [xml_text(item.feed_type.name)]
