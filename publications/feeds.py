"""RSS 2.0 and Atom 1.0 feeds of one language: the news (all or one topic), the reports and
the upcoming events."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.feeds import PageFeed, xml_text
from taxonomy.models import Topic, localize_terms

ITEMS = 20


class NewsFeed(Feed):
    def __init__(self, index, topic_slug, kind):
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.kind = kind
        self.language = index.locale.language_code
        self.topic = None
        if topic_slug is not None:
            topic = Topic.objects.filter(slug=topic_slug).first()
            if topic is None:
                raise Http404(_("There is no topic “%(slug)s”.") % {"slug": topic_slug})
            [self.topic] = localize_terms([topic])

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site = _("International Observatory on Participatory Democracy")
        if self.topic:
            view = _("%(title)s: %(view)s") % {"title": self.index.title, "view": self.topic.name}
            return xml_text(f"{view} · {site}")
        return xml_text(f"{self.index.title} · {site}")

    def link(self):
        return self.index.url + (f"?topic={self.topic.slug}" if self.topic else "")

    def feed_url(self):
        return self.index.feed_url(self.kind, self.topic and self.topic.slug)

    def description(self):
        return xml_text(self.index.introduction) or _("News of the observatory.")

    subtitle = description

    def items(self):
        news = self.index.news()
        if self.topic:
            news = news.filter(topics__slug__in=self.topic.descendant_slugs()).distinct()
        items = list(news[:ITEMS])
        # Every item's topics in the reader's language with one query, not one per item.
        topics = {topic for item in items for topic in item.topics.all()}
        localized = dict(zip(topics, localize_terms(topics), strict=True))
        for item in items:
            item.feed_topics = [localized[topic] for topic in item.topics.all()]
        return items

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.url)

    def item_pubdate(self, item):
        # News carry a date; noon UTC keeps the day the same in every reader's time zone.
        return datetime.datetime.combine(item.date, datetime.time(12), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or timezone.now()

    def item_author_name(self, item):
        return xml_text(item.author) or _("International Observatory on Participatory Democracy")

    def item_categories(self, item):
        return [xml_text(topic.name) for topic in item.feed_topics]


class ReportFeed(PageFeed):
    """The reports of one language, newest on the site first, with the index's filters."""

    def __init__(self, index, kind, filters):
        super().__init__(index, kind)
        self.filters = filters

    def title(self):
        return self.site_title(self.index.title)

    def items(self):
        return self.filters.queryset().order_by("-first_published_at", "-pk")[: self.ITEMS]


class AgendaFeed(PageFeed):
    """The upcoming events of one language, soonest first, with the agenda's filters. An item
    is dated when the event was announced; when and where it happens lead its description."""

    def __init__(self, index, kind, filters):
        super().__init__(index, kind)
        self.filters = filters

    def title(self):
        return self.site_title(self.index.title)

    def items(self):
        return self.filters.apply(self.index.events().upcoming())[: self.ITEMS]

    def item_description(self, item):
        return xml_text(" · ".join(part for part in (item.when, item.place, item.summary) if part))
