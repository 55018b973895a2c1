"""Wagtail's built-in search back-end as a site without our search layer would use it: one
`.search()` for the hits and one `.facet()` per facet. Shared by the search benchmark (in
process) and the load benchmark (behind the real search page, `bench/load_wsgi.py`).
Import after `django.setup()`; the back-end is the one settings register as "bench"."""

import time

from django.utils.html import escape
from wagtail.search import index

from repository.models import ExperiencePage
from search.facets import FACETS_BY_NAME, facet_values
from search.models import IndexedDocument
from taxonomy.models import Country, GovernmentLevel
from taxonomy.tree import with_narrower

# What the results page counts, declared as a site on Wagtail's built-in search would have to.
# `.facet()` reads only the model's own FilterFields, so the many-to-many and derived values are
# attributes, read here from the stored search documents: both paths count the same values.
# Filters that cross a relation need RelatedFields. Status is a string: the built-in back-end
# cannot facet a boolean on OpenSearch ("Cannot parse boolean [0]": its terms aggregation sets
# `missing: 0`).
BUILTIN_FACETS = {name: f"bench_facet_{name}" for name in FACETS_BY_NAME}
BUILTIN_FACETS["year"] = "start_year"
# The comparison of earlier stops: the three facets the model declared without help.
FEW_BUILTIN_FACETS = {"country": "country_id", "level": "government_level_id", "year": "start_year"}


def declare_builtin_fields():
    def values(name):
        return property(lambda page: page.bench_facets.get(name, []))

    # Start year is a model field already; every other facet is an attribute declared here.
    declared = {name: a for name, a in BUILTIN_FACETS.items() if not hasattr(ExperiencePage, a)}
    for name, attribute in declared.items():
        setattr(ExperiencePage, attribute, values(name))
    ExperiencePage.bench_facets = {}
    ExperiencePage.search_fields = [
        *ExperiencePage.search_fields,
        *(index.FilterField(attribute) for attribute in declared.values()),
        index.RelatedFields("topics", [index.FilterField("slug")]),
        index.RelatedFields("country", [index.FilterField("region")]),
    ]


def index_builtin(reuse=False):
    """ExperiencePage in Wagtail's built-in OpenSearch back-end, the way update_index does.
    With --reuse, an index kept by --keep that holds every live case is used as it is."""
    from wagtail.search.backends import get_search_backend

    declare_builtin_fields()
    backend = get_search_backend("bench")
    index_ = backend.get_index_for_model(ExperiencePage)
    if reuse and index_.exists():
        kept = backend.es.count(index=index_.name)["count"]
        if kept == ExperiencePage.get_indexed_objects().count():
            return None
    rebuilder = backend.rebuilder_class(index_)
    index_ = rebuilder.start()
    index_.add_model(ExperiencePage)
    queryset = ExperiencePage.get_indexed_objects().order_by("pk")
    ids = list(queryset.values_list("pk", flat=True))
    started = time.perf_counter()
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        pages = list(queryset.filter(pk__in=chunk))
        documents = dict(IndexedDocument.objects.filter(pk__in=chunk).values_list("pk", "data"))
        for page in pages:
            document = documents.get(page.pk, {})
            page.bench_facets = {
                name: facet_values(document, name) for name in FACETS_BY_NAME if name in document
            }
        index_.add_items(ExperiencePage, pages)
    rebuilder.finish()
    index_.refresh()
    return len(ids) / (time.perf_counter() - started)


def builtin_search(kind, query, en_id, scenarios, facets=BUILTIN_FACETS, total=False):
    """One results page, and one `.facet()` per facet field through Wagtail's built-in search.
    As on our page, a facet's counts ignore that facet's own selection (disjunctive).
    With `total`, the number of results too (one more request), first."""
    from modelsearch.query import MATCH_ALL

    queryset = ExperiencePage.objects.live().filter(locale_id=en_id)
    if kind == "autocomplete":
        return list(queryset.autocomplete(query["q"], backend="bench")[:4])
    filters = {}
    if "country" in query:
        filters["country"] = {"country_id": scenarios.country_ids[query["country"]]}
    if "level" in query:
        filters["level"] = {"government_level_id": scenarios.level_ids[query["level"]]}
    if "status" in query:
        filters["status"] = {"ongoing": query["status"] == "ongoing"}
    if "topic" in query:
        filters["topic"] = {"topics__slug__in": sorted(with_narrower([query["topic"]]))}
    if "region" in query:
        filters["region"] = {"country__region": query["region"]}

    def results(without=None):
        narrowed = queryset
        for name, lookup in filters.items():
            if name != without:
                narrowed = narrowed.filter(**lookup)
        if query.get("q"):
            return narrowed.search(query["q"], backend="bench", operator="and")
        order = {"newest": "-start_year", "oldest": "start_year", "title": "title"}
        narrowed = narrowed.order_by(order[query.get("sort", "newest")])
        return narrowed.search(MATCH_ALL, backend="bench", order_by_relevance=False)

    size = int(query.get("size", 20))
    offset = (int(query.get("page", 1)) - 1) * size
    everything = results()
    hits = list(everything[offset : offset + size])
    counts = {
        name: (results(without=name) if name in filters else everything).facet(attribute)
        for name, attribute in facets.items()
    }
    if total:
        return everything.count(), hits, counts
    return hits, counts


class Ids:
    """Country and government level ids by code and slug, as the model filters need them."""

    def __init__(self):
        self.country_ids = dict(Country.objects.values_list("code", "pk"))
        self.level_ids = dict(
            GovernmentLevel.objects.filter(locale__language_code="en").values_list("slug", "pk")
        )


def run_search(params, language):
    """The results page's data from the built-in path, in the shape our search view draws:
    experiences only, hits, their total (one more request) and every facet's counts.
    Selections it cannot filter on (mechanism, group, ...) are ignored."""
    from wagtail.models import Locale

    from search.facets import FACETS
    from search.query import Bucket, FacetResult, Hit, SearchResults

    query = {"q": params.q, "page": params.page, "size": params.size}
    for name in ("country", "level", "status", "topic", "region"):
        if params.selected.get(name):
            query[name] = params.selected[name][0]
    if params.sort in ("newest", "oldest", "title"):
        query["sort"] = params.sort
    locale_id = Locale.objects.get(language_code=language).pk
    everything, hits, counts = builtin_search("page", query, locale_id, Ids(), total=True)
    results = SearchResults(params=params, total=everything, backend="builtin")
    results.hits = [
        Hit(
            page_id=page.pk,
            url=page.url,
            title=page.title,
            type="experience",
            snippet=escape(page.summary[:300]),
            place="",
            year_label=str(page.start_year or ""),
            topics=[],
            language=language,
        )
        for page in hits
    ]
    for facet in FACETS:
        labels = facet.label_map()
        chosen = params.selected.get(facet.name, [])
        buckets = [
            Bucket(str(v), facet.label_for(str(v), labels), n, str(v) in chosen)
            for v, n in counts[facet.name].items()
            if v not in (None, "0")
        ]
        results.facets.append(FacetResult(facet.name, str(facet.label), buckets))
    results.years = sorted((int(y), n) for y, n in counts["year"].items() if y)
    return results


def titles(q, folded, language, limit):
    """Autocomplete's titles through the built-in back-end's `.autocomplete()`."""
    from wagtail.models import Locale

    locale_id = Locale.objects.get(language_code=language).pk
    found = (
        ExperiencePage.objects.live()
        .filter(locale_id=locale_id)
        .autocomplete(q, backend="bench")[:limit]
    )
    return [{"label": page.title, "url": page.url} for page in found]
