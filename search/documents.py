"""How a page becomes a search document: the one place that says it.

One document per page, which is one language of a case (each translation is its own page).
The same document feeds the engine and the database table of the fallback, so both answer
the same questions about the same content."""

import datetime
import hashlib
import json
import re
import unicodedata

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import Truncator
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from core.privacy import is_public, is_public_path, public
from core.text import fold
from network.models import MemberOrganisation
from publications.models import EventPage, NewsPage, ReportPage
from repository import criteria
from repository.coding import CODED_VARIABLES, MANY_CODED, SINGLE_CODED
from repository.models import ExperiencePage
from taxonomy.models import Country, GovernmentLevel, place_line
from taxonomy.tree import topic_parents, with_broader

# Models whose pages are searched, with their content type (a facet value).
INDEXED = {
    ExperiencePage: "experience",
    NewsPage: "news",
    EventPage: "event",
    ReportPage: "report",
}
# How much of a report's PDF text a document carries (the full text stays in PdfText).
REPORT_PDF_CHARS = 100_000
SUMMARY_LENGTH = 300
# What `indexable`, `build` and `_experience` read of an experience (and `get_url`: url_path).
EXPERIENCE_FIELDS = (
    "live",
    "path",
    "locale",
    "translation_key",
    "url_path",
    "title",
    "summary",
    "body",
    "place",
    "country",
    "government_level",
    "start_year",
    "ongoing",
    "end_year",
    *(f"{field}_id" for field in SINGLE_CODED),
    # Read by the inclusion criteria (repository/criteria.py).
    "participants",
    "duration_days",
)


def _summary(text):
    """Truncator(text).chars(SUMMARY_LENGTH), without its character loop for short texts:
    a text no longer than the limit comes back NFC-normalised and whole."""
    normalised = unicodedata.normalize("NFC", text)
    if len(normalised) <= SUMMARY_LENGTH:
        return normalised
    return Truncator(text).chars(SUMMARY_LENGTH)


def _streamfield_text(value):
    if not value:
        return ""
    return " ".join(str(part) for part in value.stream_block.get_searchable_content(value))


# The part of a page's URL after its site root that `reverse("wagtail_serve")` copies as it is:
# ASCII words and hyphens, each followed by a slash (quote() leaves these characters alone).
_PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_\-]+/)*")


