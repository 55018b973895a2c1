"""RSS and Atom feeds of the newest experiences of one language: all of them, or a view of the
repository (a topic, say) read from the same GET parameters as the index."""

from django.utils.translation import gettext as _

from core.feeds import PageFeed


class ExperienceFeed(PageFeed):
    def __init__(self, index, kind, filters):
        super().__init__(index, kind)
        self.filters = filters

    def title(self):
        labels = [option.label for _facet, option in self.filters.active]
        if labels:
            return self.site_title(_("New experiences: %(view)s") % {"view": ", ".join(labels)})
        return self.site_title(_("New experiences"))

    def items(self):
        # Newest on the site first, whatever the years the experiences themselves ran.
        return self.filters.queryset().order_by("-first_published_at", "-pk")[: self.ITEMS]
