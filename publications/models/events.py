from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage
from core.pagination import paginate
from core.privacy import public


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Public events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return (
            public(self.live())
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .order_by("start", "pk")
        )

    def past(self, now=None):
        now = now or timezone.now()
        return (
            public(self.live())
            .annotate(finished_at=Coalesce("end", "start"))
            .filter(finished_at__lt=now)
            .order_by("-start", "-pk")
        )


class EventPage(BasePage):
    """A conference, seminar or workshop of the agenda."""

    start = models.DateTimeField(verbose_name=_("starts"))
    end = models.DateTimeField(null=True, blank=True, verbose_name=_("ends"))
    venue = models.CharField(max_length=200, blank=True, verbose_name=_("venue"))
    city = models.CharField(max_length=120, blank=True, verbose_name=_("city"))
    online_url = models.URLField(blank=True, verbose_name=_("online link"))
    summary = models.TextField(max_length=400, verbose_name=_("summary"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("programme and details"))

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("city"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    parent_page_types = ["publications.EventIndexPage"]
    subpage_types = []
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("venue"),
        TranslatableField("city"),
        TranslatableField("body"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("online_url"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    class Meta:
        verbose_name = _("event")

    @property
    def listing_summary(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})


class EventIndexPage(BasePage):
    """The agenda: upcoming events first, then past ones."""

    introduction = models.TextField(blank=True, max_length=600, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.EventPage"]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self)
        context["upcoming_events"] = events.upcoming()
        context["past_events"] = paginate(request, events.past(), 10)
        return context
