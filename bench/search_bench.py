"""Benchmark of the site search on a throwaway PostgreSQL database and the engine.

    ./bench/search.sh [--experiences 10000] [--requests 30] [--keep] [--profile-rebuild]

What it does, in order:

1. Drops and creates the database `iopd_bench_search` on the PostgreSQL server of DATABASE_URL,
   migrates it and loads the demo (vocabularies, countries, pages, sixty real experiences).
   The engine is reached through its own alias, SEARCH_INDEX=iopd_bench_pages, and Wagtail's
   built-in back-end through the index prefix `iopd_bench_wagtail_`: nothing else is touched.
2. Generates the experiences in bulk, not through the page API (which costs ~80 ms a page):
   - the tree is computed, not walked: the children's materialised paths are the parent's
     path plus a base-36 step of 4 characters (`Page._get_path`) counted on from the last
     existing child, depth is the parent's plus one, `url_path` is the parent's plus the slug,
     and the parent's `numchild` is updated once at the end;
   - page ids are taken from the `wagtailcore_page` sequence up front, so the page rows, the
     `repository_experiencepage` rows (multi-table inheritance: same id in `page_ptr_id`),
     the topic/mechanism/target-group through rows, awards and organisations are all written
     with PostgreSQL COPY, each value prepared by its model field (`get_db_prep_save`), so
     defaults, JSON (StreamField) and UUIDs are what the ORM would write;
   - distributions are skewed like the real repository: topics, mechanisms, target groups,
     government levels and countries follow Zipf laws ordered by their frequency in the demo
     data (a few very common values, a long tail), start years 1990-2025 weighted towards
     recent years, 70% ongoing, 5% with an award, half with organisations;
   - words are real: titles combine the heads of the sixty real titles, mechanism and topic
     names with a place (an ISO 3166-2 subdivision of the country: a selective term),
     summaries and bodies (context, steps, lessons) are sentences of the real descriptions
     (common terms), so text queries range from very selective to very common;
   - 10% of cases also get a French and 5% a Spanish page under the translated repository
     index, with the same `translation_key` and French/Spanish words.
   It checks that `ExperiencePage.objects.live()` sees them and that their URLs answer 200.
3. Times `manage.py rebuild_search_index` (a subprocess, as in production) twice: with
   --refresh-documents (every document built from its page), then as it runs by default
   (the stored documents copied into a new index).
4. Measures p50/p95 of the server time of `/en/search/` (Django test client, in process), the
   engine's own `took`, and engine HTTP requests per page, for text, text + 3 facets, facets
   only, a deep page and autocomplete; then the same searches through Wagtail's built-in
   OpenSearch back-end and through the database fallback. The built-in path returns what our
   page shows: the hits, and one `.facet()` for each of its facets (eleven, and the years),
   each under the other facets' selections, as ours are (the fields it needs are declared by
   `declare_builtin_fields`, and it checks that its buckets hold our counts). The three-facet
   comparison of earlier runs is printed beside it, and our search once more without its
   aggregations (`UncountedSearch`): the ratio it would reach if counting cost nothing. Last,
   how long a published change takes to become searchable. The engine's request cache is
   emptied before each timed request, so every figure is computed; one more line times the
   same searches asked again (recalled from that cache).
5. Prints one markdown table with the targets, then drops its indices and its database
   (unless --keep)."""

import argparse
import bisect
import itertools
import logging
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["DJANGO_SETTINGS_MODULE"] = "search_settings"
os.environ.setdefault("SEARCH_INDEX", "iopd_bench_pages")
BENCH_DB = "iopd_bench_search"
WAGTAIL_PREFIX = "iopd_bench_wagtail_"


def bench_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("bench: set DATABASE_URL to a PostgreSQL server (source /tmp/devenv.sh)")
    parts = urlsplit(url)
    return parts, urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def server_connection(parts):
    import psycopg

    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    )


def recreate_database(parts):
    with server_connection(parts) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')


def drop_database(parts):
    with server_connection(parts) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')


SERVER_PARTS, os.environ["DATABASE_URL"] = bench_database_url()
REUSE = "--reuse" in sys.argv
if not REUSE:
    recreate_database(SERVER_PARTS)

import django  # noqa: E402

django.setup()

