"""The DCAT-AP 3 catalogue a data portal harvests: the experiences as a dataset with its live
exports as distributions, and each release as a version of it with its files (size, media
type, SHA-256). Controlled values come from the EU authority tables (data/authorities.json).

Every address is absolute, built by the `absolute(path)` it is given: the request's host for a
visitor, the configured base URL for a command. Only live public experiences are counted."""

import json
from functools import cache
from pathlib import Path

import pycountry
from django.conf import settings
from django.db.models import Max, Min
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD
from wagtail.models import Locale

from core.privacy import public

DATA = Path(__file__).resolve().parent / "data"
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# DCAT 3 terms rdflib's DCAT 2 namespace object does not know (dcat:version, dcat:hasVersion).
DCAT3 = Namespace(str(DCAT))
AVAILABILITY = URIRef("http://data.europa.eu/r5r/availability")
CONTENT_TYPES = {
    "json-ld": "application/ld+json; charset=utf-8",
    "xml": "application/rdf+xml; charset=utf-8",
}


@cache
def authorities():
    with open(DATA / "authorities.json", encoding="utf-8") as handle:
        return json.load(handle)


FORMATS = authorities()["formats"]


def languages():
    return [code for code, _name in settings.LANGUAGES]


def in_languages(text):
    """A translatable string as one literal per language of the site."""
    literals = []
    for code in languages():
        with translation.override(code):
            literals.append(Literal(gettext(text), lang=code))
    return literals


def public_experiences():
    from repository.models import ExperiencePage

    return public(ExperiencePage.objects.live())


def coverage(pages):
    """Countries (ISO alpha-2) and the first and last year of `pages`."""
    # A set, not DISTINCT: the pages' default ordering joins the SELECT and undid it (62 rows
    # for the demo's 40 countries).
    countries = sorted({code for code in pages.values_list("country__code", flat=True) if code})
    years = pages.aggregate(
        first=Min("start_year"), last_start=Max("start_year"), last_end=Max("end_year")
    )
    last = max(year for year in (years["last_start"], years["last_end"], 0) if year is not None)
    return countries, years["first"], last or None


