"""The open-data page (releases, their citations and the DCAT-AP catalogue) and the record of
each dated release of the experiences."""

from django.core.files.storage import default_storage
from django.db import models
from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import SectionIndexPage
from publications.models.reports import LICENCE_URLS, Licence

# Only open licences: a release must be reusable.
OPEN_LICENCES = [(value, label) for value, label in Licence.choices if value in LICENCE_URLS]
CITATION_LABELS = [("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON")]


class OpenDataPage(RoutablePageMixin, SectionIndexPage):
    """The experiences as open data: dated releases with checksums and citations, and the
    DCAT-AP catalogue data portals harvest (`catalogue/`)."""

    licence = models.CharField(
        max_length=20,
        choices=OPEN_LICENCES,
        default=Licence.CC_BY,
        verbose_name=_("licence"),
        help_text=_("The licence of the open data and of every new release."),
    )
    method = models.TextField(
        blank=True,
        verbose_name=_("method"),
        help_text=_("How the experiences are collected and coded; printed in each data card."),
    )

    content_panels = [*SectionIndexPage.content_panels, FieldPanel("method"), FieldPanel("licence")]
    translatable_fields = [
        *SectionIndexPage.translatable_fields,
        TranslatableField("method"),
        SynchronizedField("licence", overridable=False),
    ]
    subpage_types = []
    max_count_per_parent = 1
    cached_subpaths = ("catalogue/", "catalogue/jsonld/", "catalogue/rdf/")

    class Meta:
        verbose_name = _("open data page")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .citations import reference

        releases = list(Release.objects.order_by("-issued", "-pk"))
        for release in releases:
            release.reference = reference(release, self, request)
            release.citations = [
                (label, self.url + self.reverse_subpage("citation", args=[release.version, name]))
                for name, label in CITATION_LABELS
            ]
            release.downloads = [
                (
                    file,
                    self.url
                    + self.reverse_subpage("download", args=[release.version, file["key"]]),
                )
                for file in release.files
            ]
        context["releases"] = releases
        context["experiences_index"] = self.experiences_index()
        return context

    def experiences_index(self):
        from core.privacy import public
        from repository.models import ExperienceIndexPage

        return public(ExperienceIndexPage.objects.live()).filter(locale=self.locale).first()

    @path("releases/<str:version>/<str:key>/", name="download")
    def download(self, request, version, key):
        """A release's file, as stored (its checksum is the one the page shows)."""
        release = Release.objects.filter(version=version).first()
        file = release and next((f for f in release.files if f["key"] == key), None)
        if file is None or not default_storage.exists(file["path"]):
            raise Http404
        from .catalogue import FORMATS

        response = FileResponse(
            default_storage.open(file["path"], "rb"),
            content_type=FORMATS[file["format"]]["content_type"],
            as_attachment=True,
            filename=file["name"],
        )
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("releases/<str:version>/cite/<str:fmt>/", name="citation")
    def citation(self, request, version, fmt):
        from . import citations

        release = Release.objects.filter(version=version).first()
        export = citations.EXPORTS.get(fmt)
        if release is None or export is None:
            raise Http404
        response = HttpResponse(
            export.render(release, self, request), content_type=export.content_type
        )
        filename = f"iopd-experiences-{release.version}.{export.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("catalogue/", name="catalogue")
    def catalogue(self, request):
        """DCAT-AP: RDF/XML to a client that asks for it, JSON-LD otherwise."""
        # The client's preference, q-values included; JSON-LD when it names neither.
        preferred = request.get_preferred_type(["application/ld+json", "application/rdf+xml"])
        wants_xml = preferred == "application/rdf+xml"
        return self._catalogue(request, "xml" if wants_xml else "json-ld", vary=True)

    @path("catalogue/jsonld/", name="catalogue_jsonld")
    def catalogue_jsonld(self, request):
        return self._catalogue(request, "json-ld")

    @path("catalogue/rdf/", name="catalogue_rdf")
    def catalogue_rdf(self, request):
        return self._catalogue(request, "xml")

    def _catalogue(self, request, syntax, vary=False):
        from .catalogue import CONTENT_TYPES, build_catalogue, serialise

        graph = build_catalogue(request.build_absolute_uri)
        response = HttpResponse(serialise(graph, syntax), content_type=CONTENT_TYPES[syntax])
        if vary:
            response["Vary"] = "Accept"
        return response

    def structured_data(self, request):
        return {
            "@type": "DataCatalog",
            "name": self.title,
            "description": self.introduction,
            "url": request.build_absolute_uri(self.url),
            "license": self.licence_url,
        }


class Release(models.Model):
    """A dated, versioned snapshot of the public experiences: its files (in the default
    storage, with their SHA-256), its coverage and what changed since the release before."""

    version = models.CharField(max_length=40, unique=True, verbose_name=_("version"))
    issued = models.DateField(verbose_name=_("date of issue"))
    created_at = models.DateTimeField(auto_now_add=True)
    licence = models.CharField(max_length=20, choices=OPEN_LICENCES, verbose_name=_("licence"))
    experiences = models.PositiveIntegerField(verbose_name=_("experiences"))
    rows = models.PositiveIntegerField(help_text="Rows in the data files, translations included.")
    countries = models.JSONField(default=list, help_text="ISO 3166-1 alpha-2 codes covered.")
    first_year = models.PositiveIntegerField(null=True, blank=True)
    last_year = models.PositiveIntegerField(null=True, blank=True)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    files = models.JSONField(
        default=list, help_text="[{key, name, path, format, language, size, sha256}]"
    )
    # external_id -> digest of the experience's rows, to count changes at the next release.
    fingerprints = models.JSONField(default=dict)

    class Meta:
        ordering = ["-issued", "-pk"]
        verbose_name = _("release")

    def __str__(self):
        return pgettext("release", "Release %(version)s") % {"version": self.version}

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def data_files(self):
        return [file for file in self.files if file["format"] != "md"]

    def data_card(self, language):
        return next(
            (f for f in self.files if f["format"] == "md" and f["language"] == language), None
        )