import pycountry  # noqa: E402
from builtin import (  # noqa: E402
    BUILTIN_FACETS,
    FEW_BUILTIN_FACETS,
    builtin_search,
    index_builtin,
)
from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from repository.demo_data import EXPERIENCES  # noqa: E402
from repository.models import (  # noqa: E402
    ExperienceAward,
    ExperienceIndexPage,
    ExperienceOrganisation,
    ExperiencePage,
)
from search import postings  # noqa: E402
from search.engine import Engine, get_engine  # noqa: E402
from search.models import IndexChange  # noqa: E402
from search.params import SearchParams  # noqa: E402
from search.query import DatabaseSearch, EngineSearch  # noqa: E402
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic  # noqa: E402

# --- bulk generation ----------------------------------------------------------------------


def zipf_weights(n, s=1.1):
    return [1 / (rank**s) for rank in range(1, n + 1)]


class Picker:
    """Weighted choice by bisection on cumulative weights (fast for long tails)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def one(self, rng):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def some(self, rng, count):
        chosen = []
        for _ in range(count * 4):
            item = self.one(rng)
            if item not in chosen:
                chosen.append(item)
            if len(chosen) == count:
                break
        return chosen


def by_demo_frequency(terms, key, demo_values):
    """Terms ordered by how often the real demo experiences use them, unused ones shuffled."""
    counts = {}
    for values in demo_values:
        for value in values if isinstance(values, list) else [values]:
            counts[value] = counts.get(value, 0) + 1
    terms = list(terms)
    random.Random(3).shuffle(terms)
    return sorted(terms, key=lambda term: -counts.get(key(term), 0))


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text or "") if len(s.strip()) > 20]


class Vocabulary:
    """Words and facts to draw experiences from, all taken from real data."""

    def __init__(self, locales):
        en = locales["en"]
        self.rng = random.Random(11)
        self.heads = []
        for item in EXPERIENCES:
            head = re.split(r" in | of ", item["title"])[0]
            if len(head.split()) >= 2:
                self.heads.append(head)
        self.sentences = {"en": []}
        self.steps = []
        for item in EXPERIENCES:
            for name in ("summary", "context", "lessons"):
                self.sentences["en"] += sentences(item[name])
            self.steps += item["steps"]
        self.translated_heads = {}
        for code in ("fr", "es"):
            self.sentences[code] = []
            self.translated_heads[code] = []
            for item in EXPERIENCES:
                words = (item.get("translations") or {}).get(code)
                if words:
                    self.translated_heads[code].append(words["title"])
                    for name in ("summary", "context", "lessons"):
                        self.sentences[code] += sentences(words.get(name, ""))
        topics = Topic.objects.filter(locale=en)
        self.topics = Picker(
            by_demo_frequency(topics, lambda t: t.slug, [i["topics"] for i in EXPERIENCES]),
            zipf_weights(topics.count(), 1.2),
        )
        mechanisms = Mechanism.objects.filter(locale=en)
        self.mechanisms = Picker(
            by_demo_frequency(mechanisms, lambda t: t.slug, [i["mechanisms"] for i in EXPERIENCES]),
            zipf_weights(mechanisms.count(), 1.2),
        )
        groups = TargetGroup.objects.filter(locale=en)
        self.groups = Picker(
            by_demo_frequency(groups, lambda t: t.slug, [i["groups"] for i in EXPERIENCES]),
            zipf_weights(groups.count(), 1.1),
        )
        levels = GovernmentLevel.objects.filter(locale=en)
        self.levels = Picker(
            by_demo_frequency(levels, lambda t: t.slug, [i["level"] for i in EXPERIENCES]),
            zipf_weights(levels.count(), 1.5),
        )
        countries = Country.objects.exclude(region="")
        self.countries = Picker(
            by_demo_frequency(countries, lambda c: c.code, [i["country"] for i in EXPERIENCES]),
            zipf_weights(countries.count(), 1.05),
        )
        self.places = {}
        years = list(range(1990, 2026))
        self.years = Picker(years, [year - 1985 for year in years])
        self.qualifiers = ["Youth", "Digital", "Neighbourhood", "Permanent", "Pilot", "Regional"]

    def place(self, rng, country):
        if country.code not in self.places:
            found = pycountry.subdivisions.get(country_code=country.code) or []
            self.places[country.code] = sorted({s.name for s in found}) or [country.name_en]
        return rng.choice(self.places[country.code])

    def title(self, rng, topics, mechanisms, place):
        if rng.random() < 0.5:
            head = rng.choice(self.heads)
        else:
            head = f"{mechanisms[0].name} on {topics[0].name.lower()}"
        if rng.random() < 0.3:
            head = f"{rng.choice(self.qualifiers)} {head[0].lower()}{head[1:]}"
        return f"{head} in {place}"[:250]

    def text(self, rng, code, count):
        return " ".join(rng.sample(self.sentences[code], count))

    def body(self, rng, code, place):
        blocks = [
            {
                "type": "context",
                "value": f"<p>{self.text(rng, code, 3)} It started in {place}.</p>",
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            }
        ]
        if code == "en":
            blocks.append(
                {
                    "type": "how_it_works",
                    "value": {
                        "steps": [
                            {
                                "type": "item",
                                "value": {"title": step, "description": ""},
                                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                            }
                            for step in rng.sample(self.steps, 3)
                        ]
                    },
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                }
            )
        blocks.append(
            {
                "type": "lessons",
                "value": f"<p>{self.text(rng, code, 2)}</p>",
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            }
        )
        return blocks


def copy_rows(table, columns, rows):
    """Write rows with PostgreSQL COPY (tens of thousands of rows a second)."""
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def model_rows(model, objects, skip=("id",)):
    """(table, columns, rows) of `objects` for `model`'s own table, values as the ORM writes."""
    fields = [f for f in model._meta.local_concrete_fields if f.attname not in skip]
    columns = [f.column for f in fields]
    rows = (
        [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objects
    )
    return model._meta.db_table, columns, rows


def next_page_ids(count):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('wagtailcore_page', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        return [row[0] for row in cursor.fetchall()]


class ChildSlots:
    """Materialised paths for new children of `parent`, after its last existing child."""

    def __init__(self, parent):
        self.parent = parent
        last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        self.next = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        self.added = 0

    def take(self):
        path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next)
        self.next += 1
        self.added += 1
        return path

    def commit(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=self.parent.numchild + self.added)


def generate(count, seed=7, chunk=5000):
    """`count` English experiences (plus French and Spanish translations of some)."""
    rng = random.Random(seed)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    vocabulary = Vocabulary(locales)
    indexes = {
        code: ExperienceIndexPage.objects.get(locale=locales[code])
        for code in ("en", "fr", "es")
        if code in locales
    }
    slots = {code: ChildSlots(index) for code, index in indexes.items()}
    content_type = ContentType.objects.get_for_model(ExperiencePage)
    now = timezone.now()
    # The same term in another language is another row with the same slug.
    translated_terms = {}
    for model in (Topic, Mechanism, TargetGroup, GovernmentLevel):
        for term in model.objects.all():
            translated_terms[(model, term.slug, term.locale_id)] = term.pk
    through = {
        "topics": ExperiencePage.topics.through,
        "mechanisms": ExperiencePage.mechanisms.through,
        "target_groups": ExperiencePage.target_groups.through,
    }
    remote = {"topics": "topic_id", "mechanisms": "mechanism_id", "target_groups": "targetgroup_id"}
    terms_model = {"topics": Topic, "mechanisms": Mechanism, "target_groups": TargetGroup}
    created = 0
    number = 0
    while created < count:
        size = min(chunk, count - created)
        cases = []
        for _ in range(size):
            number += 1
            country = vocabulary.countries.one(rng)
            topics = vocabulary.topics.some(rng, rng.choice((1, 2, 2, 3)))
            mechanisms = vocabulary.mechanisms.some(rng, rng.choice((1, 1, 2)))
            groups = vocabulary.groups.some(rng, rng.choice((1, 2)))
            place = vocabulary.place(rng, country)
            start = vocabulary.years.one(rng)
            ongoing = rng.random() < 0.7
            facts = {
                "country_id": country.pk,
                "government_level": vocabulary.levels.one(rng),
                "start_year": start,
                "ongoing": ongoing,
                "end_year": None if ongoing else min(2025, start + rng.randint(0, 6)),
                "population": int(10 ** rng.uniform(3, 6.8)),
                "external_id": f"bench-{number}",
            }
            languages = ["en"]
            if "fr" in indexes and rng.random() < 0.10:
                languages.append("fr")
            if "es" in indexes and rng.random() < 0.05:
                languages.append("es")
            key = uuid.UUID(int=rng.getrandbits(128), version=4)
            awarded = rng.random() < 0.05
            organisations = (
                [f"City council of {place}"] + (["Civic lab"] if rng.random() < 0.3 else [])
                if rng.random() < 0.5
                else []
            )
            for code in languages:
                if code == "en":
                    title = vocabulary.title(rng, topics, mechanisms, place)
                    summary = vocabulary.text(rng, "en", 2)
                else:
                    title = f"{rng.choice(vocabulary.translated_heads[code])} ({place})"
                    summary = vocabulary.text(rng, code, 2)
                case = (code, key, title, summary, place, facts, topics, mechanisms, groups)
                cases.append((*case, awarded, organisations))
        ids = next_page_ids(len(cases))
        pages, experiences, links, awards, orgs = [], [], {name: [] for name in through}, [], []
        for pk, case in zip(ids, cases, strict=True):
            code, key, title, summary, place, facts, topics, mechanisms, groups = case[:9]
            awarded, organisations = case[9:]
            index, locale = indexes[code], locales[code]
            slug = f"{slugify(title)[:70].strip('-')}-{pk}"
            pages.append(
                Page(
                    id=pk,
                    path=slots[code].take(),
                    depth=index.depth + 1,
                    numchild=0,
                    translation_key=key,
                    locale_id=locale.pk,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type_id=content_type.pk,
                    url_path=f"{index.url_path}{slug}/",
                )
            )
            level = facts["government_level"]
            experiences.append(
                ExperiencePage(
                    page_ptr_id=pk,
                    summary=summary,
                    place=place,
                    body=vocabulary.body(rng, code, place),
                    government_level_id=translated_terms.get(
                        (GovernmentLevel, level.slug, locale.pk), level.pk
                    ),
                    **{k: v for k, v in facts.items() if k != "government_level"},
                )
            )
            for name, chosen in (
                ("topics", topics),
                ("mechanisms", mechanisms),
                ("target_groups", groups),
            ):
                for term in chosen:
                    links[name].append(
                        (pk, translated_terms.get((terms_model[name], term.slug, locale.pk)))
                    )
            if awarded:
                awards.append(
                    ExperienceAward(
                        page_id=pk,
                        year=min(2025, facts["start_year"] + 1),
                        distinction=rng.choice(["winner", "special_mention", "finalist"]),
                        sort_order=0,
                    )
                )
            for order, name in enumerate(organisations):
                orgs.append(ExperienceOrganisation(page_id=pk, name=name, sort_order=order))
        copy_rows(*model_rows(Page, pages, skip=()))
        copy_rows(*model_rows(ExperiencePage, experiences, skip=()))
        for name, rows in links.items():
            table = through[name]._meta.db_table
            copy_rows(table, ["experiencepage_id", remote[name]], [r for r in rows if r[1]])
        copy_rows(*model_rows(ExperienceAward, awards))
        copy_rows(*model_rows(ExperienceOrganisation, orgs))
        created += size
        print(f"  generated {created}/{count} cases ({len(ids)} pages in this chunk)", flush=True)
    for slot in slots.values():
        slot.commit()
    connection.cursor().execute("ANALYZE")


# --- measuring ------------------------------------------------------------------------------


def percentiles(values):
    if not values:
        return None, None
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(0.95 * len(values)))]