class DocumentBuilder:
    """Builds documents for many pages with a bounded number of queries.

    Relations of experiences are read in one query each for the whole batch (rather than
    prefetched as model instances), and URLs are computed from `url_path` and the site root
    paths read once, checked against `page.get_url()` for the first page of each site root and
    language; anything unusual takes `page.get_url()` itself."""

    def __init__(self):
        self.parents = topic_parents()
        # From the database, not the site cache: a worker process must never index a page
        # as public on the strength of another process's stale cache.
        self.restricted = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        self.languages = {code for code, _name in settings.LANGUAGES}
        self.relations = {}
        self._root_paths = None
        self._prefixes = {}

    def indexable(self, page):
        return (
            page.live
            and page.locale.language_code in self.languages
            and is_public(page, self.restricted)
        )

    @staticmethod
    def indexable_queryset(model):
        return public(model.objects.live()).filter(
            locale__language_code__in=[code for code, _name in settings.LANGUAGES]
        )

    def pages(self, page_ids):
        """The specific pages among `page_ids` that may be searched, with their relations."""
        found = []
        types = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type__model"))
        for model in INDEXED:
            ids = [pk for pk, name in types.items() if name == model._meta.model_name]
            if ids:
                found.extend(self._load(model, ids))
        return [page for page in found if self.indexable(page)]

    def _load(self, model, ids):
        if model is ExperiencePage:
            return self._load_experiences(ids)
        queryset = model.objects.filter(pk__in=ids).select_related("locale")
        if model is NewsPage:
            queryset = queryset.prefetch_related("keywords")
        if model is EventPage:
            queryset = queryset.select_related("country").prefetch_related("topics")
        if model is ReportPage:
            queryset = queryset.prefetch_related(
                "keywords", "topics", "authors", "pdfs__document__pdf_text"
            )
        return list(queryset)

    def _load_experiences(self, ids):
        """Experiences with only the fields a document reads (an experience has fifty, and
        building each instance costs in proportion); their locale, country and government
        level are shared instances read once per batch rather than joined on every row."""
        pages = list(ExperiencePage.objects.filter(pk__in=ids).only(*EXPERIENCE_FIELDS))
        for name, model in (
            ("locale", Locale),
            ("country", Country),
            ("government_level", GovernmentLevel),
            *(
                (variable.field, variable.model)
                for variable in CODED_VARIABLES
                if not variable.many
            ),
        ):
            field = ExperiencePage._meta.get_field(name)
            related = model._base_manager.in_bulk(
                {getattr(page, field.attname) for page in pages} - {None}
            )
            for page in pages:
                key = getattr(page, field.attname)
                field.set_cached_value(page, related[key] if key is not None else None)
        self.relations.update(experience_relations([page.pk for page in pages]))
        return pages

    # --- URLs ------------------------------------------------------------------------

    def url(self, page):
        """`page.get_url()`, computed from `url_path` and the site root paths."""
        cls = type(page)
        if cls.get_url is not Page.get_url or cls.get_url_parts is not Page.get_url_parts:
            return page.get_url()
        if self._root_paths is None:
            self._root_paths = Site.get_site_root_paths()
            self._single_site = len({root[0] for root in self._root_paths}) == 1
        root = next(
            (root for root in self._root_paths if page.url_path.startswith(root.root_path)), None
        )
        if root is None:
            return None
        rest = page.url_path[len(root.root_path) :]
        if not _PLAIN_PATH.fullmatch(rest):
            return page.get_url()
        key = (root, translation.get_language())
        prefix = self._prefixes.get(key)
        if prefix is None:
            prefix = self._prefix(root)
            url = self._join(root, prefix, rest) if prefix else None
            # The first page of each root and language checks the shortcut against Wagtail.
            if url != page.get_url():
                prefix = False
            self._prefixes[key] = prefix
        if prefix is False:
            return page.get_url()
        return self._join(root, prefix, rest)

    def _join(self, root, prefix, rest):
        path = prefix + rest
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return path if self._single_site else root.root_url + path

    @staticmethod
    def _prefix(root):
        """What `reverse("wagtail_serve")` puts before the path, as Page.get_url_parts does."""
        language = root.language_code
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            try:
                active = translation.get_language()
                if get_supported_content_language_variant(active) == language:
                    language = active
            except LookupError:
                pass
        try:
            with translation.override(language):
                return reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            return None

    def available_languages(self, pages):
        keys = {page.translation_key for page in pages}
        available = {}
        rows = (
            Page.objects.live()
            .filter(translation_key__in=keys)
            .values_list("translation_key", "locale__language_code", "path")
        )
        for key, code, path in rows:
            # The restrictions read for this batch, not the cache (see __init__).
            if code in self.languages and is_public_path(path, self.restricted):
                available.setdefault(key, set()).add(code)
        return available

    def build_many(self, pages):
        available = self.available_languages(pages)
        return {
            page.pk: self.build(page, available.get(page.translation_key, set())) for page in pages
        }

    def build(self, page, available):
        language = page.locale.language_code
        with translation.override(language):
            doc = {
                "page_id": page.pk,
                "translation_key": str(page.translation_key),
                "language": language,
                "type": INDEXED[type(page)],
                "url": self.url(page),
                "title": page.title,
                "summary": _summary(getattr(page, "summary", "") or ""),
                "available": sorted(available | {language}),
                "topic": [],
                "mechanism": [],
                "group": [],
                "level": [],
                "region": [],
                "country": [],
                "status": [],
                "award": [],
                "legal": [],
                "keyword": [],
                **{variable.param: [] for variable in CODED_VARIABLES},
                "badge": [],
                "place": "",
                "year": None,
                "year_label": "",
                "date": None,
                "body": _streamfield_text(getattr(page, "body", None)),
                "extra": [],
            }
            getattr(self, f"_{doc['type']}")(page, doc)
        doc["fingerprint"] = fingerprint(doc)
        return doc

    def _experience(self, page, doc):
        relations = self.relations.get(page.pk) or experience_relations_of(page)
        topics = relations["topics"]
        doc["topic"] = self._with_ancestors(topic.slug for topic in topics)
        doc["mechanism"] = sorted(m.slug for m in relations["mechanisms"])
        doc["group"] = sorted(g.slug for g in relations["target_groups"])
        doc["level"] = [page.government_level.slug] if page.government_level else []
        if page.country:
            doc["country"] = [page.country.code]
            doc["region"] = [page.country.region] if page.country.region else []
        doc["place"] = page.place_line
        doc["status"] = ["ongoing" if page.ongoing else "finished"] if page.start_year else []
        doc["award"] = sorted(relations["distinctions"])
        doc["legal"] = ["yes"] if relations["legal"] else ["no"]
        doc["keyword"] = sorted(relations["keywords"])
        for variable in CODED_VARIABLES:
            if variable.many:
                doc[variable.param] = sorted(term.slug for term in relations[variable.field])
            else:
                term = getattr(page, variable.field)
                doc[variable.param] = [term.slug] if term else []
        # Computed from the coding above: a badge is never typed in.
        doc["badge"] = criteria.met_slugs(criteria.coding_of_document(doc, page))
        if page.start_year:
            doc["year"] = page.start_year
            doc["date"] = datetime.date(page.start_year, 1, 1).isoformat()
            if page.ongoing:
                doc["year_label"] = f"{page.start_year}–"
            elif page.end_year and page.end_year != page.start_year:
                doc["year_label"] = f"{page.start_year}–{page.end_year}"
            else:
                doc["year_label"] = str(page.start_year)
        doc["extra"] = [
            *(topic.name for topic in topics),
            *(mechanism.name for mechanism in relations["mechanisms"]),
            *(group.name for group in relations["target_groups"]),
            *relations["organisations"],
            # The identifiers of the case in other databases find it too.
            *relations["crosswalk"],
        ]

    def _news(self, page, doc):
        doc["keyword"] = sorted(tag.name for tag in page.keywords.all())
        doc["year"] = page.date.year
        doc["date"] = page.date.isoformat()
        doc["year_label"] = str(page.date.year)

    def _report(self, page, doc):
        from taxonomy.models import localize_terms

        topics = list(page.topics.all())
        doc["topic"] = self._with_ancestors(topic.slug for topic in topics)
        doc["keyword"] = sorted(tag.name for tag in page.keywords.all())
        doc["summary"] = _summary(page.abstract)
        doc["year"] = page.publication_date.year
        doc["date"] = page.publication_date.isoformat()
        doc["year_label"] = str(page.publication_date.year)
        # The PDF in the page's language, else any PDF, makes the report findable by its text.
        pdfs = sorted(page.pdfs.all(), key=lambda pdf: pdf.language != doc["language"])
        texts = [getattr(pdf.document, "pdf_text", None) for pdf in pdfs]
        text = next((text.text for text in texts if text is not None and text.readable), "")
        doc["body"] = " ".join(part for part in (doc["body"], text[:REPORT_PDF_CHARS]) if part)
        doc["extra"] = [
            str(page.get_report_type_display()),
            *(topic.name for topic in localize_terms(topics)),
            *(author.name for author in page.authors.all()),
            *(value for value in (page.isbn, page.doi) if value),
        ]

    def _event(self, page, doc):
        # The day the event starts where it takes place, as its page shows it.
        start = page.first_day
        doc["year"] = start.year
        doc["date"] = start.isoformat()
        doc["year_label"] = str(start.year)
        topics = list(page.topics.all())
        doc["topic"] = self._with_ancestors(topic.slug for topic in topics)
        if page.country:
            doc["country"] = [page.country.code]
            doc["region"] = [page.country.region] if page.country.region else []
        doc["place"] = place_line(page.venue, page.city, country=page.country)
        doc["extra"] = [
            *(topic.name for topic in topics),
            *(value["name"] for value in page.organisations("organiser")),
            *(value["name"] for value in page.organisations("partner")),
        ]

    def _with_ancestors(self, slugs):
        """The topics and every broader topic: a search for "youth" finds youth budgets."""
        return sorted(with_broader(slugs, self.parents))


