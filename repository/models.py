import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyStreamBlock
from core.models import BasePage
from core.pagination import paginate

FIRST_YEAR = 1900


class ExperienceIndexPage(BasePage):
    """The repository: lists the experiences of one language."""

    introduction = models.TextField(blank=True, max_length=600, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["repository.ExperiencePage"]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("repository of experiences")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        experiences = (
            ExperiencePage.objects.child_of(self).live().public().order_by("-start_year", "title")
        )
        context["experiences"] = paginate(request, experiences, 12)
        return context


class ExperiencePage(BasePage):
    """A participatory-democracy experience, described with the people who run it."""

    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("Two or three sentences shown on cards and in search results."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    place = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("city or region"),
        help_text=_("For example: Porto Alegre, Rio Grande do Sul."),
    )
    start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        verbose_name=_("start year"),
    )
    end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        verbose_name=_("end year"),
        help_text=_("Leave empty while the experience is ongoing."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Where and when"),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["repository.ExperienceIndexPage"]
    subpage_types = []
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("place"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        SynchronizedField("start_year"),
        SynchronizedField("end_year"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("experience")

    @property
    def listing_summary(self):
        return self.summary

    @property
    def ongoing(self):
        return self.start_year is not None and self.end_year is None

    def clean(self):
        super().clean()
        errors = {}
        # A year a little ahead is allowed: experiences are often announced before they start.
        latest = datetime.date.today().year + 5
        for field in ("start_year", "end_year"):
            value = getattr(self, field)
            if value is not None and value > latest:
                errors[field] = _("Enter a year no later than %(year)s.") % {"year": latest}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if errors:
            raise ValidationError(errors)
