import datetime
from urllib.parse import urlencode

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import api_fields as api
from core import seo
from core.blocks import BodyStreamBlock
from core.i18n import specific_pages, visible_pages
from core.models import BasePage, SectionIndexPage
from core.pagination import paginate
from core.privacy import public
from taxonomy.models import Topic, localize_terms

PER_PAGE = 10
# More topics in one URL than the vocabulary holds is a malformed address, not a filter.
MAX_TOPICS = 20


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news of the observatory in one language, newest first, with RSS and Atom feeds."""

    cached_subpaths = ("rss/", "atom/")

    subpage_types = ["publications.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        """The public news of this language tree, newest first."""
        return (
            public(NewsPage.objects.child_of(self).live())
            .order_by("-date", "-pk")
            .prefetch_related("topics")
            .select_related("image")
        )

    def topic_filter(self, request):
        """The topics asked for in ?topic=, their slugs with every narrower topic, and a note
        naming the values that match no topic."""
        asked = list(dict.fromkeys(request.GET.getlist("topic")))[:MAX_TOPICS]
        topics = {topic.slug: topic for topic in Topic.objects.filter(slug__in=asked)}
        unknown = [value for value in asked if value not in topics]
        slugs = set()
        for topic in topics.values():
            slugs |= topic.descendant_slugs()
        selected = localize_terms(
            {topic.translation_key: topic for topic in topics.values()}.values()
        )
        return selected, sorted(slugs), unknown

    @path("")
    def listing(self, request):
        selected, slugs, unknown = self.topic_filter(request)
        news = self.news()
        if slugs:
            news = news.filter(topics__slug__in=slugs).distinct()
        kept = [topic.slug for topic in selected]
        chips = [
            (topic, "?" + urlencode([("topic", slug) for slug in kept if slug != topic.slug]))
            for topic in selected
        ]
        news = paginate(request, news, PER_PAGE)
        response = self.render(
            request,
            context_overrides={
                "news": news,
                "listed": seo.paginated_listing(news),
                # By slug: a translated news item keeps its source's terms, and the French
                # names are those of the terms that share their slugs.
                "topics": Topic.objects.filter(
                    slug__in=Topic.objects.filter(
                        pk__in=NewsPage.topics.through.objects.filter(
                            newspage__in=public(NewsPage.objects.child_of(self).live())
                        ).values("topic")
                    ).values("slug")
                ).localized_terms(),
                "selected_topics": selected,
                "chips": chips,
                "unknown_topics": unknown,
                "query_string": urlencode([("topic", slug) for slug in kept]),
            },
        )
        if request.GET:
            # Filtered and paged views repeat the index; search engines should list it once.
            response["X-Robots-Tag"] = "noindex"
        return response

    @path("rss/", name="rss")
    @path("rss/<slug:topic>/", name="rss_topic")
    def rss(self, request, topic=None):
        from publications.feeds import NewsFeed

        return NewsFeed(self, topic, "rss")(request)

    @path("atom/", name="atom")
    @path("atom/<slug:topic>/", name="atom_topic")
    def atom(self, request, topic=None):
        from publications.feeds import NewsFeed

        return NewsFeed(self, topic, "atom")(request)

    def feed_url(self, kind="rss", topic=None):
        if topic is None:
            return self.url + self.reverse_subpage(kind)
        return self.url + self.reverse_subpage(f"{kind}_topic", args=[topic])


class NewsPageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "publications.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsRelatedPage(Orderable):
    """A page a news item points readers to: an experience, a report, an event."""

    news = ParentalKey("publications.NewsPage", related_name="related", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class NewsPage(BasePage):
    """A piece of news for members and the public."""

    date = models.DateField(default=datetime.date.today, verbose_name=_("date"))
    author = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("author"),
        help_text=_("A person or a team; left empty, the observatory signs."),
    )
    summary = models.TextField(max_length=400, verbose_name=_("summary"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="news", verbose_name=_("topics")
    )
    # The same free keywords as experiences: one tag list across the site.
    keywords = ClusterTaggableManager(
        through=NewsPageKeyword, blank=True, verbose_name=_("keywords")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("keywords"),
        InlinePanel("related", heading=_("Related pages"), label=_("related page")),
    ]
    parent_page_types = ["publications.NewsIndexPage"]
    subpage_types = []
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("author"),
        SynchronizedField("image"),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("tagged_items"),
        SynchronizedField("related"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("author"),
        APIField("summary"),
        api.image("image"),
        APIField("body"),
        api.terms("topics"),
        APIField("keywords"),
    ]
    og_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def listing_summary(self):
        return self.summary

    @property
    def sharing_image(self):
        return self.social_image or self.image

    @cached_property
    def localized_topics(self):
        return localize_terms(self.topics.all())

    def related_pages(self):
        """The related pages a visitor may open, in the visitor's language where translated."""
        return specific_pages(
            visible_pages([link.page for link in self.related.select_related("page")])
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.localized_topics
        context["related_pages"] = self.related_pages()
        context["news_index"] = self.get_parent().specific
        return context

    def structured_data(self, request):
        data = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.summary,
            "url": seo.canonical_url(request, self),
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "publisher": seo.organization(request),
            "author": (
                {"@type": "Person", "name": self.author}
                if self.author
                else seo.organization(request)
            ),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.sharing_image:
            data["image"] = seo.image_url(request, self.sharing_image)
        topics = [topic.name for topic in self.localized_topics]
        keywords = [tag.name for tag in self.keywords.all()]
        if topics:
            data["about"] = [{"@type": "Thing", "name": name} for name in topics]
        if topics or keywords:
            data["keywords"] = ", ".join([*topics, *keywords])
        return data
