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
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Page

from core.privacy import public, restricted_paths
from publications.models import EventPage, NewsPage
from repository.models import ExperiencePage

from .facets import topic_parents

# Models whose pages are searched, with their content type (a facet value).
INDEXED = {ExperiencePage: "experience", NewsPage: "news", EventPage: "event"}
SUMMARY_LENGTH = 300


def fold(text):
    """Lower case without accents: how the database fallback compares words."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _streamfield_text(value):
    if not value:
        return ""
    return " ".join(str(part) for part in value.stream_block.get_searchable_content(value))


class DocumentBuilder:
    """Builds documents for many pages with a bounded number of queries."""

    def __init__(self):
        self.parents = topic_parents()
        self.restricted = restricted_paths()
        self.languages = {code for code, _name in settings.LANGUAGES}

    def indexable(self, page):
        return (
            page.live
            and page.locale.language_code in self.languages
            and not any(page.path.startswith(path) for path in self.restricted)
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
        queryset = model.objects.filter(pk__in=ids).select_related("locale")
        if model is ExperiencePage:
            queryset = queryset.select_related("country", "government_level").prefetch_related(
                "topics", "mechanisms", "target_groups", "keywords", "awards", "organisations"
            )
        elif model is NewsPage:
            queryset = queryset.prefetch_related("keywords")
        return list(queryset)

    def available_languages(self, pages):
        keys = {page.translation_key for page in pages}
        available = {}
        rows = (
            public(Page.objects.live())
            .filter(translation_key__in=keys)
            .values_list("translation_key", "locale__language_code")
        )
        for key, code in rows:
            if code in self.languages:
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
                "url": page.get_url(),
                "title": page.title,
                "summary": Truncator(getattr(page, "summary", "") or "").chars(SUMMARY_LENGTH),
                "available": sorted(available | {language}),
                "topic": [],
                "mechanism": [],
                "group": [],
                "level": [],
                "region": [],
                "country": [],
                "status": [],
                "award": [],
                "keyword": [],
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
        topics = list(page.topics.all())
        slugs = set()
        for topic in topics:
            slug = topic.slug
            while slug and slug not in slugs:
                slugs.add(slug)
                slug = self.parents.get(slug)
        doc["topic"] = sorted(slugs)
        doc["mechanism"] = sorted(m.slug for m in page.mechanisms.all())
        doc["group"] = sorted(g.slug for g in page.target_groups.all())
        doc["level"] = [page.government_level.slug] if page.government_level else []
        if page.country:
            doc["country"] = [page.country.code]
            doc["region"] = [page.country.region] if page.country.region else []
        doc["place"] = ", ".join(
            part for part in (page.place, page.country and page.country.name) if part
        )
        doc["status"] = ["ongoing" if page.ongoing else "finished"] if page.start_year else []
        doc["award"] = ["awarded"] if page.awards.all() else []
        doc["keyword"] = sorted(tag.name for tag in page.keywords.all())
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
            *(mechanism.name for mechanism in page.mechanisms.all()),
            *(group.name for group in page.target_groups.all()),
            *(organisation.name for organisation in page.organisations.all()),
        ]

    def _news(self, page, doc):
        doc["keyword"] = sorted(tag.name for tag in page.keywords.all())
        doc["year"] = page.date.year
        doc["date"] = page.date.isoformat()
        doc["year_label"] = str(page.date.year)

    def _event(self, page, doc):
        start = page.start.date()
        doc["year"] = start.year
        doc["date"] = start.isoformat()
        doc["year_label"] = str(start.year)
        doc["place"] = ", ".join(part for part in (page.venue, page.city) if part)


def facet_values(doc, name):
    value = doc[name]
    return [value] if isinstance(value, str) else list(value)


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