class Counters:
    """Counts calls to Engine.search and HTTP requests to the engine, and records `took`."""

    def __init__(self):
        self.searches = 0
        self.http = 0
        self.took = []
        original_search = Engine.search

        def search(engine, body, **options):
            self.searches += 1
            response = original_search(engine, body, **options)
            if isinstance(response, dict) and "took" in response:
                self.took.append(response["took"])
            return response

        Engine.search = search
        self._patch_transport()

    def _patch_transport(self):
        from opensearchpy import Transport

        original = Transport.perform_request

        def perform_request(transport, method, url, *args, **kwargs):
            self.http += 1
            return original(transport, method, url, *args, **kwargs)

        Transport.perform_request = perform_request
        try:
            from elastic_transport import Transport as ElasticTransport

            elastic_original = ElasticTransport.perform_request

            def elastic_perform_request(transport, *args, **kwargs):
                self.http += 1
                return elastic_original(transport, *args, **kwargs)

            ElasticTransport.perform_request = elastic_perform_request
        except ImportError:
            pass

    def reset(self):
        self.searches, self.http, self.took = 0, 0, []


class Scenarios:
    """Varied requests for each scenario, from the generated data."""

    def __init__(self, requests, seed=5):
        rng = random.Random(seed)
        en = Locale.objects.get(language_code="en")
        # A seeded sample, not order_by("?"): the same generated data gives the same searches
        # in every run, so runs can be compared.
        english = ExperiencePage.objects.filter(locale=en)
        ids = list(english.order_by("pk").values_list("pk", flat=True))
        chosen = sorted(rng.sample(ids, min(400, len(ids))))
        pages = list(english.filter(pk__in=chosen).order_by("pk").values_list("title", "summary"))
        common = ["participatory", "budget", "assembly", "citizens", "youth", "climate"]
        common += ["neighbourhood", "consultation", "digital", "women", "council", "schools"]
        selective = []
        for title, _summary in pages:
            place = title.rsplit(" in ", 1)[-1]
            if place.isascii() and len(place) > 3:
                selective.append(place.split()[0])
        two_words = [
            " ".join(rng.sample(re.findall(r"[a-z]{5,}", summary.lower()), 2))
            for _title, summary in pages
            if len(re.findall(r"[a-z]{5,}", summary.lower())) >= 2
        ]
        words = []
        for number in range(requests):
            pool = (common, selective, two_words)[number % 3]
            words.append(rng.choice(pool))
        countries = list(
            ExperiencePage.objects.filter(locale=en)
            .values_list("country__code", flat=True)
            .order_by()
            .distinct()[:60]
        )
        top = self._top(en, "country__code", 12)
        levels = self._top(en, "government_level__slug", 5)
        topics = self._top(en, "topics__slug", 12)
        regions = sorted({c.region for c in Country.objects.filter(code__in=countries)})
        self.text = [{"q": word} for word in words]
        self.text_facets = [
            {
                "q": rng.choice(common + two_words),
                "country": rng.choice(top),
                "level": rng.choice(levels),
                "status": rng.choice(["ongoing", "finished"]),
            }
            for _ in range(requests)
        ]
        self.facets = [
            {
                "topic": rng.choice(topics),
                "region": rng.choice(regions),
                "status": rng.choice(["ongoing", "finished"]),
            }
            for _ in range(requests)
        ]
        self.deep = [
            {"page": 400, "size": 20, "sort": rng.choice(["newest", "oldest", "title"])}
            for _ in range(requests)
        ]
        self.autocomplete = [
            {"q": rng.choice(common + selective)[: rng.choice((3, 4, 5))]} for _ in range(requests)
        ]
        # Wagtail's facets are on model fields, so its filters use ids.
        self.country_ids = dict(Country.objects.values_list("code", "pk"))
        self.level_ids = dict(GovernmentLevel.objects.filter(locale=en).values_list("slug", "pk"))

    @staticmethod
    def _top(locale, field, count):
        rows = (
            ExperiencePage.objects.filter(locale=locale)
            .exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(n=Count("pk"))
            .order_by("-n")[:count]
        )
        return [row[field] for row in rows]