class _Term:
    __slots__ = ("name", "slug")

    def __init__(self, slug, name):
        self.slug, self.name = slug, name


def experience_relations(page_ids):
    """{page id: relations} for `_experience`, one query per relation for all the pages.

    Terms come in their model's default order, as `page.topics.all()` gives them."""
    relations = {
        pk: {
            "topics": [],
            "mechanisms": [],
            "target_groups": [],
            "keywords": [],
            "organisations": [],
            "distinctions": set(),
            "crosswalk": [],
            "legal": False,
            **{field: [] for field in MANY_CODED},
        }
        for pk in page_ids
    }
    if not page_ids:
        return relations
    for name in ("topics", "mechanisms", "target_groups", *MANY_CODED):
        field = ExperiencePage._meta.get_field(name)
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        ordering = [f"{target}__{key}" for key in field.related_model._meta.ordering]
        rows = (
            through.objects.filter(**{f"{source}__in": page_ids})
            .order_by(*ordering, f"{target}__pk")
            .values_list(source, f"{target}__slug", f"{target}__name")
        )
        for page_id, slug, term_name in rows:
            relations[page_id][name].append(_Term(slug, term_name))
    keywords = ExperiencePage._meta.get_field("keywords").through
    for page_id, tag in keywords.objects.filter(content_object_id__in=page_ids).values_list(
        "content_object_id", "tag__name"
    ):
        relations[page_id]["keywords"].append(tag)
    awards = ExperiencePage._meta.get_field("awards").related_model
    for page_id, distinction in awards.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "distinction"
    ):
        relations[page_id]["distinctions"].add(distinction)
    legal = ExperiencePage._meta.get_field("legal_frameworks").remote_field.through
    for page_id in legal.objects.filter(experiencepage_id__in=page_ids).values_list(
        "experiencepage_id", flat=True
    ):
        relations[page_id]["legal"] = True
    organisations = ExperiencePage._meta.get_field("organisations").related_model
    rows = (
        organisations.objects.filter(page_id__in=page_ids)
        # Members without consent, or who left, are not searchable through their experiences.
        .filter(Q(member__isnull=True) | Q(member__in=MemberOrganisation.objects.public()))
        .order_by(*organisations._meta.ordering, "pk")
        .values_list("page_id", "name")
    )
    for page_id, organisation in rows:
        relations[page_id]["organisations"].append(organisation)
    crosswalk = ExperiencePage._meta.get_field("crosswalk").related_model
    for page_id, identifier in (
        crosswalk.objects.filter(page_id__in=page_ids)
        .order_by("sort_order", "pk")
        .values_list("page_id", "identifier")
    ):
        relations[page_id]["crosswalk"].append(identifier)
    return relations