class CatalogueBuilder:
    def __init__(self, absolute):
        from .models import OpenDataPage, Release

        self.absolute = absolute
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in (
            ("dcat", DCAT),
            ("dct", DCTERMS),
            ("foaf", FOAF),
            ("skos", SKOS),
            ("spdx", SPDX),
            ("vcard", VCARD),
        ):
            self.graph.bind(prefix, namespace)
        pages = public(OpenDataPage.objects.live()).select_related("locale")
        self.pages = {page.locale.language_code: page for page in pages}
        default = Locale.get_default().language_code
        self.page = self.pages.get(default) or next(iter(self.pages.values()), None)
        self.releases = list(Release.objects.order_by("issued", "pk"))

    def add(self, subject, predicate, *objects):
        for value in objects:
            self.graph.add((subject, predicate, value))

    def uri(self, path):
        return URIRef(self.absolute(path))

    def typed(self, uri, *classes):
        uri = URIRef(uri)
        self.add(uri, RDF.type, *classes)
        return uri

    # Shared nodes ---------------------------------------------------------------------------

    def shared_nodes(self):
        auth = authorities()
        base = self.page.url
        self.publisher = self.typed(self.absolute("/") + "#iopd", FOAF.Agent, FOAF.Organization)
        self.add(
            self.publisher,
            FOAF.name,
            *in_languages(gettext_noop("International Observatory on Participatory Democracy")),
        )
        self.add(self.publisher, FOAF.homepage, self.typed(self.absolute("/"), FOAF.Document))
        self.contact = self.typed(self.absolute(base) + "#contact", VCARD.Kind, VCARD.Organization)
        self.add(
            self.contact,
            VCARD.fn,
            *in_languages(gettext_noop("International Observatory on Participatory Democracy")),
        )
        email = self.contact_email()
        if email:
            self.add(self.contact, VCARD.hasEmail, URIRef(f"mailto:{email}"))
        self.add(self.contact, VCARD.hasURL, self.uri(base))
        self.languages = [
            self.typed(auth["languages"][code], DCTERMS.LinguisticSystem)
            for code in languages()
            if code in auth["languages"]
        ]
        themes = auth["themes"]
        self.scheme = self.typed(themes["scheme"], SKOS.ConceptScheme)
        self.add(
            self.scheme,
            DCTERMS.title,
            *[Literal(text, lang=code) for code, text in themes["scheme_title"].items()],
        )
        self.themes = []
        for code, labels in themes["concepts"].items():
            theme = self.typed(f"{themes['scheme']}/{code}", SKOS.Concept)
            self.add(theme, SKOS.prefLabel, *[Literal(t, lang=c) for c, t in labels.items()])
            self.add(theme, SKOS.inScheme, self.scheme)
            self.themes.append(theme)
        self.access = self.typed(auth["access_right_public"], DCTERMS.RightsStatement)
        self.landing = self.typed(self.absolute(base), FOAF.Document)

    def contact_email(self):
        from wagtail.models import Site

        from home.models import SiteSettings

        site = Site.objects.filter(is_default_site=True).first()
        return site and SiteSettings.for_site(site).contact_email

    def licence(self, value):
        from publications.models.reports import LICENCE_URLS

        uri = self.typed(authorities()["licences"][value], DCTERMS.LicenseDocument)
        if value in LICENCE_URLS:
            self.add(uri, RDFS.seeAlso, URIRef(LICENCE_URLS[value]))
        return uri

    def rights(self):
        uri = self.typed(self.absolute(self.page.url) + "#rights", DCTERMS.RightsStatement)
        self.add(
            uri,
            RDFS.label,
            *in_languages(
                gettext_noop(
                    "Free to reuse under the licence, citing the International Observatory on "
                    "Participatory Democracy as the source."
                )
            ),
        )
        return uri

    def spatial_temporal(self, dataset, countries, first, last):
        prefix = authorities()["country"]
        for code in countries:
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                self.add(
                    dataset, DCTERMS.spatial, self.typed(prefix + country.alpha_3, DCTERMS.Location)
                )
        if first:
            period = BNode()
            self.add(period, RDF.type, DCTERMS.PeriodOfTime)
            self.add(period, DCAT.startDate, Literal(str(first), datatype=XSD.gYear))
            if last:
                self.add(period, DCAT.endDate, Literal(str(last), datatype=XSD.gYear))
            self.add(dataset, DCTERMS.temporal, period)

    def describe_dataset(self, dataset, licence):
        self.add(dataset, RDF.type, DCAT.Dataset)
        self.add(dataset, DCTERMS.publisher, self.publisher)
        self.add(dataset, DCTERMS.creator, self.publisher)
        self.add(dataset, DCAT.contactPoint, self.contact)
        self.add(dataset, DCAT.theme, *self.themes)
        self.add(dataset, DCTERMS.language, *self.languages)
        self.add(dataset, DCTERMS.accessRights, self.access)
        self.add(dataset, DCTERMS.license, self.licence(licence))
        self.add(dataset, DCAT.keyword, *self.keywords)
        documentation = self.codebook_page()
        if documentation is not None:
            self.add(dataset, FOAF.page, documentation)
        provenance = self.provenance()
        if provenance is not None:
            self.add(dataset, DCTERMS.provenance, provenance)

    def codebook_page(self):
        if self.index is None:
            return None
        return self.typed(self.absolute(self.index.url + "codebook/"), FOAF.Document)

    def provenance(self):
        methods = {code: page.method for code, page in self.pages.items() if page.method}
        if not methods:
            return None
        uri = self.typed(self.absolute(self.page.url) + "#method", DCTERMS.ProvenanceStatement)
        self.add(uri, RDFS.label, *[Literal(text, lang=code) for code, text in methods.items()])
        return uri

    def availability(self, kind):
        """How long the files stay: the live exports while the site runs, a release for good."""
        value = authorities()["planned_availability"][kind]
        concept = self.typed(value["uri"], SKOS.Concept)
        self.add(concept, SKOS.prefLabel, *[Literal(t, lang=c) for c, t in value["labels"].items()])
        return concept

    def distribution(self, uri, url, fmt, licence, title, issued=None, modified=None):
        distribution = self.typed(uri, DCAT.Distribution)
        self.add(distribution, AVAILABILITY, self.availability("release" if issued else "live"))
        spec = FORMATS[fmt]
        self.add(distribution, DCTERMS.title, *title)
        target = self.typed(url, RDFS.Resource)
        self.add(distribution, DCAT.accessURL, target)
        self.add(distribution, DCAT.downloadURL, target)
        self.add(distribution, DCAT.mediaType, self.typed(spec["media_type"], DCTERMS.MediaType))
        self.add(
            distribution, DCTERMS.format, self.typed(spec["file_type"], DCTERMS.MediaTypeOrExtent)
        )
        self.add(distribution, DCTERMS.license, self.licence(licence))
        self.add(distribution, DCTERMS.rights, self.rights())
        if issued:
            self.add(distribution, DCTERMS.issued, issued)
        if modified:
            self.add(distribution, DCTERMS.modified, modified)
        return distribution

    # The live dataset and the releases ------------------------------------------------------

    def build(self):
        if self.page is None:
            return self.graph
        from repository.models import ExperienceIndexPage

        self.index = self.page.experiences_index()
        self.indexes = {
            index.locale.language_code: index
            for index in public(ExperienceIndexPage.objects.live()).select_related("locale")
        }
        self.shared_nodes()
        self.keywords = self.topic_keywords()
        catalogue = self.typed(self.absolute(self.page.url + "catalogue/"), DCAT.Catalog)
        self.add(catalogue, DCTERMS.title, *self.titles("catalogue"))
        self.add(catalogue, DCTERMS.description, *self.descriptions("catalogue"))
        self.add(catalogue, DCTERMS.publisher, self.publisher)
        self.add(catalogue, FOAF.homepage, self.landing)
        self.add(catalogue, DCTERMS.language, *self.languages)
        self.add(catalogue, DCAT.themeTaxonomy, self.scheme)
        self.add(catalogue, DCTERMS.license, self.licence(self.page.licence))
        live = self.live_dataset()
        self.add(catalogue, DCAT.dataset, live)
        modified = self.graph.value(live, DCTERMS.modified)
        if modified is not None:
            self.add(catalogue, DCTERMS.modified, modified)
        for release in self.releases:
            dataset = self.release_dataset(release)
            self.add(catalogue, DCAT.dataset, dataset)
            self.add(live, DCAT3.hasVersion, dataset)
            self.add(dataset, DCTERMS.isVersionOf, live)
        return self.graph

    def titles(self, what):
        texts = {
            "catalogue": gettext_noop(
                "Open data catalogue of the International Observatory on Participatory Democracy"
            ),
            "dataset": gettext_noop("Participatory democracy experiences"),
        }
        return in_languages(texts[what])

    def descriptions(self, what):
        texts = {
            "catalogue": gettext_noop(
                "The repository of participatory democracy experiences of the observatory, "
                "live and in dated releases, in English, French and Spanish."
            ),
            "dataset": gettext_noop(
                "Participatory democracy experiences documented by the observatory: place, "
                "years, topics, mechanisms and the coded variables of its codebook, one row "
                "per experience and language."
            ),
        }
        return in_languages(texts[what])

    def topic_keywords(self):
        from taxonomy.models import Topic

        keys = set(
            Topic.objects.filter(experiencepage__in=public_experiences()).values_list(
                "translation_key", flat=True
            )
        )
        terms = Topic.objects.filter(
            translation_key__in=keys, locale__language_code__in=languages()
        ).select_related("locale")
        return sorted(
            {Literal(term.name, lang=term.locale.language_code) for term in terms}, key=str
        )

    def live_dataset(self):
        pages = public_experiences()
        dataset = URIRef(self.absolute(self.page.url) + "#experiences")
        self.describe_dataset(dataset, self.page.licence)
        self.add(dataset, DCTERMS.title, *self.titles("dataset"))
        self.add(dataset, DCTERMS.description, *self.descriptions("dataset"))
        self.add(dataset, DCAT.landingPage, self.landing)
        self.add(
            dataset,
            DCTERMS.accrualPeriodicity,
            self.typed(authorities()["frequency"]["live"], DCTERMS.Frequency),
        )
        dates = pages.aggregate(issued=Min("first_published_at"), modified=Max("last_published_at"))
        if dates["issued"]:
            self.add(dataset, DCTERMS.issued, Literal(dates["issued"], datatype=XSD.dateTime))
        if dates["modified"]:
            self.add(dataset, DCTERMS.modified, Literal(dates["modified"], datatype=XSD.dateTime))
        self.spatial_temporal(dataset, *coverage(pages))
        for code, index in sorted(self.indexes.items()):
            modified = pages.filter(locale=index.locale).aggregate(last=Max("last_published_at"))
            for fmt in ("csv", "json"):
                url = self.absolute(f"{index.url}export/{fmt}/")
                with translation.override(code):
                    title = gettext("Experiences in %(language)s (%(format)s), live") % {
                        "language": translation.get_language_info(code)["name_local"],
                        "format": fmt.upper(),
                    }
                distribution = self.distribution(
                    self.absolute(self.page.url) + f"#experiences-{code}-{fmt}",
                    url,
                    fmt,
                    self.page.licence,
                    [Literal(title, lang=code)],
                    modified=modified["last"] and Literal(modified["last"], datatype=XSD.dateTime),
                )
                self.add(distribution, DCTERMS.language, self.language_node(code))
                self.add(dataset, DCAT.distribution, distribution)
        return dataset

    def language_node(self, code):
        return self.typed(authorities()["languages"][code], DCTERMS.LinguisticSystem)

    def release_dataset(self, release):
        base = self.absolute(self.page.url)
        dataset = URIRef(f"{base}#release-{release.version}")
        self.describe_dataset(dataset, release.licence)
        self.add(
            dataset,
            DCTERMS.title,
            *[
                Literal(f"{title} ({release.version})", lang=title.language)
                for title in self.titles("dataset")
            ],
        )
        self.add(dataset, DCTERMS.description, *self.descriptions("dataset"))
        self.add(dataset, DCAT3.version, Literal(release.version))
        issued = Literal(release.issued, datatype=XSD.date)
        self.add(dataset, DCTERMS.issued, issued)
        self.add(dataset, DCTERMS.modified, issued)
        self.add(
            dataset,
            DCAT.landingPage,
            self.typed(f"{base}#release-{release.version}-card", FOAF.Document),
        )
        self.add(
            dataset,
            DCTERMS.accrualPeriodicity,
            self.typed(authorities()["frequency"]["release"], DCTERMS.Frequency),
        )
        self.spatial_temporal(dataset, release.countries, release.first_year, release.last_year)
        for file in release.files:
            url = self.absolute(
                self.page.url
                + self.page.reverse_subpage("download", args=[release.version, file["key"]])
            )
            if file["format"] == "md":
                card = self.typed(url, FOAF.Document)
                self.add(card, DCTERMS.language, self.language_node(file["language"]))
                self.add(dataset, FOAF.page, card)
                continue
            distribution = self.distribution(
                f"{base}#release-{release.version}-{file['key']}",
                url,
                file["format"],
                release.licence,
                [Literal(file["name"])],
                issued=issued,
                modified=issued,
            )
            self.add(
                distribution, DCAT.byteSize, Literal(file["size"], datatype=XSD.nonNegativeInteger)
            )
            checksum = BNode()
            self.add(checksum, RDF.type, SPDX.Checksum)
            self.add(
                checksum,
                SPDX.algorithm,
                self.typed(authorities()["checksum_sha256"], SPDX.ChecksumAlgorithm),
            )
            self.add(checksum, SPDX.checksumValue, Literal(file["sha256"], datatype=XSD.hexBinary))
            self.add(distribution, SPDX.checksum, checksum)
            if file.get("language"):
                self.add(distribution, DCTERMS.language, self.language_node(file["language"]))
            self.add(dataset, DCAT.distribution, distribution)
        return dataset


def build_catalogue(absolute):
    return CatalogueBuilder(absolute).build()


def serialise(graph, syntax):
    if syntax == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
        return graph.serialize(format="json-ld", context=context, indent=2)
    return graph.serialize(format="pretty-xml")


def command_absolute(path):
    """Absolute URLs for a command: the configured base URL (the real host in production)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
