"""The public search: the page, its JSON API, open-data exports, an RSS feed of any query,
and autocomplete. All read the same parameters and the same results."""

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation

from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import httpcache, seo
from core.feeds import xml_text
from taxonomy.tree import topic_parents

from .autocomplete import suggestions
from .params import MAX_RESULTS, QueryTooLong, SearchParams, sort_labels
from .promotions import pinned_for
from .query import run_search
from .worldmap import locator_map, world_map

EXPORT_BATCH = 100


def _params(request):
    return SearchParams.from_query(request.GET, get_language())


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


def _cors(response):
    """Open to any site's scripts, errors included, so a caller can read why it failed."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _too_long(error):
    return _noindex(HttpResponse(str(error), status=400, content_type="text/plain"))


def _topic_tree(facet, parents):
    """The topic buckets as a tree (broader topics first), each with its narrower ones."""
    by_value = {bucket.value: bucket for bucket in facet.buckets}
    children = {}
    roots = []
    for bucket in facet.buckets:
        parent = parents.get(bucket.value)
        if parent in by_value:
            children.setdefault(parent, []).append(bucket)
        else:
            roots.append(bucket)

    def node(bucket):
        return {
            "bucket": bucket,
            "children": [node(child) for child in children.get(bucket.value, [])],
        }

    return [node(bucket) for bucket in roots]


def search_page(params, language):
    """The results of `params`; a page past the end shows the last one, and a note says so."""
    results = run_search(params, language)
    if params.past_the_end(results.pages):
        results = run_search(params, language)
    return results


def paginator_for(results, params):
    """A Django page object over the results, for the shared pagination template."""
    return Paginator(range(min(results.total, MAX_RESULTS)), params.size).get_page(params.page)


def search(request):
    language = get_language()
    try:
        params = _params(request)
    except QueryTooLong as error:
        response = render(
            request,
            "search/search.html",
            {
                "error": str(error),
                "translatable_view": True,
                "params": SearchParams(scope=language),
            },
            status=400,
        )
        return _noindex(response)
    results = search_page(params, language)

    page_obj = paginator_for(results, params)
    context = {
        "params": params,
        "results": results,
        "query": params.q,
        "language": language,
        "sorts": sort_labels(),
        "sizes": (10, 20, 50, 100),
        "facets": results.facets,
        "topic_tree": _topic_tree(results.facet_map["topic"], topic_parents())
        if "topic" in results.facet_map
        else [],
        "chips": [
            (facet, bucket, params.toggled(facet.name, bucket.value, language))
            for facet in results.facets
            for bucket in facet.selected
        ],
        "page_obj": page_obj,
        "listed": seo.search_listing(
            results,
            page_obj,
            _("Search results for “%(query)s”") % {"query": params.q} if params.q else _("Search"),
        ),
        "pinned": pinned_for(params.q) if params.page == 1 else [],
        "query_string": params.querystring(language),
        "suggestion_query": params.querystring(language, q=results.suggestion),
        "year_remove": params.without(language, year_from=True, year_to=True),
        "year_max": max((count for _year, count in results.years), default=0),
        "translatable_view": True,
    }
    return _noindex(render(request, "search/search.html", context))


def search_map(request):
    """The same search as a world map of counts by country, with a table of the same figures."""
    language = get_language()
    try:
        params = _params(request)
    except QueryTooLong as error:
        return _too_long(error)
    results = run_search(params, language)
    countries = results.facet_map["country"]
    context = {
        "params": params,
        "results": results,
        "map": world_map(countries, lambda code: params.toggled("country", code, language)),
        "countries": [
            (bucket, params.toggled("country", bucket.value, language))
            for bucket in countries.buckets
            if bucket.count
        ],
        "query_string": params.querystring(language),
        "translatable_view": True,
    }
    return _noindex(render(request, "search/map.html", context))


def _hit_json(hit):
    return {
        "id": hit.page_id,
        "url": hit.url,
        "title": hit.title,
        "type": hit.type,
        "snippet": str(hit.snippet),
        "place": hit.place,
        "years": hit.year_label,
        "topics": hit.topics,
        "language": hit.language,
    }


def search_api(request):
    """The same search as JSON (documented in docs/search-api.md)."""
    httpcache.shared(request)
    try:
        params = _params(request)
    except QueryTooLong as error:
        return _cors(_noindex(JsonResponse({"error": str(error)}, status=400)))
    results = search_page(params, get_language())
    payload = {
        "query": params.q,
        "page": params.page,
        "requested_page": params.asked_page,
        "pages": results.pages,
        "page_size": params.size,
        "total": results.total,
        "sort": params.sort,
        "language": params.scope,
        "backend": results.backend,
        "notes": [str(note) for note in params.notes],
        "suggestion": results.suggestion,
        "results": [_hit_json(hit) for hit in results.hits],
        "facets": {
            facet.name: [
                {"value": b.value, "label": b.label, "count": b.count, "selected": b.selected}
                for b in facet.buckets
            ]
            for facet in results.facets
        },
        "years": [{"year": year, "count": count} for year, count in results.years],
    }
    return _cors(_noindex(JsonResponse(payload, json_dumps_params={"ensure_ascii": False})))


EXPORT_FIELDS = ["id", "type", "title", "url", "language", "years", "place", "topics"]


def _all_hits(params, language):
    """Every hit of the search, page after page, up to the engine's browsing bound."""
    params.size, params.page = EXPORT_BATCH, 1
    while True:
        results = run_search(params, language)
        yield from results.hits
        if params.page >= results.pages or params.page * EXPORT_BATCH >= MAX_RESULTS:
            return
        params.page += 1