def forget_results():
    """Empty the engine's shard request caches (ours and the built-in index's), so that every
    timed search is computed, not recalled: some scenarios repeat a request (a deep page has
    three sort orders), and the view, the layer and the built-in path ask the same searches."""
    get_engine().client.indices.clear_cache(index="_all", request=True)


def measure_view(client, counters, path, queries, cached=False):
    client.get(path, queries[0])  # warm caches every request shares
    server, took, searches, http, statuses = [], [], [], [], set()
    for query in queries:
        if cached:
            client.get(path, query)  # the same search asked just before
        else:
            forget_results()
        counters.reset()
        started = time.perf_counter()
        response = client.get(path, query)
        server.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
        took.append(sum(counters.took))
        searches.append(counters.searches)
        http.append(counters.http)
    return {
        "server": percentiles(server),
        "took": percentiles(took),
        # What the site adds to each request's own engine time: steadier than the difference of
        # the two medians, which the spread of the engine's times moves by several ms.
        "overhead": percentiles([s - t for s, t in zip(server, took, strict=True)]),
        "searches": max(searches),
        "http": max(http),
        "status": ",".join(str(s) for s in sorted(statuses)),
    }


def measure_layer(search, queries):
    """p50/p95 of one search object's own `search()`: hits and every facet, no HTML."""
    search.search(SearchParams.from_query(queries[0], "en"), "en")
    times = []
    for query in queries:
        forget_results()
        started = time.perf_counter()
        results = search.search(SearchParams.from_query(query, "en"), "en")
        list(results.hits)
        times.append((time.perf_counter() - started) * 1000)
    return percentiles(times)


