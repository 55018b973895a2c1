"""The site search: one interface, two implementations.

`EngineSearch` answers with one request to Elasticsearch/OpenSearch: hits, highlighted
snippets, every facet's counts (disjunctive: a facet's counts ignore its own selections) and
a histogram of years. `DatabaseSearch` answers the same questions from the documents table
when no engine is configured or the engine does not answer. `run_search` picks one."""

import logging
import re
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, F, Max, Min, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import sitecache
from core.privacy import public
from taxonomy.models import Topic

from .documents import fold, words
from .engine import EngineUnavailable, get_engine, text_field
from .facets import CONTENT_TYPES, FACETS, FACETS_BY_NAME
from .models import DocumentFacet, IndexedDocument

logger = logging.getLogger(__name__)
ALL_BUCKETS = 10_000
# Below this many distinct cases the engine's distinct count is exact.
PRECISION = 40_000
SNIPPET_WORDS = 30


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetResult:
    name: str
    label: str
    buckets: list

    @property
    def selected(self):
        return [bucket for bucket in self.buckets if bucket.selected]


@dataclass
class Hit:
    page_id: int
    url: str
    title: str
    type: str
    snippet: str
    place: str
    year_label: str
    topics: list
    language: str
    translation_key: str = ""
    # The language the words were found in, when the hit is shown in another one.
    matched_language: str = ""

    @property
    def type_label(self):
        return CONTENT_TYPES.get(self.type, self.type)