def experience_relations_of(page):
    """The same, from a page's own relations (a page that `DocumentBuilder.pages` did not load,
    or an unsaved change held in memory by modelcluster)."""
    return {
        "topics": list(page.topics.all()),
        "mechanisms": list(page.mechanisms.all()),
        "target_groups": list(page.target_groups.all()),
        "keywords": [tag.name for tag in page.keywords.all()],
        "organisations": [organisation.name for organisation in page.public_organisations],
        "distinctions": {award.distinction for award in page.awards.all()},
        "crosswalk": [row.identifier for row in page.crosswalk.all()],
        "legal": bool(page.legal_frameworks.all()),
        **{field: list(getattr(page, field).all()) for field in MANY_CODED},
    }


def fingerprint(doc):
    content = {key: value for key, value in doc.items() if key != "fingerprint"}
    return hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def words(text):
    """The folded words of `text`, space-separated: punctuation never splits a match."""
    return " ".join(re.findall(r"\w+", fold(text)))


def searchable_text(doc):
    """Every word a visitor may type to find the document, for the database fallback.

    A leading space lets a query word match the start of any word: " budget" finds
    "budgeting", a poor man's stemming that needs no language rules."""
    parts = [
        doc["title"],
        doc["summary"],
        doc["body"],
        doc["place"],
        *doc["keyword"],
        *doc["extra"],
    ]
    return " " + words(" ".join(part for part in parts if part))


def all_indexable_ids():
    """Primary keys of every page that belongs in the index, in a stable order."""
    ids = []
    for model in INDEXED:
        ids.extend(DocumentBuilder.indexable_queryset(model).values_list("pk", flat=True))
    return sorted(ids)