def measure_database(queries):
    return measure_layer(DatabaseSearch(), queries)


class UncountedSearch(EngineSearch):
    """Our search without its aggregations: hits, snippets and spelling, no counts. Never a page
    we serve; it bounds the ratio to the built-in path: what it would be if counting every facet
    cost nothing."""

    def body(self, params, language):
        body = super().body(params, language)
        del body["aggs"]
        return body


def builtin_agreement(engine, en_id, scenarios, count=5):
    """How many of the built-in path's buckets hold our count, on searches without words (the
    two paths analyse words differently), with our search narrowed to experiences."""
    agree = compared = 0
    for query in scenarios.facets[:count] + scenarios.deep[:count]:
        params = SearchParams.from_query({**query, "type": "experience"}, "en")
        ours = EngineSearch(engine).search(params, "en").facet_map
        _hits, counts = builtin_search("facets", query, en_id, scenarios)
        for name, facet in ours.items():
            mine = {bucket.value: bucket.count for bucket in facet.buckets}
            for value, number in counts[name].items():
                if value not in (None, "0"):  # the built-in's bucket for documents without one
                    compared += 1
                    agree += mine.get(str(value)) == number
    return agree, compared


def measure_builtin(counters, kind, queries, en_id, scenarios, facets=BUILTIN_FACETS):
    builtin_search(kind, queries[0], en_id, scenarios, facets)
    times, http = [], []
    for query in queries:
        forget_results()
        counters.reset()
        started = time.perf_counter()
        builtin_search(kind, query, en_id, scenarios, facets)
        times.append((time.perf_counter() - started) * 1000)
        http.append(counters.http)
    return percentiles(times), max(http)


