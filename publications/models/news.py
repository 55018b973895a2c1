import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage
from core.pagination import paginate
from core.privacy import public


class NewsIndexPage(BasePage):
    """The news of the observatory in one language, newest first."""

    introduction = models.TextField(blank=True, max_length=600, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.NewsPage"]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = public(NewsPage.objects.child_of(self).live()).order_by("-date", "-pk")
        context["news"] = paginate(request, news, 10)
        return context


class NewsPageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "publications.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(BasePage):
    """A piece of news for members and the public."""

    date = models.DateField(default=datetime.date.today, verbose_name=_("date"))
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
    # The same free keywords as experiences: one tag list across the site.
    keywords = ClusterTaggableManager(
        through=NewsPageKeyword, blank=True, verbose_name=_("keywords")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("keywords"),
    ]
    parent_page_types = ["publications.NewsIndexPage"]
    subpage_types = []
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("tagged_items"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def listing_summary(self):
        return self.summary