def search_export(request, fmt):
    httpcache.shared(request)
    try:
        params = _params(request)
    except QueryTooLong as error:
        return _too_long(error)
    language = get_language()
    origin = request.build_absolute_uri("/")[:-1]

    def rows():
        for hit in _all_hits(params, language):
            row = _hit_json(hit)
            row["url"] = origin + row["url"]
            yield {key: row[key] for key in EXPORT_FIELDS}

    if fmt == "csv":

        def lines():
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
            writer.writeheader()
            for row in rows():
                row["topics"] = "; ".join(row["topics"])
                # A cell starting with = + - @ is a formula to a spreadsheet.
                row = {k: f"'{v}" if str(v)[:1] in "=+-@\t\r" else v for k, v in row.items()}
                writer.writerow(row)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
            yield buffer.getvalue()

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:

        def chunks():
            yield "["
            for number, row in enumerate(rows()):
                yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
            yield "]\n"

        response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="iopd-search.{fmt}"'
    return _noindex(response)


def rss_response(request, params, title, link):
    """RSS 2.0 of the 20 newest results of `params`, with links back to the site."""
    params.sort, params.page, params.size = "newest", 1, 20
    language = get_language()
    results = run_search(params, language)
    feed = Rss201rev2Feed(
        title=xml_text(f"{title} · {_('International Observatory on Participatory Democracy')}"),
        link=request.build_absolute_uri(link),
        description=_("New results of this search on the observatory's website."),
        language=language,
    )
    # An item is dated by its page's first publication, as the sections' feeds are.
    published = dict(
        Page.objects.filter(pk__in=[hit.page_id for hit in results.hits]).values_list(
            "pk", Coalesce("first_published_at", "last_published_at")
        )
    )
    for hit in results.hits:
        url = request.build_absolute_uri(hit.url)
        feed.add_item(
            title=xml_text(hit.title),
            link=url,
            unique_id=url,
            pubdate=published.get(hit.page_id),
            description=xml_text(render_to_string("search/feed_item.html", {"hit": hit})),
            categories=[xml_text(topic) for topic in hit.topics],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def search_feed(request):
    """RSS of any search: a saved query a reader can follow."""
    httpcache.shared(request)
    try:
        params = _params(request)
    except QueryTooLong as error:
        return _too_long(error)
    title = _("Search: %(query)s") % {"query": params.q} if params.q else _("Latest content")
    link = f"?{params.querystring(get_language())}"
    return _noindex(rss_response(request, params, title, link))


def autocomplete(request):
    q = (request.GET.get("q") or "")[:100]
    return _noindex(
        JsonResponse(
            {"suggestions": suggestions(q, get_language())},
            json_dumps_params={"ensure_ascii": False},
        )
    )


def _degrees(value, limit):
    """A latitude or longitude from the query string, or None when absent or out of range."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError):
        return None
    return number if number.is_finite() and -limit <= number <= limit else None


def locator_map_svg(request, code):
    """An experience's locator map as an SVG image (search/worldmap.py): the same for every
    page and language that asks for the same place, so browsers and proxies keep it."""
    latitude = _degrees(request.GET.get("lat"), 90)
    longitude = _degrees(request.GET.get("lon"), 180)
    if (latitude is None) != (longitude is None) or not re.fullmatch(r"[A-Z]{2}|-", code):
        raise Http404
    drawn = locator_map(None if code == "-" else code, latitude, longitude)
    if drawn is None:
        raise Http404
    response = render(
        request, "search/locator_map.svg", {"map": drawn}, content_type="image/svg+xml"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
