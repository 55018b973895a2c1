import datetime
import re
from decimal import Decimal
from urllib.parse import urlencode

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Value
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers as api_fields_base
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import api_fields as api
from core import pagecache, seo, sitecache
from core.blocks import LinkBlock
from core.i18n import as_written
from core.locales import active_locale
from core.models import BasePage, SectionIndexPage
from core.text import edition_ordinal
from taxonomy.models import (
    Country,
    GovernmentLevel,
    Mechanism,
    TargetGroup,
    Topic,
    localize_terms,
    place_line,
)

from .blocks import ExperienceStreamBlock
from .coding import CODED_BY_FIELD, CODED_VARIABLES, MANY_CODED, SINGLE_CODED
from .panels import CodedFieldPanel, CompletenessPanel

FIRST_YEAR = 1900
CURRENCIES = sorted(
    (
        (currency.alpha_3, f"{currency.alpha_3} · {currency.name}")
        for currency in pycountry.currencies
    ),
)


class OrganisationsField(api_fields_base.Field):
    """The organisations the public may read, as name and website."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {"name": organisation.name, "website": organisation.website}
            for organisation in page.public_organisations
        ]


class ExperienceIndexPage(RoutablePageMixin, SectionIndexPage):
    """The repository: lists, filters and exports the experiences of one language."""

    cached_subpaths = ("feed/rss/", "feed/atom/", "export/csv/", "export/json/")

    subpage_types = ["repository.ExperiencePage"]

    class Meta:
        verbose_name = _("repository of experiences")

    def filters(self, request):
        from .filters import ExperienceFilters

        return ExperienceFilters(
            request.GET, ExperiencePage.objects.child_of(self), cache_key=self.pk
        )

    def get_context(self, request, *args, listing=True, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not listing:  # a page of its own (the codebook, a country): no filters to read
            return context
        filters = self.filters(request)
        context["filters"] = filters
        context["experiences"] = filters.page(request)
        context["listed"] = seo.paginated_listing(context["experiences"])
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        filters = context.get("filters")
        # Combinations of filters are endless near-duplicates for a crawler; the repository
        # itself and the one-term views (a topic, a mechanism, a country) stay indexable.
        if filters is not None and (
            len(filters.active) > 1 or filters.year_from or filters.year_to
        ):
            response["X-Robots-Tag"] = "noindex"
        elif filters is not None and self._bounded_view(request, filters, context):
            pagecache.accept_query(request)
        return response

    def _bounded_view(self, request, filters, context):
        """A view of one filter (and a page of it) may be kept in the page cache: these are
        the views linked from experience pages and crawled, a set the vocabularies bound."""
        known = {facet.param for facet in filters.facets} | {"page", "sort"}
        page = request.GET.get("page")
        return (
            set(request.GET) <= known
            and all(len(request.GET.getlist(key)) == 1 for key in request.GET)
            and not filters.notes
            and (page is None or page == str(context["experiences"].number))
        )

    @path("export/<str:extension>/")
    def export(self, request, extension):
        """The experiences of this view as open data: the same filters, no login needed."""
        from .exchange import csv_chunks, export_rows, json_chunks

        formats = {
            "csv": (csv_chunks, "text/csv; charset=utf-8"),
            "json": (json_chunks, "application/json; charset=utf-8"),
        }
        if extension not in formats:
            raise Http404
        chunks, content_type = formats[extension]
        rows = export_rows(self.filters(request).queryset(), request)
        response = StreamingHttpResponse(chunks(rows), content_type=content_type)
        stem = f"experiences-{self.locale.language_code}"
        response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("feed/<str:kind>/")
    def feed(self, request, kind):
        """The newest experiences of this view (the same filters) as RSS or Atom."""
        from .feeds import ExperienceFeed

        if kind not in ("rss", "atom"):
            raise Http404
        return ExperienceFeed(self, kind, self.filters(request))(request)

    @path("codebook/")
    def codebook(self, request):
        """The codebook as a page in the visitor's language: every column of the open data and
        every value of each vocabulary with its definition."""
        from .exchange import codebook, codebook_vocabularies

        self.canonical_subpath = self.alternate_subpath = "codebook/"
        vocabularies = codebook_vocabularies()
        return self.render(
            request,
            context_overrides={
                "columns": codebook(),
                "vocabularies": vocabularies,
                "vocabulary_columns": {name for name, _label, _terms in vocabularies},
                "social_title": pgettext("page title", "Codebook of the experiences"),
            },
            template="repository/codebook.html",
            listing=False,
        )

    @path("countries/<str:code>/")
    def country(self, request, code):
        """A country's legal frameworks and its experiences by decade and mechanism."""
        from .countries import country_or_404, summary

        context = summary(self, country_or_404(code))
        self.canonical_subpath = self.alternate_subpath = f"countries/{code}/"
        context["social_title"] = context["country"].name
        return self.render(
            request, context_overrides=context, template="repository/country.html", listing=False
        )

    @path("codebook/csv/")
    def codebook_csv(self, request):
        from .exchange import write_codebook_csv

        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="experiences-codebook.csv"'
        write_codebook_csv(response)
        return response


class ExperiencePageKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "repository.ExperiencePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ExperiencePage(BasePage):
    """A participatory-democracy experience, described with the people who run it."""

    summary = models.TextField(
        max_length=500,
        verbose_name=_("summary"),
        help_text=_("Two or three sentences shown on cards and in search results."),
    )
    external_id = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        verbose_name=_("external identifier"),
        help_text=_("The identifier in the database this experience was imported from."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="experiences",
        verbose_name=_("country"),
    )
    place = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("city or region"),
        help_text=_("For example: Porto Alegre, Rio Grande do Sul."),
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("latitude"),
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("longitude"),
    )
    government_level = models.ForeignKey(
        "taxonomy.GovernmentLevel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("government level"),
    )
    start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        verbose_name=_("start year"),
    )
    ongoing = models.BooleanField(default=True, verbose_name=_("ongoing"))
    end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        verbose_name=_("end year"),
        help_text=_("Leave empty while the experience is ongoing."),
    )
    population = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        verbose_name=_("population concerned"),
        help_text=_("How many inhabitants the experience is open to."),
    )
    budget_amount = models.DecimalField(
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        verbose_name=_("budget"),
        help_text=_("The amount decided or spent through the experience, per cycle."),
    )
    budget_currency = models.CharField(
        max_length=3, blank=True, choices=CURRENCIES, verbose_name=_("currency")
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name=_("topics"))
    mechanisms = ParentalManyToManyField(
        "taxonomy.Mechanism", blank=True, verbose_name=_("participation mechanisms")
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", blank=True, verbose_name=_("target groups")
    )
    keywords = ClusterTaggableManager(
        through=ExperiencePageKeyword,
        blank=True,
        verbose_name=_("keywords"),
        help_text=_("Free labels for what the topic lists do not cover yet."),
    )
    # The research tier: coded variables, all optional (see coding.py and the codebook).
    purposes = ParentalManyToManyField("taxonomy.Purpose", blank=True, verbose_name=_("purposes"))
    means = ParentalManyToManyField(
        "taxonomy.Means", blank=True, verbose_name=_("means of participation")
    )
    recruitment = ParentalManyToManyField(
        "taxonomy.Recruitment", blank=True, verbose_name=_("recruitment of participants")
    )
    decision_power = models.ForeignKey(
        "taxonomy.DecisionPower",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decision power"),
    )
    commissioner = models.ForeignKey(
        "taxonomy.CommissionerKind",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("commissioned by"),
    )
    evaluation = models.ForeignKey(
        "taxonomy.Evaluation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evaluation"),
    )
    funding_sources = ParentalManyToManyField(
        "taxonomy.FundingSource", blank=True, verbose_name=_("funding sources")
    )
    frequency = models.ForeignKey(
        "taxonomy.Frequency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("frequency"),
    )
    # The laws and charters it rests on (legal app); none listed means the sources do not say.
    legal_frameworks = ParentalManyToManyField(
        "legal.LegalFramework",
        blank=True,
        related_name="experiences",
        verbose_name=_("legal basis"),
        help_text=_("The laws, decrees or charters that require or regulate this experience."),
    )
    participants = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("number of participants"),
        help_text=_("How many people took part (in one cycle when it repeats)."),
    )
    duration_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        verbose_name=_("duration in days"),
        help_text=_(
            "From the first meeting or vote to the decision (of one cycle when it repeats)."
        ),
    )
    evaluated_by = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("evaluated by"),
        help_text=_("Who evaluated it: a university, an audit office, the organisers..."),
    )
    evaluation_url = models.URLField(
        blank=True,
        verbose_name=_("evaluation report"),
        help_text=_("Where the evaluation is published."),
    )
    body = StreamField(ExperienceStreamBlock(), blank=True, verbose_name=_("description"))
    sources = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("sources and links"),
        help_text=_("Where the facts on this page come from."),
    )

    content_panels = [
        TitleFieldPanel("title"),
        CompletenessPanel(),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("government_level"),
                FieldPanel("population"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("start_year"), FieldPanel("ongoing"), FieldPanel("end_year")]
                )
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            # One under the other: side by side, the amount's box was too narrow to show it.
            [FieldPanel("budget_amount"), FieldPanel("budget_currency")],
            heading=_("Budget"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("mechanisms"),
                FieldPanel("target_groups"),
                FieldPanel("keywords"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("organisations", label=_("Organisations involved")),
        InlinePanel("co_authors", label=_("Local co-authors")),
        InlinePanel("awards", label=_("Awards")),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    research_panels = [
        MultiFieldPanel(
            [CodedFieldPanel(field) for field in ("purposes", "means")],
            heading=_("Purpose and means"),
        ),
        MultiFieldPanel(
            [
                CodedFieldPanel("recruitment"),
                FieldPanel("participants"),
                CodedFieldPanel("decision_power"),
            ],
            heading=_("Participants and their power"),
        ),
        MultiFieldPanel(
            [
                CodedFieldPanel("commissioner"),
                CodedFieldPanel("frequency"),
                FieldPanel("duration_days"),
                CodedFieldPanel("funding_sources"),
            ],
            heading=_("Organisation and funding"),
            help_text=_("The amount decided is the budget, in the Content tab."),
        ),
        MultiFieldPanel(
            [
                CodedFieldPanel("evaluation"),
                FieldPanel("evaluated_by"),
                FieldPanel("evaluation_url"),
            ],
            heading=_("Evaluation"),
        ),
        # The crosswalk: the same case in other databases (crosswalk.py).
        InlinePanel(
            "crosswalk",
            heading=_("Also documented in"),
            label=_("Identifier in another database"),
        ),
        FieldPanel("legal_frameworks"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(research_panels, heading=_("Research coding")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    parent_page_types = ["repository.ExperienceIndexPage"]
    subpage_types = []
    # Facts are synchronised so a translator never re-enters them; words are translated.
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("place"),
        TranslatableField("body"),
        TranslatableField("sources"),
        TranslatableField("co_authors"),
        # Facts stay those of the source: a translator cannot override them per language.
        SynchronizedField("external_id", overridable=False),
        SynchronizedField("hero_image"),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("government_level", overridable=False),
        SynchronizedField("start_year", overridable=False),
        SynchronizedField("ongoing", overridable=False),
        SynchronizedField("end_year", overridable=False),
        SynchronizedField("population", overridable=False),
        SynchronizedField("budget_amount", overridable=False),
        SynchronizedField("budget_currency", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("mechanisms", overridable=False),
        SynchronizedField("target_groups", overridable=False),
        SynchronizedField("tagged_items", overridable=False),
        SynchronizedField("organisations", overridable=False),
        SynchronizedField("crosswalk", overridable=False),
        SynchronizedField("awards", overridable=False),
        *(SynchronizedField(variable.field, overridable=False) for variable in CODED_VARIABLES),
        SynchronizedField("legal_frameworks", overridable=False),
        SynchronizedField("participants", overridable=False),
        SynchronizedField("duration_days", overridable=False),
        SynchronizedField("evaluated_by", overridable=False),
        SynchronizedField("evaluation_url", overridable=False),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start_year"),
        index.FilterField("end_year"),
        index.FilterField("ongoing"),
        index.FilterField("country_id"),
        index.FilterField("government_level_id"),
    ]
    api_fields = [
        APIField("summary"),
        api.image("hero_image"),
        api.country("country"),
        APIField("place"),
        APIField("latitude"),
        APIField("longitude"),
        api.term("government_level"),
        APIField("population"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("ongoing"),
        APIField("budget_amount"),
        APIField("budget_currency"),
        api.terms("topics"),
        api.terms("mechanisms"),
        api.terms("target_groups"),
        APIField("keywords"),
        APIField("organisations", serializer=OrganisationsField()),
        *(api.terms(field) for field in MANY_CODED),
        *(api.term(field) for field in SINGLE_CODED),
        APIField("participants"),
        APIField("duration_days"),
        APIField("evaluated_by"),
        APIField("evaluation_url"),
        APIField("body"),
        APIField("sources"),
    ]

    # What an editor is asked to fill in, with the label the completeness panel shows.
    RECOMMENDED = [
        ("hero_image", _("image")),
        ("country", _("country")),
        ("place", _("city or region")),
        ("coordinates", _("coordinates")),
        ("government_level", _("government level")),
        ("start_year", _("start year")),
        ("population", _("population concerned")),
        ("topics", _("topics")),
        ("mechanisms", _("participation mechanisms")),
        ("target_groups", _("target groups")),
        ("organisations", _("organisations involved")),
        ("co_authors", _("local co-authors")),
        ("results", _("results and impact")),
        ("sources", _("sources and links")),
    ]
    # The research tier, optional: each field counts a quarter of a recommended one, so a
    # well-described case is not called incomplete for want of coding, yet coding shows.
    RESEARCH = [
        *((variable.field, variable.model._meta.verbose_name) for variable in CODED_VARIABLES),
        ("participants", _("number of participants")),
        ("duration_days", _("duration in days")),
        ("legal_frameworks", _("legal basis")),
    ]
    RESEARCH_WEIGHT = 0.25

    class Meta:
        verbose_name = _("experience")

    @property
    def listing_summary(self):
        return self.summary

    def structured_data(self, request):
        """schema.org Article about the case: where (a Place with its coordinates) and when (an
        ISO 8601 interval, open-ended while it runs)."""
        data = {
            "@type": "Article",
            "name": self.title,
            "headline": self.title[:110],
            "description": self.summary,
            "url": seo.canonical_url(request, self),
            "inLanguage": self._language_code(),
            "publisher": seo.organization(request),
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.place or self.country_id:
            place = {"@type": "Place", "name": self.place_line}
            if self.country_id:
                place["address"] = {"@type": "PostalAddress", "addressCountry": self.country.code}
            if self.latitude is not None and self.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(self.latitude),
                    "longitude": float(self.longitude),
                }
            data["spatialCoverage"] = place
        if self.start_year:
            end = ".." if self.ongoing else str(self.end_year or self.start_year)
            data["temporalCoverage"] = f"{self.start_year}/{end}"
        if self.sharing_image:
            data["image"] = seo.image_url(request, self.sharing_image)
        shown = getattr(self, "shown_topics", None)  # the topics get_context already read
        if shown is None:
            shown = localize_terms(self.topics.all())
        topics = [topic.name for topic in shown]
        if topics:
            data["about"] = [{"@type": "Thing", "name": name} for name in topics]
            data["keywords"] = ", ".join(topics)
        return data

    def _language_code(self):
        active = active_locale()  # cached per request: no query when the page is in it
        return active.language_code if self.locale_id == active.pk else self.locale.language_code

    @cached_property
    def public_organisations(self):
        """The organisations shown to the public (a member without consent is not)."""
        return public_organisations(self.organisations.select_related("member"))

    @cached_property
    def co_author_list(self):
        """Read once: the credits and the "co-produced with" line both show them. A member not
        shown to the public is not named (see public_organisations)."""
        return [author for author in self.co_authors.select_related("member") if author.is_public]

    @cached_property
    def co_production(self):
        """(organisation, date) of the last confirmation by a local actor, else None: the page
        then says it was co-produced with them."""
        confirmed = [author for author in self.co_author_list if author.confirmed_on]
        if not confirmed:
            return None
        latest = max(confirmed, key=lambda author: author.confirmed_on)
        return latest.member_name or latest.organisation or latest.name, latest.confirmed_on

    @property
    def place_line(self):
        """ "City or region, Country" in the visitor's language, the country named once."""
        # From the site cache: cards list many experiences, each naming its country.
        country = Country.cached(self.country_id) if self.country_id else None
        return place_line(self.place, country=country)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def locator_map_url(self):
        """The map of where it took place (search.views.locator_map_svg); None with no place."""
        if not (self.country_id or self.has_coordinates):
            return None
        code = Country.cached(self.country_id).code if self.country_id else "-"
        url = reverse("locator_map", args=[code])
        if self.has_coordinates:
            url += "?" + urlencode({"lat": f"{self.latitude:f}", "lon": f"{self.longitude:f}"})
        return url

    @property
    def coordinates_label(self):
        """ "30.03° S, 51.23° W", with the decimal mark and compass letters of the language."""
        if not self.has_coordinates:
            return ""

        def degrees(value, positive, negative):
            letter = positive if value >= 0 else negative
            # number_format cuts the digits it does not show; rounded first.
            return f"{number_format(round(abs(value), 2), 2)}° {letter}"

        return ", ".join(
            [
                degrees(self.latitude, pgettext("compass", "N"), pgettext("compass", "S")),
                degrees(self.longitude, pgettext("compass", "E"), pgettext("compass", "W")),
            ]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Facts shared by many pages come from the site cache rather than a query each.
        if self.country_id:
            self.country = Country.cached(self.country_id)
        if self.government_level_id:
            self.government_level = GovernmentLevel.cached(self.government_level_id)
        if getattr(request, "is_preview", False):  # the form's terms, not the saved ones
            terms = [list(self.topics.all()), list(self.mechanisms.all())]
            topics, mechanisms, target_groups = [*terms, list(self.target_groups.all())]
            coded = {field: list(getattr(self, field).all()) for field in MANY_CODED}
            frameworks = list(self.legal_frameworks.all())
        else:
            topics, mechanisms, target_groups, *many, frameworks = self._terms()
            coded = dict(zip(MANY_CODED, many, strict=True))
        for variable in CODED_VARIABLES:
            if not variable.many:
                key = getattr(self, f"{variable.field}_id")
                term = variable.model.cached(key) if key else None
                coded[variable.field] = [term] if term else []
        # The research tier as the page shows it: each coded variable with its values.
        context["coding"] = [
            (variable, localize_terms(coded[variable.field]))
            for variable in CODED_VARIABLES
            if coded[variable.field]
        ]
        # The inclusion criteria its coding meets, and those it misses by one condition.
        from .criteria import NUMBERS, outcomes

        found = outcomes(
            {
                **{field: {term.slug for term in terms} for field, terms in coded.items()},
                **{field: getattr(self, field) for field in NUMBERS},
            }
        )
        context["badges"] = [outcome for outcome in found if outcome.met]
        context["near_badges"] = [outcome for outcome in found if outcome.near]
        context["related"] = self.related_experiences(
            topics=topics, mechanisms=mechanisms, language=get_language()
        )
        context["topics"] = self.shown_topics = localize_terms(topics)  # also for JSON-LD
        context["mechanisms"] = localize_terms(mechanisms)
        context["target_groups"] = localize_terms(target_groups)
        context["government_level"] = (
            localize_terms([self.government_level])[0] if self.government_level else None
        )
        context["index_url"] = self.parent_url(request)
        from legal.models import localized

        context["legal_basis"] = localized(frameworks)
        # The observatory's reports that study this case: the tie no other repository makes.
        from publications.models.reports import reports_studying

        context["studied_in"] = reports_studying(self)
        return context

    def _terms(self):
        """(topics, mechanisms, target groups, the coded variables of several values, then the legal
        frameworks) in editorial order, in one query: the rows come from the site cache."""
        kinds = {"topic": Topic, "mechanism": Mechanism, "targetgroup": TargetGroup}
        fields = {
            "topic": self.topics,
            "mechanism": self.mechanisms,
            "targetgroup": self.target_groups,
        }
        for field in MANY_CODED:
            model = CODED_BY_FIELD[field].model
            kinds[model._meta.model_name] = model
            fields[model._meta.model_name] = getattr(self, field)
        # Last: the legal frameworks (legal app), cached like the terms.
        from legal.models import LegalFramework

        kinds["legalframework"] = LegalFramework
        fields["legalframework"] = self.legal_frameworks
        queries = [
            fields[kind]
            .through.objects.filter(experiencepage_id=self.pk)
            .annotate(kind=Value(kind))
            .values_list("kind", f"{kind}_id")
            for kind in kinds
        ]
        found = {kind: [] for kind in kinds}
        for kind, pk in queries[0].union(*queries[1:], all=True):
            term = kinds[kind].cached(pk)
            if term is not None:
                found[kind].append(term)
        return [
            sorted(
                found[kind],
                key=lambda term: (getattr(term, "sort_order", 0), str(term).casefold()),
            )
            for kind in kinds
        ]

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
        if self.ongoing and self.end_year:
            errors["end_year"] = _("An ongoing experience has no end year: clear one of the two.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Enter both latitude and longitude, or neither.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Choose the currency of the budget.")
        if errors:
            raise ValidationError(errors)

    def _is_filled(self, name):
        if name == "coordinates":
            return self.latitude is not None
        if name == "results":
            return any(block.block_type == "results" for block in self.body)
        field = self._meta.get_field(name)
        if field.many_to_one:  # the key is enough: no query for the term
            return getattr(self, field.attname) is not None
        value = getattr(self, name)
        if hasattr(value, "all"):
            return bool(value.all())
        if hasattr(value, "__len__"):
            return len(value) > 0
        return value is not None and value != ""

    @cached_property
    def completeness(self):
        """(percentage, labels of what is still missing) of the recommended fields."""
        weighted = [(name, label, 1) for name, label in self.RECOMMENDED] + [
            (name, label, self.RESEARCH_WEIGHT) for name, label in self.RESEARCH
        ]
        missing, filled = [], 0
        for name, label, weight in weighted:
            if self._is_filled(name):
                filled += weight
            else:
                missing.append(label)
        return round(100 * filled / sum(weight for *_rest, weight in weighted)), missing

    @property
    def period(self):
        return self.start_year, None if self.ongoing else self.end_year

    def related_experiences(self, limit=3, topics=None, mechanisms=None, language=None):
        """The live, public experiences in any language sharing most topics and mechanisms,
        once each, in `language` (default: the page's own) when they are translated into it."""
        from search.similar import similar_cases

        topics = self.topics.all() if topics is None else topics
        mechanisms = self.mechanisms.all() if mechanisms is None else mechanisms
        return similar_cases(
            self.translation_key,
            [topic.slug for topic in topics],
            [mechanism.slug for mechanism in mechanisms],
            language or self.locale.language_code,
            limit,
        )


class ExperienceOrganisation(Orderable):
    """An organisation that runs or supports an experience, linked to the member it is when
    it belongs to the network."""

    page = ParentalKey(ExperiencePage, related_name="organisations", on_delete=models.CASCADE)
    name = models.CharField(max_length=200, verbose_name=_("name"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    member = models.ForeignKey(
        "network.MemberOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_links",
        verbose_name=_("member organisation"),
        help_text=_(
            "When the organisation is a member of the network. A member that has not "
            "consented to publication, or has left, is not shown with the experience."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("member")]

    def __str__(self):
        return self.name

    @property
    def is_public(self):
        return self.member_id is None or self.member.is_public

    @cached_property
    def display_name(self):
        """A member's name in the visitor's language; another name as written (in the source
        language, `name_as_written`)."""
        return self.name if self.member_id is None else member_name_in_language(self.member)

    @property
    def name_as_written(self):
        return self.member_id is None


def member_name_in_language(member):
    """A member organisation's name in the visitor's language (its own where not translated),
    from the site cache's names of that language: no query a name once warm (members are
    watched)."""
    locale = active_locale()
    if member.locale_id == locale.pk:
        return member.name
    names = sitecache.cached(
        None,
        f"member-names:{locale.pk}",
        lambda: dict(
            type(member).objects.filter(locale=locale).values_list("translation_key", "name")
        ),
        per_language=False,
        reference=True,
    )
    return names.get(member.translation_key, member.name)


def public_organisations(organisations):
    """The organisations the public may read: without a member, or with a public member."""
    return [organisation for organisation in organisations if organisation.is_public]


class ExperienceCoAuthor(TranslatableMixin, Orderable):
    """A person of the local government or civil society who described the experience with us."""

    page = ParentalKey(ExperiencePage, related_name="co_authors", on_delete=models.CASCADE)
    name = models.CharField(max_length=150, verbose_name=_("name"))
    role = models.CharField(max_length=150, blank=True, verbose_name=_("role"))
    organisation = models.CharField(max_length=200, blank=True, verbose_name=_("organisation"))
    # Set when a member's contact confirms the description through the update form
    # (submissions.update): the page then names the member in the visitor's language, and
    # not at all while the member is not shown to the public.
    member = models.ForeignKey(
        "network.MemberOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="co_authorships",
        verbose_name=_("member organisation"),
        help_text=_("When the co-author is a member of the network."),
    )
    confirmed_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("last confirmed on"),
        help_text=_("When the local government last confirmed this description."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("member"),
        FieldPanel("confirmed_on"),
    ]
    translatable_fields = [
        TranslatableField("role"),
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("member"),
        SynchronizedField("confirmed_on"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.name

    @property
    def is_public(self):
        return self.member_id is None or self.member.is_public

    @cached_property
    def member_name(self):
        """The member's name in the visitor's language, or "" without a member."""
        return "" if self.member_id is None else member_name_in_language(self.member)

    @property
    def speaks_as_member(self):
        """The co-author is the member organisation itself, not a person of it."""
        return self.member_id is not None and self.name == self.member.name

    @property
    def display_name(self):
        return self.member_name if self.speaks_as_member else self.name

    @property
    def display_organisation(self):
        if self.member_id is not None and not self.speaks_as_member:
            return self.member_name
        return self.organisation

    def clean(self):
        if self.confirmed_on and self.confirmed_on > datetime.date.today():
            raise ValidationError({"confirmed_on": _("This date cannot be in the future.")})


class AwardDistinction(models.TextChoices):
    WINNER = "winner", _("Winner")
    SPECIAL_MENTION = "special_mention", _("Special mention")
    FINALIST = "finalist", _("Finalist")


OWN_AWARD = re.compile(r"(?:(\d+)(?:st|nd|rd|th) )?IOPD Best Practice Award")


class ExperienceAward(Orderable):
    """A distinction the experience received, such as the IOPD Best Practice Award."""

    page = ParentalKey(ExperiencePage, related_name="awards", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_YEAR)], verbose_name=_("year")
    )
    distinction = models.CharField(
        max_length=20, choices=AwardDistinction.choices, verbose_name=_("distinction")
    )
    award = models.CharField(
        max_length=150,
        default="IOPD Best Practice Award",
        verbose_name=_("award"),
        help_text=_("The name of the award, as the awarding body writes it."),
    )

    panels = [FieldPanel("year"), FieldPanel("distinction"), FieldPanel("award")]

    class Meta(Orderable.Meta):
        ordering = ["-year", "sort_order"]

    def __str__(self):
        return f"{self.award} {self.year}: {self.get_distinction_display()}"

    @property
    def display_name(self):
        """The award's name in the visitor's language when it is the observatory's own (stored
        in English, "15th IOPD Best Practice Award"; the year beside it says which edition);
        another body's award in its own words, marked as written in the source language."""
        if OWN_AWARD.fullmatch(self.award):
            return _("IOPD Best Practice Award")
        return as_written(self.award)

    @property
    def edition_number(self):
        """The edition of the observatory's own award, when its name says it ("15th ...")."""
        found = OWN_AWARD.fullmatch(self.award)
        return int(found.group(1)) if found and found.group(1) else None

    @property
    def line(self):
        """How a page lists it: "IOPD Best Practice Award: Winner, 15th edition (2022)" when
        the edition is known, else "Reinhard Mohn Prize 2021: Winner"."""
        values = {
            "award_name": conditional_escape(self.display_name),
            "year": self.year,
            "distinction": conditional_escape(self.get_distinction_display()),
        }
        if self.edition_number:
            text = gettext("%(award_name)s: %(distinction)s, %(nth)s edition (%(year)s)")
            values["nth"] = edition_ordinal(self.edition_number)
        else:
            text = gettext("%(award_name)s %(year)s: %(distinction)s")
        return mark_safe(text % values)  # the values are escaped above

    def clean(self):
        if self.year and self.year > datetime.date.today().year:
            raise ValidationError({"year": _("An award cannot be dated in the future.")})


# The inclusion criteria live beside the coding they read (criteria.py).
from .criteria import Definition, DefinitionCondition  # noqa: E402, F401
from .crosswalk import CaseDatabase, ExperienceCrosswalk  # noqa: E402, F401