@dataclass
class SearchResults:
    params: object
    total: int = 0
    hits: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    years: list = field(default_factory=list)
    suggestion: str = ""
    backend: str = "database"
    engine_took_ms: int | None = None
    engine_requests: int = 0
    fallback: bool = False

    @property
    def facet_map(self):
        return {facet.name: facet for facet in self.facets}

    @property
    def pages(self):
        return max(1, -(-self.total // self.params.size))


# --- shared pieces ------------------------------------------------------------------------


def _synonym_table(codes):
    """(folded phrase, topic slug) for every topic name and synonym in these languages."""

    def compute():
        rows = []
        for topic in Topic.objects.filter(locale__language_code__in=codes):
            for phrase in [topic.name, *topic.synonym_list]:
                folded = " ".join(fold(phrase).split())
                if folded:
                    rows.append((folded, topic.slug))
        # Longest first, so "youth participatory budgeting" wins over "participatory budgeting".
        return sorted(set(rows), key=lambda row: -len(row[0]))

    return sitecache.cached(
        None, f"synonyms:{','.join(sorted(codes))}", compute, per_language=False
    )


def synonym_matches(q, codes):
    """[(topic slug, the query without the phrase)] for each topic phrase the query contains."""
    text = " ".join(fold(q).split())
    found = []
    for phrase, slug in _synonym_table(codes):
        pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
        if re.search(pattern, text) and slug not in [s for s, _rest in found]:
            found.append((slug, " ".join(re.sub(pattern, " ", text).split())))
    return found


def parse_terms(q):
    """(required words or phrases, excluded words), folded, from a visitor's query."""
    required, excluded = [], []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', q):
        if phrase:
            if words(phrase):
                required.append(words(phrase))
        elif word.startswith("-") and words(word):
            excluded.append(words(word))
        elif words(word) and fold(word) not in {"and", "or"}:
            required.append(words(word))
    return required, excluded


def _hit_from_doc(doc, snippet, topic_labels):
    return Hit(
        page_id=doc["page_id"],
        url=doc["url"],
        title=doc["title"],
        type=doc.get("type", ""),
        snippet=snippet,
        place=doc.get("place", ""),
        year_label=doc.get("year_label", ""),
        topics=[topic_labels.get(slug, slug) for slug in doc.get("topic", [])[:4]],
        language=doc["language"],
        translation_key=str(doc.get("translation_key", "")),
    )


def prefer_language(hits, language, topic_labels):
    """Show each hit in the visitor's language when the case has it, whatever language the
    words were found in (one query on the documents table, none to the engine)."""
    others = {hit.translation_key: hit for hit in hits if hit.language != language}
    if not others:
        return hits
    translations = {
        str(document.translation_key): document.data
        for document in visible_documents().filter(
            translation_key__in=list(others), language=language
        )
    }
    shown = []
    for hit in hits:
        doc = translations.get(hit.translation_key) if hit.language != language else None
        if doc is None:
            shown.append(hit)
            continue
        better = _hit_from_doc(doc, escape(doc.get("summary", "")), topic_labels)
        better.matched_language = hit.language
        shown.append(better)
    return shown


def _facet_results(params, counts):
    """FacetResults with labels in the visitor's language; selected values always listed."""
    results = []
    for facet in FACETS:
        labels = facet.label_map()
        values = dict(counts.get(facet.name, {}))
        for value in params.selected.get(facet.name, []):
            values.setdefault(value, 0)
        buckets = [
            Bucket(
                value,
                str(facet.label_for(value, labels)),
                count,
                value in params.selected.get(facet.name, []),
            )
            for value, count in values.items()
        ]
        buckets.sort(key=lambda b: (-b.count, b.label.casefold()))
        results.append(FacetResult(facet.name, str(facet.label), buckets))
    return results


def _topic_labels():
    return FACETS_BY_NAME["topic"].label_map()


def languages_for(params, language):
    if params.all_languages:
        return [code for code, _name in settings.LANGUAGES]
    return [params.scope or language]


# --- the engine ---------------------------------------------------------------------------

TEXT_FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE"


class EngineSearch:
    name = "engine"

    def __init__(self, engine):
        self.engine = engine

    def text_clause(self, params, codes):
        fields = []
        for code in codes:
            fields += [
                f"{text_field('title', code)}^4",
                f"{text_field('summary', code)}^2",
                f"{text_field('terms', code)}^2",
                text_field("body", code),
            ]
        fields.append("place")

        def sqs(text):
            return {
                "simple_query_string": {
                    "query": text,
                    "fields": fields,
                    "default_operator": "and",
                    "flags": TEXT_FLAGS,
                }
            }

        should = [sqs(params.q)]
        for slug, rest in synonym_matches(params.q, codes):
            clause = {"bool": {"filter": [{"term": {"topic": slug}}]}}
            if rest:
                clause["bool"]["must"] = [sqs(rest)]
            should.append(clause)
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def body(self, params, language):
        codes = languages_for(params, language)
        facet_filters = {
            name: {"terms": {name: values}} for name, values in params.selected.items()
        }
        year_range = {}
        if params.year_from:
            year_range["gte"] = params.year_from
        if params.year_to:
            year_range["lte"] = params.year_to
        year_filter = [{"range": {"year": year_range}}] if year_range else []

        must = [self.text_clause(params, codes)] if params.q else []
        query = {"bool": {"must": must or [{"match_all": {}}]}}
        if params.all_languages:
            # The visitor's language wins when a case matches in several.
            query["bool"]["should"] = [{"term": {"language": {"value": language, "boost": 0.01}}}]
        else:
            query["bool"]["filter"] = [{"term": {"language": codes[0]}}]

        def others(excluded):
            return [f for name, f in facet_filters.items() if name != excluded]

        def counted(terms_or_histogram):
            if params.all_languages:
                terms_or_histogram["aggs"] = {
                    "cases": {
                        "cardinality": {
                            "field": "translation_key",
                            "precision_threshold": PRECISION,
                        }
                    }
                }
            return terms_or_histogram

        aggs = {
            f"facet_{facet.name}": {
                "filter": {"bool": {"filter": others(facet.name) + year_filter}},
                "aggs": {"values": counted({"terms": {"field": facet.name, "size": ALL_BUCKETS}})},
            }
            for facet in FACETS
        }
        aggs["years"] = {
            "filter": {"bool": {"filter": others(None)}},
            "aggs": {
                "values": counted(
                    {"histogram": {"field": "year", "interval": 1, "min_doc_count": 1}}
                )
            },
        }
        post_filter = {"bool": {"filter": others(None) + year_filter}}
        if params.all_languages:
            aggs["total_cases"] = {
                "filter": post_filter,
                "aggs": {
                    "n": {
                        "cardinality": {
                            "field": "translation_key",
                            "precision_threshold": PRECISION,
                        }
                    }
                },
            }

        sort = {
            "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
            "newest": [{"date": {"order": "desc", "missing": "_last"}}, "_score"],
            "oldest": [{"date": {"order": "asc", "missing": "_last"}}, "_score"],
            "title": [{"title_sort": "asc"}, "_score"],
        }[params.sort]
        highlight_fields = {}
        for code in codes:
            for name in ("summary", "body"):
                highlight_fields[text_field(name, code)] = {}
        body = {
            "query": query,
            "post_filter": post_filter,
            "aggs": aggs,
            "sort": sort,
            "track_scores": True,
            "track_total_hits": True,
            "from": params.offset,
            "size": params.size,
            "_source": [
                "translation_key",
                "page_id",
                "url",
                "title",
                "type",
                "summary",
                "place",
                "year_label",
                "topic",
                "language",
            ],
            "highlight": {
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "fragment_size": 180,
                "number_of_fragments": 1,
                "fields": highlight_fields,
            },
        }
        if params.all_languages:
            body["collapse"] = {"field": "translation_key"}
        if params.q:
            body["suggest"] = {
                "text": params.q,
                "spelling": {"term": {"field": "spell", "suggest_mode": "popular", "size": 1}},
            }
        return body

    def search(self, params, language):
        started = time.monotonic()
        response = self.engine.search(self.body(params, language))
        results = SearchResults(params=params, backend=self.name, engine_requests=1)
        results.engine_took_ms = response.get("took")
        aggs = response.get("aggregations", {})

        def count(bucket):
            return bucket["cases"]["value"] if "cases" in bucket else bucket["doc_count"]

        if params.all_languages:
            results.total = aggs["total_cases"]["n"]["value"]
        else:
            results.total = response["hits"]["total"]["value"]
        counts = {
            facet.name: {
                bucket["key"]: count(bucket)
                for bucket in aggs[f"facet_{facet.name}"]["values"]["buckets"]
            }
            for facet in FACETS
        }
        results.facets = _facet_results(params, counts)
        results.years = [
            (int(bucket["key"]), count(bucket)) for bucket in aggs["years"]["values"]["buckets"]
        ]
        topic_labels = _topic_labels()
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            found = hit.get("highlight", {})
            # A sentence of the summary reads better than one from the middle of the body.
            fragments = [
                fragment
                for name in sorted(found, key=lambda name: not name.startswith("summary"))
                for fragment in found[name]
            ]
            snippet = mark_safe(fragments[0]) if fragments else escape(source.get("summary", ""))
            results.hits.append(_hit_from_doc(source, snippet, topic_labels))
        if params.all_languages:
            results.hits = prefer_language(results.hits, language, topic_labels)
        results.suggestion = self._suggestion(params.q, response.get("suggest", {}))
        logger.debug("engine search %.1f ms", (time.monotonic() - started) * 1000)
        return results

    @staticmethod
    def _suggestion(q, suggest):
        entries = suggest.get("spelling") or []
        if not entries or not any(entry["options"] for entry in entries):
            return ""
        text = q
        for entry in reversed(entries):
            if entry["options"]:
                start, length = entry["offset"], entry["length"]
                text = text[:start] + entry["options"][0]["text"] + text[start + length :]
        return text if fold(text) != fold(q) else ""


# --- the database -------------------------------------------------------------------------


def visible_documents():
    """Documents of live pages outside restricted subtrees.

    Delivery already removes the others; this guards the database answers in the moment
    between a privacy change and its delivery, at the cost of a join."""
    return public(IndexedDocument.objects.filter(page__live=True), field="page__path")


def _snippet(doc, terms):
    """A window of the summary or body around the first query word, with the words marked."""
    terms = [part for term in terms for part in term.split()]
    source = doc.get("summary") or ""
    body = doc.get("body") or ""
    for text in (source, body):
        tokens = text.split()
        marked = [any(words(t).startswith(w) for w in terms) for t in tokens]
        if any(marked):
            first = marked.index(True)
            start = max(0, first - 8)
            window = range(start, min(len(tokens), start + SNIPPET_WORDS))
            parts = [
                f"<mark>{escape(tokens[i])}</mark>" if marked[i] else escape(tokens[i])
                for i in window
            ]
            prefix = "… " if start else ""
            suffix = " …" if window.stop < len(tokens) else ""
            return mark_safe(prefix + " ".join(parts) + suffix)
    return escape(source)


class DatabaseSearch:
    """The same search on the database documents (PostgreSQL, or SQLite for the demo).

    Selections are sets of document ids read from the facet rows' (language, facet, value)
    index, which PostgreSQL joins by hashing rather than probing document by document. In one
    language each case has exactly one document, so totals and pages count and sort documents;
    across languages they group the documents of each case."""

    name = "database"

    @staticmethod
    def postings(codes, name, values):
        """Ids of the documents in `codes` languages having one of `values` for facet `name`."""
        return DocumentFacet.objects.filter(
            language__in=codes, facet=name, value__in=values
        ).values("document_id")

    def matching(self, params, language):
        codes = languages_for(params, language)
        documents = visible_documents().filter(language__in=codes)
        if not params.q:
            return documents, [], codes
        required, excluded = parse_terms(params.q)

        def all_words(terms):
            condition = Q()
            for word in terms:
                condition &= Q(text__contains=f" {word}")
            return condition

        condition = all_words(required) if required else Q()
        for slug, rest in synonym_matches(params.q, codes):
            has_topic = Q(page_id__in=self.postings(codes, "topic", [slug]))
            condition |= has_topic & all_words(parse_terms(rest)[0])
        documents = documents.filter(condition)
        for word in excluded:
            documents = documents.exclude(text__contains=f" {word}")
        return documents, required, codes

    def search(self, params, language):
        results = SearchResults(params=params, backend=self.name)
        documents, terms, codes = self.matching(params, language)
        conditions = {
            name: Q(page_id__in=self.postings(codes, name, values))
            for name, values in params.selected.items()
        }
        year = Q()
        if params.year_from:
            year &= Q(year__gte=params.year_from)
        if params.year_to:
            year &= Q(year__lte=params.year_to)

        def narrowed(excluded=None, with_year=True):
            queryset = documents
            for name, condition in conditions.items():
                if name != excluded:
                    queryset = queryset.filter(condition)
            return queryset.filter(year) if with_year else queryset

        many = params.all_languages

        def summary():
            counts = self.facet_counts(codes, many, conditions, narrowed)
            years = [
                (row["year"], row["n"])
                for row in narrowed(with_year=False)
                .exclude(year=None)
                .values("year")
                .annotate(n=Count("translation_key", distinct=True) if many else Count("pk"))
                .order_by("year")
            ]
            hits = narrowed()
            total = hits.values("translation_key").distinct().count() if many else hits.count()
            return counts, years, total

        if params.q or conditions or year:
            counts, results.years, results.total = summary()
        else:
            # The whole collection of a language: the landing page and every page of it count
            # the same million facet rows, until a document, a page or a restriction changes.
            counts, results.years, results.total = sitecache.cached(
                None, f"search-summary:{','.join(codes)}", summary, per_language=False
            )
        results.facets = _facet_results(params, counts)

        hits = narrowed()
        keys = self.page_of_cases(hits, params, terms) if many else None
        if many:
            best = {}
            preferred = {code: rank for rank, code in enumerate([language, settings.LANGUAGE_CODE])}
            for document in hits.filter(translation_key__in=keys):
                current = best.get(document.translation_key)
                rank = preferred.get(document.language, 9)
                if current is None or rank < preferred.get(current.language, 9):
                    best[document.translation_key] = document
            page = [best[key] for key in keys if key in best]
        else:
            page = list(self.page_of_documents(hits, params, terms))
        topic_labels = _topic_labels()
        results.hits = [
            _hit_from_doc(document.data, _snippet(document.data, terms), topic_labels)
            for document in page
        ]
        if params.all_languages:
            results.hits = prefer_language(results.hits, language, topic_labels)
        return results

    @staticmethod
    def facet_counts(codes, many, conditions, narrowed):
        """Every facet's counts; a facet's own selection does not narrow its counts."""
        # In one language each case has one document; across languages a case counts once.
        cases = Count("document__translation_key", distinct=True) if many else Count("pk")
        counts = {facet.name: {} for facet in FACETS}
        # The facets without a selection of their own all count within the same documents:
        # one grouped query for them, and one more per facet with a selection.
        groups = [([f.name for f in FACETS if f.name not in conditions], narrowed())]
        groups += [([name], narrowed(name)) for name in conditions]
        for names, within in groups:
            if not names:
                continue
            rows = (
                DocumentFacet.objects.filter(
                    language__in=codes, facet__in=names, document_id__in=within.values("pk")
                )
                .values("facet", "value")
                .annotate(n=cases)
                .order_by()
            )
            for row in rows:
                counts[row["facet"]][row["value"]] = row["n"]
        return counts

    @staticmethod
    def _title_words(terms, field):
        """How many query words the title holds: the fallback's notion of relevance."""
        return sum(
            (Case(When(**{f"{field}__contains": word}, then=1), default=0) for word in terms),
            Value(0),
        )

    def _page(self, rows, params, terms, date, title, per_row):
        """`rows` in the order the visitor asked, cut to one results page. `date` and `title`
        name what to sort on; `per_row` turns the relevance expression into one value per row
        (Max over a case's documents when rows are cases)."""
        newest = F(date).desc(nulls_last=True)
        order = {
            "relevance": [newest, title],
            "newest": [newest, title],
            "oldest": [F(date).asc(nulls_last=True), title],
            "title": [title],
        }[params.sort]
        if params.sort == "relevance" and terms:
            rows = rows.annotate(title_words=per_row(self._title_words(terms, "sort_title")))
            order = [F("title_words").desc(), *order]
        return rows.order_by(*order, "translation_key")[params.offset : params.offset + params.size]

    def page_of_documents(self, hits, params, terms):
        return self._page(hits, params, terms, "date", "sort_title", lambda words: words)

    def page_of_cases(self, hits, params, terms):
        """The translation keys of one results page, each case once, whatever its languages."""
        cases = hits.values("translation_key").annotate(
            latest=Max("date"), first_title=Min("sort_title")
        )
        page = self._page(cases, params, terms, "latest", "first_title", Max)
        return [row["translation_key"] for row in page]


def run_search(params, language):
    """Search with the engine when there is one, else (or when it fails) with the database."""
    engine = get_engine()
    if engine is not None:
        try:
            return EngineSearch(engine).search(params, language)
        except EngineUnavailable:
            logger.warning("Search engine unavailable; answering from the database", exc_info=True)
            results = DatabaseSearch().search(params, language)
            results.fallback = True
            return results
    return DatabaseSearch().search(params, language)