def searchable_after_publish(engine):
    """Seconds from publish() to the first engine search that finds the new words."""
    page = ExperiencePage.objects.filter(locale__language_code="en").order_by("-pk").first()
    token = f"zqx{uuid.uuid4().hex[:10]}"
    page.title = f"{page.title} {token}"
    started = time.perf_counter()
    page.save_revision().publish()
    published = time.perf_counter() - started
    search = EngineSearch(engine)
    params = SearchParams.from_query({"q": token}, "en")
    while time.perf_counter() - started < 30:
        if search.search(params, "en").total:
            return published, time.perf_counter() - started
        time.sleep(0.05)
    return published, None


def rebuild(profile, *options):
    """Times `manage.py rebuild_search_index` in a subprocess; returns (documents, docs/s)."""
    command = [sys.executable, str(ROOT / "manage.py"), "rebuild_search_index", *options]
    if profile:
        command = [sys.executable, "-m", "cProfile", "-o", "/tmp/iopd_bench_rebuild.prof"]
        command += [str(ROOT / "manage.py"), "rebuild_search_index", *options]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "bench")]))
    started = time.perf_counter()
    process = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if process.returncode:
        sys.exit(f"bench: rebuild_search_index failed:\n{process.stderr[-3000:]}")
    output = process.stdout
    elapsed = time.perf_counter() - started
    print("  " + output.strip().splitlines()[-1], flush=True)
    match = re.search(r"Rebuilt (\d+) documents.* in ([\d.]+) s \((\d+) documents/s\)", output)
    if profile:
        pstats.Stats("/tmp/iopd_bench_rebuild.prof").sort_stats("cumulative").print_stats(35)
    return int(match.group(1)), int(match.group(3)), elapsed


def cleanup(engine):
    if engine is None:
        return
    client = engine.client
    for pattern in (f"{engine.alias}_*", f"{WAGTAIL_PREFIX}*"):
        for name in client.indices.get(index=pattern):
            client.indices.delete(index=name)


def fmt(pair, digits=1):
    if not pair or pair[0] is None:
        return "n/a"
    return f"{pair[0]:.{digits}f} / {pair[1]:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiences", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--db-requests", type=int, default=10, help="requests per scenario for the DB fallback"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and indices")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database")
    parser.add_argument("--profile-rebuild", action="store_true")
    parser.add_argument("--skip-builtin", action="store_true")
    args = parser.parse_args()
    engine = get_engine()
    if engine is None:
        sys.exit("bench: set SEARCH_ENGINE_URL (and SEARCH_ENGINE_KIND) to a running engine")
    if not engine.alias.startswith("iopd_bench"):
        sys.exit(f"bench: SEARCH_INDEX={engine.alias} is not a bench alias (iopd_bench_...)")
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    try:
        run(args, engine)
    finally:
        if not args.keep:
            cleanup(engine)
            connection.close()
            drop_database(SERVER_PARTS)
            print(f"\nDropped the database {BENCH_DB} and the bench indices.")


