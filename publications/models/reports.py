"""Reports of the observatory (annual and special reports, studies, guides), tied to the
experiences and events they study, with their PDFs in each language and citations."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    Panel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import seo
from core.blocks import BodyStreamBlock
from core.forms import BasePageForm
from core.i18n import specific_pages, validate_language_tag, visible_pages
from core.locales import active_locale
from core.models import BasePage, SectionIndexPage
from publications.credits import credited, member_rows
from taxonomy.models import localize_terms

CARD_COVER = "fill-300x424"
# The observatory's own name is in the catalogues: as an author or affiliation it is shown in
# the page's language. Other names are shown as written, in the source language.
OBSERVATORY = gettext_noop("International Observatory on Participatory Democracy")


def named(name):
    """`name` in the active language when it is the observatory's, else as written."""
    return gettext(OBSERVATORY) if " ".join(name.split()) == OBSERVATORY else name


class ReportType(models.TextChoices):
    ANNUAL = "annual", _("Annual report")
    SPECIAL = "special", _("Special report")
    STUDY = "study", _("Study")
    GUIDE = "guide", _("Guide")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"
    RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}


# --- identifiers ------------------------------------------------------------------------


def compact_isbn(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def isbn_is_valid(value):
    """ISBN-10 or ISBN-13 with a correct check digit (hyphens and spaces allowed)."""
    isbn = compact_isbn(value)
    if re.fullmatch(r"[0-9]{9}[0-9X]", isbn):
        digits = [10 if char == "X" else int(char) for char in isbn]
        return sum((10 - position) * digit for position, digit in enumerate(digits)) % 11 == 0
    if re.fullmatch(r"97[89][0-9]{10}", isbn):
        total = sum((3 if position % 2 else 1) * int(char) for position, char in enumerate(isbn))
        return total % 10 == 0
    return False


def validate_isbn(value):
    if not isbn_is_valid(value):
        raise ValidationError(
            _("Enter a valid ISBN-10 or ISBN-13 (its last digit is a checksum)."), code="isbn"
        )


DOI_PATTERN = re.compile(r"10\.[0-9]{4,9}/\S+")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", re.IGNORECASE)


def compact_doi(value):
    """The bare DOI ("10.1234/abc") of a DOI, a doi: name or a doi.org link."""
    return DOI_PREFIX.sub("", (value or "").strip())


def validate_doi(value):
    if not DOI_PATTERN.fullmatch(compact_doi(value)):
        raise ValidationError(
            _("Enter a DOI such as 10.1234/iopd.2021.1 (a doi.org link is accepted too)."),
            code="doi",
        )


# --- the index ----------------------------------------------------------------------------


class ReportIndexPage(RoutablePageMixin, SectionIndexPage):
    """The observatory's publications in one language, newest first, filtered from GET, with
    RSS and Atom feeds."""

    cached_subpaths = ("feed/rss/", "feed/atom/")

    subpage_types = ["publications.ReportPage"]

    class Meta:
        verbose_name = _("reports index")

    def filters(self, request):
        from publications.report_filters import ReportFilters

        return ReportFilters(request.GET, ReportPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request)
        context["filters"] = filters
        context["reports"] = filters.page(request)
        context["listed"] = seo.paginated_listing(context["reports"])
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.GET:
            # Filtered and paged views repeat the index; search engines should list it once.
            response["X-Robots-Tag"] = "noindex"
        return response

    @path("feed/<str:kind>/")
    def feed(self, request, kind):
        """The newest reports of this view (the same filters) as RSS or Atom."""
        from publications.feeds import ReportFeed

        if kind not in ("rss", "atom"):
            raise Http404
        return ReportFeed(self, kind, self.filters(request))(request)


# --- the report ---------------------------------------------------------------------------


class ReportPageKeyword(TaggedItemBase):
    """The site's one list of keywords (shared with experiences and news)."""

    content_object = ParentalKey(
        "publications.ReportPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ReportPageForm(BasePageForm):
    def is_valid(self):
        # The PDF rows are cleaned with the formsets, after the page form's own clean().
        valid = super().is_valid()
        formset = self.formsets.get("pdfs")
        if formset is None:
            return valid
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not data.get("language"):
                continue
            language = data["language"]
            if language in seen:
                form.add_error(
                    "language",
                    _("There is already a PDF in this language; remove one of the two."),
                )
                valid = False
            seen.add(language)
        return valid


class PdfStatusPanel(Panel):
    """What the site could read of each attached PDF, shown above the PDF list."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "publications/panels/pdf_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            rows = []
            if page and page.pk:
                for pdf in page.pdfs.select_related("document__pdf_text"):
                    text = getattr(pdf.document, "pdf_text", None)
                    rows.append((pdf, text))
            context["rows"] = rows
            return context


class ReportPage(RoutablePageMixin, BasePage):
    """A report of the observatory, its PDFs in each language and the cases it studies."""

    report_type = models.CharField(
        max_length=10,
        choices=ReportType.choices,
        default=ReportType.SPECIAL,
        verbose_name=_("type of report"),
    )
    publication_date = models.DateField(verbose_name=_("publication date"))
    abstract = models.TextField(
        max_length=1500,
        verbose_name=_("abstract"),
        help_text=_("A paragraph shown on cards, in search results and in citations."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover"),
    )
    isbn = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        verbose_name=_("ISBN"),
        help_text=_("ISBN-10 or ISBN-13, hyphens allowed."),
    )
    doi = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_doi],
        verbose_name=_("DOI"),
        help_text=_("For example 10.1234/iopd.2021.1."),
    )
    licence = models.CharField(
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY,
        verbose_name=_("licence"),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="reports", verbose_name=_("topics")
    )
    keywords = ClusterTaggableManager(
        through=ReportPageKeyword, blank=True, verbose_name=_("keywords")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    base_form_class = ReportPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("report_type"), FieldPanel("publication_date")]),
        FieldPanel("abstract"),
        FieldPanel("cover_image"),
        InlinePanel("authors", heading=_("Authors"), label=_("author")),
        MultiFieldPanel(
            [PdfStatusPanel(), InlinePanel("pdfs", label=_("PDF"))],
            heading=_("PDF files, one per language"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("isbn"), FieldPanel("doi")]), FieldPanel("licence")],
            heading=_("Identifiers and licence"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics", widget=forms.CheckboxSelectMultiple), FieldPanel("keywords")],
            heading=_("Classification"),
        ),
        InlinePanel(
            "related", heading=_("Experiences and events studied"), label=_("related page")
        ),
        InlinePanel(
            "members",
            heading=_("Members of the network"),
            label=_("member"),
            help_text=_("Members that wrote or published the report: their profiles list it."),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["publications.ReportIndexPage"]
    subpage_types = []
    # Facts are the same in every language; the words are translated.
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("abstract"),
        TranslatableField("body"),
        SynchronizedField("report_type", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("cover_image"),
        SynchronizedField("isbn", overridable=False),
        SynchronizedField("doi", overridable=False),
        SynchronizedField("licence", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("tagged_items", overridable=False),
        SynchronizedField("authors", overridable=False),
        SynchronizedField("pdfs", overridable=False),
        SynchronizedField("related", overridable=False),
        SynchronizedField("members", overridable=False),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("abstract", boost=2),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("report_type"),
    ]
    api_fields = [
        APIField("report_type"),
        APIField("publication_date"),
        APIField("abstract"),
        APIField("cover_image"),
        APIField("authors"),
        APIField("pdfs"),
        APIField("isbn"),
        APIField("doi"),
        APIField("licence"),
        # Topic slugs are shared by every language, like the filters' URLs.
        APIField(
            "topics",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug"),
        ),
        APIField("keywords"),
        APIField("body"),
    ]
    og_type = "article"

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def clean(self):
        super().clean()
        if self.doi:
            self.doi = compact_doi(self.doi)
        if self.isbn:
            self.isbn = self.isbn.strip()

    @property
    def listing_summary(self):
        return self.abstract

    @property
    def sharing_image(self):
        return self.social_image or self.cover_image

    @property
    def year(self):
        return self.publication_date.year

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @cached_property
    def author_list(self):
        return list(self.authors.all())

    @cached_property
    def pdf_list(self):
        """The PDFs with their documents, in the order of the site's languages."""
        order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
        pdfs = list(self.pdfs.select_related("document"))
        return sorted(pdfs, key=lambda pdf: (order.get(pdf.language, len(order)), pdf.sort_order))

    @cached_property
    def keyword_list(self):
        return [tag.name for tag in self.keywords.all()]

    @cached_property
    def localized_topics(self):
        return localize_terms(self.topics.all())

    def pdf_for(self, language):
        """The PDF in `language`, else the first one; None when there is none."""
        pdfs = self.pdf_list
        return next((pdf for pdf in pdfs if pdf.language == language), pdfs[0] if pdfs else None)

    def related_pages(self):
        """The experiences and events studied that a visitor may open, in their language."""
        return specific_pages(
            visible_pages([link.page for link in self.related.select_related("page")])
        )

    def get_context(self, request, *args, **kwargs):
        from publications.citations import apa_reference

        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.localized_topics
        context["related_pages"] = self.related_pages()
        members = member_rows(self, "members")
        context["published_by"] = credited(members, request, role=MemberRole.PUBLISHER)
        context["written_by"] = credited(members, request, role=MemberRole.AUTHOR)
        context["index_url"] = self.parent_url(request)
        context["reference"] = apa_reference(self, request)
        context["citation_formats"] = [
            (label, self.url + self.reverse_subpage("citation", args=[name]))
            for name, label in CITATION_LABELS
        ]
        return context

    @path("cite/<str:fmt>/", name="citation")
    def citation(self, request, fmt):
        from publications import citations

        export = citations.EXPORTS.get(fmt)
        if export is None:
            raise Http404
        response = HttpResponse(export.render(self, request), content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{export.extension}"'
        response["X-Robots-Tag"] = "noindex"
        return response

    def structured_data(self, request):
        data = {
            "@type": "Report",
            "name": self.title,
            "headline": self.title[:110],
            "description": self.abstract,
            "url": seo.canonical_url(request, self),
            "datePublished": self.publication_date.isoformat(),
            "inLanguage": self.locale.language_code,
            "genre": str(self.get_report_type_display()),
            "publisher": seo.organization(request),
            "author": [author.structured_data() for author in self.author_list],
        }
        if self.isbn:
            data["isbn"] = compact_isbn(self.isbn)
        if self.doi:
            data["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": self.doi,
                "url": self.doi_url,
            }
        if self.licence_url:
            data["license"] = self.licence_url
        if self.sharing_image:
            data["image"] = seo.image_url(request, self.sharing_image)
        topics = [topic.name for topic in self.localized_topics]
        if topics:
            data["about"] = [{"@type": "Thing", "name": name} for name in topics]
        keywords = [*topics, *self.keyword_list]
        if keywords:
            data["keywords"] = ", ".join(keywords)
        encodings = [
            {
                "@type": "MediaObject",
                "contentUrl": seo.absolute(request, pdf.document.url),
                "encodingFormat": "application/pdf",
                "inLanguage": pdf.language,
                "name": pdf.document.title,
            }
            for pdf in self.pdf_list
        ]
        if encodings:
            data["encoding"] = encodings
        return data


CITATION_LABELS = [("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON")]


class AuthorKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class ReportAuthor(Orderable):
    """A person or an organisation that wrote the report; organisations are cited as such."""

    page = ParentalKey(ReportPage, related_name="authors", on_delete=models.CASCADE)
    kind = models.CharField(
        max_length=12, choices=AuthorKind.choices, default=AuthorKind.PERSON, verbose_name=_("kind")
    )
    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_(
            "A person as “Given names Family name”, or “Family name, Given names” when the "
            "family name has several words; an organisation by its full name."
        ),
    )
    affiliation = models.CharField(max_length=200, blank=True, verbose_name=_("affiliation"))
    url = models.URLField(blank=True, verbose_name=_("web page"))
    # Names are written once for every translation; a reader's page marks those in another
    # language than its own (read aloud with the right pronunciation).
    language = models.CharField(
        max_length=12,
        blank=True,
        validators=[validate_language_tag],
        verbose_name=_("language of the names"),
        help_text=_(
            "The language an organisation's name and the affiliation are written in, as a "
            "code (fr, es, de, pt…); empty for English."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("url")]),
        FieldPanel("language"),
    ]
    api_fields = [APIField("kind"), APIField("name"), APIField("affiliation"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    @property
    def is_organisation(self):
        return self.kind == AuthorKind.ORGANISATION

    @property
    def name_parts(self):
        """(family, given) of a person; (name, "") of an organisation."""
        name = " ".join(self.name.split())
        if self.is_organisation:
            return named(name), ""
        if "," in name:
            family, given = name.split(",", 1)
            return family.strip(), given.strip()
        given, _space, family = name.rpartition(" ")
        return family, given

    def structured_data(self):
        data = {
            "@type": "Organization" if self.is_organisation else "Person",
            "name": self.display_name,
        }
        if self.url:
            data["url"] = self.url
        if self.affiliation:
            data["affiliation" if not self.is_organisation else "parentOrganization"] = {
                "@type": "Organization",
                "name": self.display_affiliation,
            }
        return data

    @property
    def display_name(self):
        family, given = self.name_parts
        return f"{given} {family}".strip()

    @property
    def display_affiliation(self):
        return named(self.affiliation)

    @property
    def name_as_written(self):
        """An organisation's name other than the observatory's: written once, in `language`,
        for every translation (authors are facts); a person's name has no language."""
        return self.is_organisation and named(self.name) is self.name

    @property
    def affiliation_as_written(self):
        return bool(self.affiliation) and named(self.affiliation) is self.affiliation

    @property
    def names_language(self):
        return self.language or settings.LANGUAGE_CODE


def validate_language(value):
    if value not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the site's languages."), code="language")


class ReportPdf(Orderable):
    """The report as a PDF in one language (at most one per language)."""

    page = ParentalKey(ReportPage, related_name="pdfs", on_delete=models.CASCADE)
    # Choices in the form, not the field: enabling a language must not need a migration.
    language = models.CharField(
        max_length=10, validators=[validate_language], verbose_name=_("language")
    )
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("PDF file"),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
                FieldPanel("document"),
            ]
        )
    ]
    api_fields = [APIField("language"), APIField("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("PDF")
        verbose_name_plural = _("PDFs")

    def __str__(self):
        return f"{self.document} ({self.language})"

    def clean(self):
        from publications.pdf import validate_document

        super().clean()
        if self.document_id:
            try:
                validate_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None

    @property
    def language_name(self):
        from django.utils.translation import get_language_info

        return get_language_info(self.language)["name_local"]


class ReportRelatedPage(Orderable):
    """An experience or an event the report studies."""

    report = ParentalKey(ReportPage, related_name="related", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [PageChooserPanel("page", ["repository.ExperiencePage", "publications.EventPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("experience or event studied")
        verbose_name_plural = _("experiences and events studied")

    def clean(self):
        from repository.models import ExperiencePage

        from .events import EventPage

        super().clean()
        if self.page_id and not issubclass(self.page.specific_class, (ExperiencePage, EventPage)):
            raise ValidationError({"page": _("Choose an experience or an event.")})


class MemberRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    PUBLISHER = "publisher", _("Publisher")


class ReportMember(Orderable):
    """A member organisation of the network that wrote or published the report; its profile
    lists the report (only while the member consents to be shown: see network.profile)."""

    report = ParentalKey(ReportPage, related_name="members", on_delete=models.CASCADE)
    member = models.ForeignKey(
        "network.MemberOrganisation",
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("member organisation"),
    )
    role = models.CharField(
        max_length=10,
        choices=MemberRole.choices,
        default=MemberRole.AUTHOR,
        verbose_name=_("role"),
    )

    panels = [FieldRowPanel([FieldPanel("member"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")


class PdfText(models.Model):
    """What the site could read of one PDF document, kept until its file changes."""

    class Status(models.TextChoices):
        OK = "ok", _("Text read")
        EMPTY = "empty", _("No text found (a scan without text?)")
        ENCRYPTED = "encrypted", _("Protected by a password: its text cannot be read")
        BROKEN = "broken", _("Damaged: the file cannot be read")
        PENDING = "pending", _("Being read; the status shows here when done")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="pdf_text",
    )
    file_hash = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    truncated = models.BooleanField(default=False)
    error = models.CharField(max_length=500, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("text of a PDF")
        verbose_name_plural = _("texts of PDFs")

    def __str__(self):
        return f"{self.document_id}: {self.status}"

    @property
    def readable(self):
        return self.status == self.Status.OK


def reports_studying(page):
    """The live, public reports that study `page` (in any of its languages), each once and in
    the visitor's language where translated: for the experience and event pages to list."""
    from core.privacy import public

    studied = Page.objects.filter(translation_key=page.translation_key).values("pk")
    keys = ReportRelatedPage.objects.filter(page__in=studied).values("report__translation_key")
    reports = public(ReportPage.objects.live().filter(translation_key__in=keys))
    chosen = {}
    for report in reports.select_related("locale").order_by("-publication_date", "pk"):
        current = chosen.get(report.translation_key)
        if current is None or report.locale_id == active_locale().pk:
            chosen[report.translation_key] = report
    return list(chosen.values())


def card_queryset(queryset):
    """Reports ready for cards: cover renditions, authors and PDF languages in a few queries."""
    images = get_image_model().objects.prefetch_renditions(CARD_COVER)
    return queryset.select_related("locale").prefetch_related(
        Prefetch("cover_image", queryset=images),
        "authors",
        Prefetch("pdfs", queryset=ReportPdf.objects.only("pk", "page_id", "language")),
    )
