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
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import sitecache
from core.privacy import public
from core.text import fold
from repository.coding import CODED_VARIABLES
from taxonomy.models import Topic

from . import postings, spelling
from .documents import words
from .engine import (
    COMBINED,
    HIGHLIGHTED,
    SEPARATOR,
    YEAR,
    EngineUnavailable,
    get_engine,
    text_field,
)
from .facets import FACETS, FACETS_BY_NAME, facet_names
from .models import IndexedDocument

logger = logging.getLogger(__name__)
ALL_BUCKETS = 10_000
# Every value of every facet without a selection, in one aggregation: within the engine's
# limit on buckets in a response (65,535 by default).
COMBINED_BUCKETS = 50_000
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

    @property
    def as_written(self):
        return FACETS_BY_NAME[self.name].as_written


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
        return FACETS_BY_NAME["type"].label_map().get(self.type, self.type)


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
        None, f"synonyms:{','.join(sorted(codes))}", compute, per_language=False, reference=True
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
    names = facet_names()
    for facet in FACETS:
        labels = facet.label_map()
        values = dict(counts.get(facet.name, {}))
        for value in params.selected.get(facet.name, []):
            values.setdefault(value, 0)
        buckets = [
            Bucket(
                value,
                str(labels.get(value, value)),
                count,
                value in params.selected.get(facet.name, []),
            )
            for value, count in values.items()
        ]
        buckets.sort(key=lambda b: (-b.count, b.label.casefold()))
        results.append(FacetResult(facet.name, names[facet.name], buckets))
    return results


def _topic_labels():
    return FACETS_BY_NAME["topic"].label_map()


def languages_for(params, language):
    if params.all_languages:
        return [code for code, _name in settings.LANGUAGES]
    return [params.scope or language]


# --- the engine ---------------------------------------------------------------------------

TEXT_FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE"
# What a results page reads from the engine's response.
RESPONSE_PARTS = [
    "took",
    "hits.total",
    "hits.hits._source",
    "hits.hits.highlight",
    "hits.hits.inner_hits.versions.hits.hits._source",
    "hits.hits.inner_hits.versions.hits.hits.highlight",
    "aggregations.**.buckets.key",
    "aggregations.**.buckets.doc_count",
    "aggregations.**.buckets.cases.value",
    "aggregations.**.value",
    "suggest",
]


# The order in which selections filter the documents for the counts (see nested_filters):
# facets whose values each hold few documents first.
SELECTIVE_FIRST = [
    "award",
    "legal",
    "keyword",
    "country",
    # The coded variables: few cases have each value.
    *(variable.param for variable in CODED_VARIABLES),
    "mechanism",
    "group",
    "topic",
    "level",
    "region",
    YEAR,
    "type",
    "available",
    "status",
]
_RANK = {name: rank for rank, name in enumerate(SELECTIVE_FIRST)}


