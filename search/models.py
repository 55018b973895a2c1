"""What the search keeps in the database: the outbox of index changes, and the documents
themselves, which the database fallback searches when no engine answers."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import seo
from core.models import BasePage
from taxonomy.models import WorldRegion

from .lookups import SearchableText


class IndexChange(models.Model):
    """A page whose search document must be rebuilt or removed.

    Written in the same transaction as the change itself, so no change is lost when the engine
    is down; delivery decides from the page's state at that moment what the document becomes."""

    page_id = models.IntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("pending search index change")
        verbose_name_plural = _("pending search index changes")

    def __str__(self):
        return f"page {self.page_id}"


class IndexedDocument(models.Model):
    """One page's search document, as the engine has it, for the database fallback."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=12, db_index=True)
    content_type = models.CharField(max_length=20, db_index=True)
    sort_title = models.CharField(max_length=255, db_index=True)
    date = models.DateField(null=True, db_index=True)
    year = models.IntegerField(null=True, db_index=True)
    # Lower-case, accent-free text of every searchable field, matched word by word.
    text = SearchableText()
    data = models.JSONField()
    fingerprint = models.CharField(max_length=40)
    # When the page was read to build this document: the engine version it is written with, so
    # a rebuild copying an older row never overwrites a newer delivery (0: older than any).
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.data.get("title", str(self.pk))


class DocumentFacet(models.Model):
    """One facet value of a document (a topic, a country...), so counts are one GROUP BY."""

    # Indexed by the (document, facet, value) index below, which also answers without the table.
    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    # The document's language, repeated here so that the documents of one language with a
    # given value are read from the index alone, without visiting the documents.
    language = models.CharField(max_length=12, default="")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [
            # Postings: which documents of a language have this value (index-only scans).
            models.Index(fields=["language", "facet", "value", "document"]),
            # A document's values of a facet, for counting within a set of documents.
            models.Index(fields=["document", "facet", "value"]),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class CollectionPage(RoutablePageMixin, BasePage):
    """A saved search as a page, as Plone's collections: an editor picks the filters and writes
    an introduction; the page lists whatever matches today, and has its own RSS feed."""

    cached_subpaths = ("feed/",)

    SCOPES = [("visitor", _("The visitor's language")), ("all", _("All languages"))]
    TYPES = [
        ("experience", _("Experiences")),
        ("news", _("News")),
        ("event", _("Events")),
        ("report", _("Reports")),
    ]

    introduction = models.TextField(blank=True, max_length=1000, verbose_name=_("introduction"))
    query = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("search words"),
        help_text=_('Optional. Quotes for a phrase ("citizens\' assembly"), a minus to exclude.'),
    )
    content_types = models.JSONField(default=list, blank=True, verbose_name=_("types of content"))
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name=_("topics"))
    mechanisms = ParentalManyToManyField(
        "taxonomy.Mechanism", blank=True, verbose_name=_("participation mechanisms")
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup", blank=True, verbose_name=_("target groups")
    )
    regions = models.JSONField(default=list, blank=True, verbose_name=_("world regions"))
    countries = ParentalManyToManyField("taxonomy.Country", blank=True, verbose_name=_("countries"))
    year_from = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("from year"))
    year_to = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("to year"))
    scope = models.CharField(
        max_length=10, choices=SCOPES, default="visitor", verbose_name=_("languages")
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("query"),
                FieldPanel(
                    "content_types",
                    widget=forms.CheckboxSelectMultiple(choices=TYPES),
                ),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("mechanisms", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel(
                    "regions", widget=forms.CheckboxSelectMultiple(choices=WorldRegion.choices)
                ),
                FieldPanel("countries"),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldPanel("scope"),
            ],
            heading=_("What the collection lists"),
        ),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        SynchronizedField("query", overridable=False),
        SynchronizedField("content_types", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("mechanisms", overridable=False),
        SynchronizedField("target_groups", overridable=False),
        SynchronizedField("regions", overridable=False),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("year_from", overridable=False),
        SynchronizedField("year_to", overridable=False),
        SynchronizedField("scope", overridable=False),
    ]

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def clean(self):
        super().clean()
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValidationError({"year_to": _("The end year comes before the start year.")})
        if set(self.content_types or []) - {value for value, _label in self.TYPES}:
            raise ValidationError({"content_types": _("Unknown type of content.")})
        if set(self.regions or []) - set(WorldRegion.values):
            raise ValidationError({"regions": _("Unknown world region.")})

    def filters(self, language):
        """The collection as search parameters (a dict of lists, like a query string)."""
        data = {
            "q": [self.query] if self.query else [],
            "type": list(self.content_types or []),
            "topic": sorted({topic.slug for topic in self.topics.all()}),
            "mechanism": sorted({mechanism.slug for mechanism in self.mechanisms.all()}),
            "group": sorted({group.slug for group in self.target_groups.all()}),
            "region": list(self.regions or []),
            "country": sorted(country.code for country in self.countries.all()),
            "year_from": [str(self.year_from)] if self.year_from else [],
            "year_to": [str(self.year_to)] if self.year_to else [],
            "sort": ["newest"],
        }
        if self.scope == "all":
            data["lang"] = ["all"]
        return {key: value for key, value in data.items() if value}

    def search_params(self, request, language):
        from .params import SearchParams

        data = self.filters(language)
        page = request.GET.get("page")
        if page:
            data["page"] = [page]
        return SearchParams.from_query(data, language)

    @path("")
    def listing(self, request):
        from django.utils.translation import get_language

        from .query import run_search
        from .views import paginator_for

        language = get_language()
        params = self.search_params(request, language)
        results = run_search(params, language)
        page_obj = paginator_for(results, params)
        return self.render(
            request,
            context_overrides={
                "params": params,
                "results": results,
                "language": language,
                "page_obj": page_obj,
                "listed": seo.search_listing(results, page_obj, self.title),
                "refine_query": params.querystring(language),
            },
        )

    @path("feed/")
    def feed(self, request):
        from django.utils.translation import get_language

        from .views import rss_response

        language = get_language()
        params = self.search_params(request, language)
        # The page's relative address: the Site record's host may not be the one asked for.
        return rss_response(request, params, self.title, self.get_url(request))