def run(args, engine):
    devnull = open(os.devnull, "w")  # noqa: SIM115
    started = time.perf_counter()
    if not args.reuse:
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0, stdout=devnull)
        call_command("load_demo_experiences", verbosity=0, stdout=devnull)
        IndexChange.objects.all().delete()  # the demo's own changes: the rebuild does them
        seconds = time.perf_counter() - started
        print(f"Database {BENCH_DB} migrated with the demo in {seconds:.0f} s")
        started = time.perf_counter()
        generate(args.experiences)
    generation = time.perf_counter() - started
    live = ExperiencePage.objects.live().count()
    by_language = dict(
        ExperiencePage.objects.live()
        .values_list("locale__language_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    print(f"{live} live experiences {by_language}, generated in {generation:.1f} s")
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    checked = []
    root = Site.objects.get(is_default_site=True).root_page
    for code in ("en", "fr", "es"):
        page = ExperiencePage.objects.live().filter(locale__language_code=code).last()
        if page:
            # Routed as Wagtail routes a request: the path below the language's home page.
            home = root.get_translation(page.locale).specific
            parts = [part for part in page.url.split("/")[2:] if part]
            routed = home.route(RequestFactory().get(page.url), parts)
            found = getattr(routed, "page", routed[0] if isinstance(routed, tuple) else None)
            assert found.pk == page.pk, (page.url, found)
            try:
                status = client.get(page.url).status_code
            except Exception as error:  # another part of the site may be mid-change
                status = f"render failed: {type(error).__name__}"
            checked.append(f"{page.url} routes to page {page.pk}, GET {status}")
    print("URLs resolve: " + "; ".join(checked))

    # First every document is built from its page (generated pages have none yet), then
    # the rebuild as it runs by default: the stored documents copied into a new index.
    built_rate = "n/a (--reuse: the kept documents)"
    if not args.reuse:
        print("Rebuilding: rebuild_search_index --refresh-documents ...", flush=True)
        _documents, built_rate, _elapsed = rebuild(args.profile_rebuild, "--refresh-documents")
    print("Rebuilding: rebuild_search_index ...", flush=True)
    documents, rate, _elapsed = rebuild(args.profile_rebuild)
    engine.refresh()

    counters = Counters()
    scenarios = Scenarios(args.requests)
    en_id = Locale.objects.get(language_code="en").pk
    builtin_rate = None
    if not args.skip_builtin:
        print("Indexing ExperiencePage in Wagtail's built-in back-end ...", flush=True)
        builtin_rate = index_builtin(args.reuse)
    kinds = [
        ("text only", "/en/search/", scenarios.text, "text"),
        ("text + 3 facets", "/en/search/", scenarios.text_facets, "text"),
        ("facets only", "/en/search/", scenarios.facets, "facets"),
        ("deep page (400 × 20)", "/en/search/", scenarios.deep, "deep"),
        ("autocomplete", "/en/search/autocomplete/", scenarios.autocomplete, "autocomplete"),
    ]
    rows = []
    for label, path, queries, kind in kinds:
        ours = measure_view(client, counters, path, queries)
        builtin, builtin_http, few = (None, None), None, (None, None)
        if not args.skip_builtin:
            builtin, builtin_http = measure_builtin(counters, kind, queries, en_id, scenarios)
            if kind != "autocomplete":
                few, _http = measure_builtin(
                    counters, kind, queries, en_id, scenarios, FEW_BUILTIN_FACETS
                )
        database = layer = uncounted = (None, None)
        if kind != "autocomplete":
            database = measure_database(queries[: args.db_requests])
            layer = measure_layer(EngineSearch(engine), queries)
            uncounted = measure_layer(UncountedSearch(engine), queries)
        rows.append(Row(label, ours, builtin, builtin_http, database, layer, few, uncounted))
        print(f"  measured {label}", flush=True)
    agreement = None if args.skip_builtin else builtin_agreement(engine, en_id, scenarios)
    # Every figure above is computed by the engine; a search asked again is recalled from its
    # request cache (until the index changes).
    again = measure_view(client, counters, "/en/search/", scenarios.text, cached=True)
    reset_queries()
    published, searchable = searchable_after_publish(engine)
    # What the first database search after a change of documents pays in each process.
    started = time.perf_counter()
    postings.read()
    postings_load = time.perf_counter() - started

    print(f"\n## Search benchmark: {documents} documents ({args.experiences} generated cases)\n")
    print(
        f"Engine {engine.kind} ({engine.version}) at {engine.url}, "
        f"PostgreSQL {connection.pg_version // 10000}, {args.requests} requests per scenario; "
        "times in ms as p50 / p95.\n"
    )
    print(
        "| scenario | status | our server | engine took | server − took, per request "
        "| engine searches / page | engine HTTP / page | our search layer (no HTML) "
        "| built-in (search + every facet, no HTML) | built-in HTTP | built-in ÷ our layer (p50) "
        "| built-in, three facets only | its ratio | database fallback |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, ours, builtin, builtin_http, database, layer, few, _uncounted in rows:
        print(
            f"| {label} | {ours['status']} | {fmt(ours['server'])} | {fmt(ours['took'], 0)} "
            f"| {fmt(ours['overhead'])} | {ours['searches']} | {ours['http']} | {fmt(layer)} "
            f"| {fmt(builtin)} | {builtin_http if builtin_http is not None else 'n/a'} "
            f"| {ratio(builtin, layer)} | {fmt(few)} | {ratio(few, layer)} | {fmt(database)} |"
        )
    if not args.skip_builtin:
        # The same searches without the aggregations, in the same run: the part of our time that
        # counting costs, and the ratio if it cost nothing (text, scores, snippets and spelling
        # stay, which the built-in path does not do).
        print(
            "\n| scenario | our search layer | the same without facet counts | counting's share "
            "| built-in | ratio | ratio if counting cost nothing |"
        )
        print("|---|---|---|---|---|---|---|")
        for row in rows[:4]:
            share = 1 - row.uncounted[0] / row.layer[0]
            print(
                f"| {row.label} | {fmt(row.layer)} | {fmt(row.uncounted)} | {share:.0%} "
                f"| {fmt(row.builtin)} | {ratio(row.builtin, row.layer)} "
                f"| {ratio(row.builtin, row.uncounted)} |"
            )
    print("\n| target | measured | met |")
    print("|---|---|---|")
    page_rows = rows[:4]
    one_request = all(r.view["searches"] == 1 for r in page_rows)
    print(
        f"| one engine request per results page | "
        f"{', '.join(str(r.view['searches']) for r in page_rows)} | {yes(one_request)} |"
    )
    worst = max(r.view["overhead"][0] for r in page_rows)
    of_medians = max(r.view["server"][0] - r.view["took"][0] for r in page_rows)
    print(
        f"| server p50 ≤ engine took + 15 ms | worst p50 of server − took per request "
        f"{worst:.1f} ms (difference of the two p50s: {of_medians:.1f} ms) | {yes(worst <= 15)} |"
    )
    if not args.skip_builtin:
        # Like for like: both sides return hits and the counts of every facet the page shows
        # (the built-in only its top 10 buckets), as data; neither renders a page.
        ratios = [r.builtin[0] / r.layer[0] for r in page_rows]
        print(
            f"| ≥ 5× faster than Wagtail's built-in search | "
            f"{', '.join(f'{x:.2f}×' for x in ratios)} | {yes(min(ratios) >= 5)} |"
        )
    print(
        f"| rebuild ≥ 1,500 documents/s | {rate} documents/s copied from the database; "
        f"{built_rate} documents/s building each from its page (--refresh-documents) "
        f"| {yes(rate >= 1500)} |"
    )
    print(
        f"| published change searchable ≤ 2 s | "
        f"{f'{searchable:.2f} s' if searchable else 'not within 30 s'} "
        f"(publish() itself {published:.2f} s) | {yes(searchable and searchable <= 2)} |"
    )
    db_p50 = max(r.database[0] for r in page_rows)
    print(f"| database fallback p50 ≤ 250 ms | worst {db_p50:.0f} ms | {yes(db_p50 <= 250)} |")
    print(
        f"\nThe same text searches asked again, from the engine's request cache: server "
        f"{fmt(again['server'])} ms, engine took {fmt(again['took'], 0)} ms (p50 / p95)."
    )
    print(
        f"\nThe database fallback reads its in-memory facets in {postings_load:.1f} s, once per "
        "process after documents change (in a thread, answering from the previous ones "
        "meanwhile, when it takes over a second)."
    )
    if agreement:
        print(
            f"\nThe built-in path's buckets hold our counts in {agreement[0]} of {agreement[1]} "
            "cases (searches without words, experiences only; it returns 10 buckets a facet)."
        )
    if builtin_rate:
        print(
            f"\nWagtail's built-in back-end indexed ExperiencePage at {builtin_rate:.0f} objects/s."
        )


class Row(NamedTuple):
    """One scenario's figures: (p50, p95) pairs, and the view's measurements as a dict."""

    label: str
    view: dict
    builtin: tuple
    builtin_http: int | None
    database: tuple
    layer: tuple
    few: tuple
    uncounted: tuple


def ratio(builtin, ours):
    return f"{builtin[0] / ours[0]:.2f}×" if builtin[0] and ours[0] else "n/a"


def yes(flag):
    return "yes" if flag else "**no**"


if __name__ == "__main__":
    main()