def nested_filters(selections, leaves, left_out=None):
    """The aggregations of `leaves` under a tree of single filters, one per selection:
    `leaves[None]` counts under every selection, `leaves[name]` under all but `name`'s.

    A path applies the selections in order and may leave one out; each filter is checked
    only on the documents its parent let through, so the most selective go first. A filter
    of every selection but one per aggregation was checked on every matching document (with
    three facets selected, four filters of two or three clauses each): at 100,000 cases the
    tree takes facets-only searches from 12.2 to 10.0 ms of the engine's time."""
    if not selections:
        return dict(leaves[left_out])
    (name, clause), rest = selections[0], selections[1:]
    aggs = {f"with_{name}": {"filter": clause, "aggs": nested_filters(rest, leaves, left_out)}}
    if left_out is None:
        aggs.update(nested_filters(rest, leaves, name))
    return aggs


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
        # Every selection as one filter, by facet name, and the year range as YEAR's.
        clauses = {name: {"terms": {name: values}} for name, values in params.selected.items()}
        year_range = {}
        if params.year_from:
            year_range["gte"] = params.year_from
        if params.year_to:
            year_range["lte"] = params.year_to
        if year_range:
            clauses[YEAR] = {"range": {"year": year_range}}

        must = [self.text_clause(params, codes)] if params.q else []
        query = {"bool": {"must": must or [{"match_all": {}}]}}
        if params.all_languages:
            # The visitor's language wins when a case matches in several.
            query["bool"]["should"] = [{"term": {"language": {"value": language, "boost": 0.01}}}]
        else:
            query["bool"]["filter"] = [{"term": {"language": codes[0]}}]

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

        # Facets without a selection of their own all count under every selection, in one
        # terms aggregation on the field holding every facet's values as "facet:value", and
        # the years as "year:YYYY". A facet with a selection counts under the others' only;
        # so do the years when a range is set.
        shared = {"facets": counted({"terms": {"field": COMBINED, "size": COMBINED_BUCKETS}})}
        if clauses:
            names = "|".join(re.escape(name) for name in clauses)
            shared["facets"]["terms"]["exclude"] = f"({names}){re.escape(SEPARATOR)}.*"
        if params.all_languages:
            shared["total_cases"] = {
                "cardinality": {"field": "translation_key", "precision_threshold": PRECISION}
            }
        leaves = {None: shared}
        for name in params.selected:
            leaves[name] = {
                f"facet_{name}": counted({"terms": {"field": name, "size": ALL_BUCKETS}})
            }
        if YEAR in clauses:
            years = counted({"histogram": {"field": "year", "interval": 1, "min_doc_count": 1}})
            leaves[YEAR] = {"years": years}
        # A facet missing from the order still filters, last.
        selections = sorted(clauses.items(), key=lambda item: _RANK.get(item[0], len(_RANK)))
        aggs = nested_filters(selections, leaves)
        post_filter = {"bool": {"filter": list(clauses.values())}}
        sort = {
            "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
            "newest": [{"date": {"order": "desc", "missing": "_last"}}, "_score"],
            "oldest": [{"date": {"order": "asc", "missing": "_last"}}, "_score"],
            "title": [{"title_sort": "asc"}, "_score"],
        }[params.sort]
        if not params.q:
            # Without words every document scores the same: no score to compute or compare.
            sort = [key for key in sort if key != "_score"]
        highlight_fields = {}
        for code in codes:
            for name in HIGHLIGHTED:
                highlight_fields[text_field(name, code)] = {}
        body = {
            "query": query,
            "post_filter": post_filter,
            "aggs": aggs,
            "sort": sort,
            "track_scores": bool(params.q),
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
                # Each matching version of the case, so that the one in the visitor's language
                # is shown, with its own highlights, whenever its text matches too.
                body["collapse"]["inner_hits"] = {
                    "name": "versions",
                    "size": len(codes),
                    "_source": body["_source"],
                    "highlight": body["highlight"],
                }
        if params.q:
            body["suggest"] = {
                "text": params.q,
                "spelling": {"term": {"field": "spell", "suggest_mode": "popular", "size": 1}},
            }
        return body

    def search(self, params, language):
        started = time.monotonic()
        response = self.engine.search(
            self.body(params, language), filter_path=RESPONSE_PARTS, cache=True
        )
        results = SearchResults(params=params, backend=self.name, engine_requests=1)
        results.engine_took_ms = response.get("took")
        # Each aggregation at the top or under one filter (see body()); the response leaves
        # out what a page does not read, empty bucket lists included.
        aggs = {}

        def flatten(tree):
            for name, value in tree.items():
                if "buckets" in value or "value" in value:
                    aggs[name] = value
                else:
                    flatten(value)

        flatten(response.get("aggregations", {}))

        def buckets(name):
            return aggs.get(name, {}).get("buckets", [])

        def count(bucket):
            return bucket["cases"]["value"] if "cases" in bucket else bucket["doc_count"]

        if params.all_languages:
            results.total = aggs.get("total_cases", {}).get("value", 0)
        else:
            results.total = response["hits"]["total"]["value"]
        counts = {facet.name: {} for facet in FACETS}
        years = [(int(bucket["key"]), count(bucket)) for bucket in buckets("years")]
        for bucket in buckets("facets"):
            name, _separator, value = bucket["key"].partition(SEPARATOR)
            if name in counts:
                counts[name][value] = count(bucket)
            elif name == YEAR:
                years.append((int(value), count(bucket)))
        for facet in FACETS:
            if facet.name in params.selected:
                own = buckets(f"facet_{facet.name}")
                counts[facet.name] = {bucket["key"]: count(bucket) for bucket in own}
        results.facets = _facet_results(params, counts)
        results.years = sorted(years)
        topic_labels = _topic_labels()
        for hit in response["hits"].get("hits", []):
            versions = hit.get("inner_hits", {}).get("versions", {}).get("hits", {})
            for version in versions.get("hits", []):
                if version["_source"]["language"] == language:
                    hit = version
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

    The database finds the documents holding the query's words and returns the page's
    documents; selections, counts, the histogram, totals and the order of the results are
    computed on the documents' facets held in memory (`search.postings`)."""

    name = "database"

    @staticmethod
    def text_matches(params, codes, index):
        """{language: cases} holding the query's words, or filed under a topic the query
        names and holding its other words; and the query's required words.

        One simple query per group of words, combined here: an OR of words and topics in SQL
        keeps PostgreSQL from its word index and makes it read every text."""

        def having(terms, any_of=False):
            documents = IndexedDocument.objects.filter(language__in=codes)
            if any_of:
                condition = Q()
                for term in terms:
                    condition |= Q(text__has_words=term)
                documents = documents.filter(condition)
            else:
                for term in terms:
                    documents = documents.filter(text__has_words=term)
            return index.cases_of(documents.values_list("pk", flat=True), codes)

        required, excluded = parse_terms(params.q)
        if required:
            matched = having(required)
        else:
            matched = {code: index.languages[code].present for code in codes}
        for slug, rest in synonym_matches(params.q, codes):
            filed = {code: index.selection(code, "topic", [slug]) for code in codes}
            others = parse_terms(rest)[0]
            if others:
                words = having(others)
                filed = {code: filed[code] & words[code] for code in codes}
            matched = {code: matched[code] | filed[code] for code in codes}
        if excluded:
            unwanted = having(excluded, any_of=True)
            matched = {code: matched[code] & ~unwanted[code] for code in codes}
        return matched, required

    def search(self, params, language):
        results = SearchResults(params=params, backend=self.name)
        index = postings.load()
        codes = [code for code in languages_for(params, language) if code in index.languages]
        candidates = {code: index.languages[code].present for code in codes}
        terms = []
        if params.q:
            matched, terms = self.text_matches(params, codes, index)
            candidates = {code: candidates[code] & matched[code] for code in codes}
        selections = {
            name: {code: index.selection(code, name, values) for code in codes}
            for name, values in params.selected.items()
        }
        years = None
        if params.year_from or params.year_to:
            years = {
                code: index.years_between(code, params.year_from, params.year_to) for code in codes
            }

        def within(excluded=None, with_year=True):
            """Each language's cases matching every selection but facet `excluded`'s."""
            narrowed = {}
            for code in codes:
                bits = candidates[code]
                for name, selection in selections.items():
                    if name != excluded:
                        bits &= selection[code]
                if with_year and years is not None:
                    bits &= years[code]
                narrowed[code] = bits
            return narrowed

        matches = within()
        # A facet without a selection of its own counts within the matches themselves.
        counts = {
            facet.name: index.counts(
                codes, facet.name, within(facet.name) if facet.name in selections else matches
            )
            for facet in FACETS
        }
        results.facets = _facet_results(params, counts)
        results.years = index.histogram(codes, within(with_year=False))
        results.total = postings.union(matches.values()).bit_count()

        positions = index.page(matches, params.sort, params.offset, params.size, terms)
        preferred = [language, settings.LANGUAGE_CODE, *codes]
        chosen = {}
        for position in positions:
            for code in preferred:
                if code in matches and matches[code] >> position & 1:
                    chosen[position] = index.languages[code].documents[position]
                    break
        documents = visible_documents().in_bulk(list(chosen.values()))
        topic_labels = _topic_labels()
        results.hits = [
            _hit_from_doc(documents[pk].data, _snippet(documents[pk].data, terms), topic_labels)
            for pk in chosen.values()
            if pk in documents  # removed since the postings were read
        ]
        if params.all_languages:
            results.hits = prefer_language(results.hits, language, topic_labels)
        results.suggestion = spelling.suggest(params.q, codes)
        return results


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
