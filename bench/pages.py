"""Benchmark of every public page type on PostgreSQL with 10,000 experiences: latency and SQL
queries uncached and from the page cache, and the pages per second one gunicorn worker serves.

    ./bench/pages.sh [--experiences 10000] [--french 200] [--requests 30] [--cold-requests 5]
                     [--duration 20] [--clients 2] [--keep]

1. Creates the database `iopd_pages_bench` beside DATABASE_URL's, with the production settings
   (their database cache backend unless CACHE_BACKEND says otherwise), migrates it and loads
   the demo (home, about, news, agenda, reports, members, sixty real experiences).
2. Imports the experiences through the importer's own path (`ExperienceImporter`, the code of
   `manage.py import_experiences`: rows validated, pages written by core.bulk's
   `publish_new_pages`, `page_published` sent for each), then `--french` of them translated and
   published in French through wagtail-localize, as `import_experiences --publish` does. Each
   row takes its place, map position, level and vocabularies from one of the sixty real
   experiences, so the filters and facets spread as the demo's do. Prints how long it took.
3. For each public page type, through Django's test client in this process (production
   middleware, no session), p50/p95 and SQL queries (cache reads included, since the database
   cache answers them) in three states:
   - page cache off (PAGE_CACHE_TIMEOUT=0): the page rendered, the site cache of menus, terms
     and routes warm, as on a running site after any publish;
   - cold: the whole cache emptied before each request (the first request after a restart);
   - page cache: the page kept by the first request and served from the cache (search and
     filtered listings are never kept: they are rendered each time).
4. Serves the same database with gunicorn (one sync worker, production settings, loopback) and
   sends `--clients` concurrent clients round the page-cache mix (every page type above with no
   query string) for `--duration` seconds, once with the page cache and once without (the
   worker restarted with PAGE_CACHE_TIMEOUT=0): pages/s and their ratio, in one run.
5. Prints markdown tables, then drops the database (unless --keep).

Absolute figures depend on the machine, which is shared and noisy: compare rows of one run.
A benchmark, never a test: nothing here asserts a time."""

import argparse
import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
import serving  # noqa: E402

PYTHON = sys.executable
DATABASE = "iopd_pages_bench"
HOST = "127.0.0.1"
THREE_FILTERS = "topic=climate&region=europe&status=ongoing"


def prepare_environment():
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        sys.exit("bench: set DATABASE_URL to a PostgreSQL server (bench/pages.sh starts one)")
    work = Path(tempfile.mkdtemp(prefix="iopd-pages-"))
    env = serving.production_environment(serving.fresh_database(server, DATABASE), work)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "bench")])
    env["SEARCH_ENGINE_URL"] = ""  # database search, as the brief of this bench says
    os.environ.update(env)
    return server, work, env


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiences", type=int, default=10_000)
    parser.add_argument("--french", type=int, default=200, help="of them translated to French")
    parser.add_argument("--requests", type=int, default=30, help="timed requests a page and state")
    parser.add_argument("--cold-requests", type=int, default=5, help="with the cache emptied")
    parser.add_argument("--duration", type=int, default=20, help="seconds of gunicorn a mode")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients on gunicorn")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    return parser.parse_args()


ARGS = parse_args()
SERVER, WORK, ENV = prepare_environment()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from award.models import AwardEditionPage, AwardIndexPage  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402
from network.models import MemberDirectoryPage  # noqa: E402
from opendata.models import OpenDataPage  # noqa: E402
from publications.models.events import EventIndexPage, EventPage  # noqa: E402
from publications.models.news import NewsIndexPage, NewsPage  # noqa: E402
from publications.models.reports import ReportIndexPage, ReportPage  # noqa: E402
from repository.demo_data import EXPERIENCES  # noqa: E402
from repository.exchange import ExperienceImporter  # noqa: E402
from repository.models import ExperienceIndexPage, ExperiencePage  # noqa: E402
from search.models import CollectionPage  # noqa: E402

# --- the content ---------------------------------------------------------------------------


def load_demo():
    started = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        for command, options in (
            ("migrate", {"interactive": False}),
            ("createcachetable", {}),
            ("collectstatic", {"interactive": False}),
            ("load_demo", {}),
            ("load_demo_experiences", {}),
        ):
            call_command(command, verbosity=0, stdout=devnull, **options)
    return time.perf_counter() - started


def rows(count, french, seed=7):
    """Import rows: English ones, then French translations of the first `french` of them. Each
    takes its facts from a real experience; titles are unique, as an import's are."""
    rng = random.Random(seed)
    keywords = ["budget", "youth", "digital", "rural", "climate", "housing", "mobility"]
    english, translated = [], []
    for number in range(count):
        real = rng.choice(EXPERIENCES)
        start = rng.randint(max(1990, real["start_year"] or 1990), 2025)
        finished = rng.random() < 0.3
        external_id = f"bench-{number}"
        english.append(
            (
                number + 1,
                {
                    "external_id": external_id,
                    "title": f"{real['title']}, cycle {number + 1}",
                    "summary": real["summary"][:500],
                    "place": real["place"],
                    "country": real["country"],
                    "latitude": real.get("latitude") or "",
                    "longitude": real.get("longitude") or "",
                    "government_level": real.get("level") or "",
                    "start_year": str(start),
                    "end_year": str(min(start + rng.randint(0, 5), 2025)) if finished else "",
                    "ongoing": "false" if finished else "true",
                    "population": str(real.get("population") or rng.randint(1_000, 3_000_000)),
                    "topics": "; ".join(real["topics"]),
                    "mechanisms": "; ".join(real["mechanisms"]),
                    "target_groups": "; ".join(real["groups"]),
                    "keywords": "; ".join(rng.sample(keywords, 2)),
                    "organisations": f"{real['place'].split(',')[0]} council",
                },
            )
        )
        words = (real.get("translations") or {}).get("fr")
        if len(translated) < french and words:
            translated.append(
                (
                    count + len(translated) + 1,
                    {
                        "external_id": external_id,
                        "language": "fr",
                        "title": f"{words['title']}, cycle {number + 1}",
                        "summary": (words.get("summary") or real["summary"])[:500],
                        "place": words.get("place") or real["place"],
                    },
                )
            )
    return english, translated


def generate(count, french):
    """Imports the rows as `import_experiences --publish` does; (seconds English, seconds
    French, English created, French created)."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    english, translated = rows(count, french)
    figures = []
    for part in (english, translated):
        started = time.perf_counter()
        report = ExperienceImporter(index, publish=True, progress_stream=sys.stderr).run(part)
        if report.errors:
            sys.exit(f"bench: the import refused rows: {report.errors[:5]}")
        figures.append((time.perf_counter() - started, report.created + report.updated))
    return figures


# --- what is measured ------------------------------------------------------------------------


def first(model, code="en"):
    return model.objects.live().public().filter(locale__language_code=code).order_by("path")[0]


def page_urls(client):
    """(label, address) of one page of each public type."""
    demo = ExperiencePage.objects.live().filter(
        locale__language_code="en", slug=EXPERIENCES[0]["slug"]
    )[0]
    french = demo.get_translation(Locale.objects.get(language_code="fr"))
    imported = ExperiencePage.objects.get(external_id=f"bench-{ARGS.experiences // 2}")
    imported_fr = ExperiencePage.objects.live().filter(
        locale__language_code="fr", translation_key__in=ExperiencePage.objects.filter(
            external_id__startswith="bench-").values("translation_key")
    ).first()  # fmt: skip
    experiences = first(ExperienceIndexPage).url
    urls = [
        ("experience, demo (en)", demo.url),
        ("experience, demo (fr)", french.url),
        ("experience, imported (en)", imported.url),
        ("experience, imported (fr)", imported_fr.url if imported_fr else None),
        ("experiences index, page 50", f"{experiences}?page=50"),
        ("experiences index, ?topic=", f"{experiences}?topic=participatory-budgeting"),
        (
            "experiences index, 3 filters",
            f"{experiences}?topic=climate&region=europe&status=ongoing",
        ),
        ("search, ?q=budget", "/en/search/?q=budget"),
        ("search, ?q=budget&topic=climate", "/en/search/?q=budget&topic=climate"),
    ]
    # Every other public page type, and each page of a routable one, in English and French.
    for code in ("en", "fr"):
        directory = first(MemberDirectoryPage, code)
        body = client.get(directory.url).content.decode()
        profile = re.search(rf'href="({re.escape(directory.url)}[a-z0-9-]+/)"', body)
        index = first(ExperienceIndexPage, code).url
        urls += [
            (f"{label} ({code})", url)
            for label, url in [
                ("home", first(HomePage, code).url),
                ("standard page", first(StandardPage, code).url),
                ("experiences index", index),
                ("codebook", f"{index}codebook/"),
                ("country page", f"{index}countries/br/"),
                ("news index", first(NewsIndexPage, code).url),
                ("news item", first(NewsPage, code).url),
                ("agenda", first(EventIndexPage, code).url),
                ("event", first(EventPage, code).url),
                ("reports index", first(ReportIndexPage, code).url),
                ("report", first(ReportPage, code).url),
                ("member directory", directory.url),
                ("member profile", profile[1] if profile else None),
                ("award index", first(AwardIndexPage, code).url),
                ("award edition", first(AwardEditionPage, code).url),
                ("collection page", first(CollectionPage, code).url),
                ("open data", first(OpenDataPage, code).url),
            ]
        ]
    return [(label, url) for label, url in urls if url]


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[min(len(timings) - 1, int(0.95 * len(timings)))]


def timed(client, url):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
    table = settings.CACHES["default"].get("LOCATION", "")
    reads = sum(1 for query in queries.captured_queries if f'"{table}"' in query["sql"])
    return response, seconds * 1000, (len(queries), reads)


def measure(client, url, requests, state):
    """{status, p50, p95, queries, hits} of `requests` requests to `url` in `state`."""
    timeout = 0 if state == "off" else max(settings.PAGE_CACHE_TIMEOUT, 300)
    timings, counts, hits, statuses = [], [], 0, set()
    with override_settings(PAGE_CACHE_TIMEOUT=timeout):
        client.get(url)  # the site cache warm (and, with the page cache, the page kept)
        for _ in range(requests):
            if state == "cold":
                cache.clear()
            response, milliseconds, queries = timed(client, url)
            timings.append(milliseconds)
            counts.append(queries)
            statuses.add(response.status_code)
            hits += response.get("X-Page-Cache") == "hit"
    p50, p95 = percentiles(timings)
    return {
        "status": "/".join(str(s) for s in sorted(statuses)),
        "p50": p50,
        "p95": p95,
        # The counts of the median request: the odd request that refreshes an expired part
        # of the site cache would otherwise set them.
        "queries": sorted(counts)[(len(counts) - 1) // 2],
        "max_queries": max(counts)[0],
        "hits": hits,
    }


# --- gunicorn ------------------------------------------------------------------------------


def get(port, path):
    """(status, seconds, served from the page cache) over a new connection, as a sync worker
    closes each."""
    connection_ = http.client.HTTPConnection(HOST, port, timeout=60)
    started = time.perf_counter()
    try:
        connection_.request("GET", path, headers={"Host": HOST})
        response = connection_.getresponse()
        response.read()
        return response.status, time.perf_counter() - started, response.getheader("X-Page-Cache")
    except OSError:
        return 0, time.perf_counter() - started, None
    finally:
        connection_.close()


class Worker:
    """One gunicorn sync worker serving the bench database with the production settings."""

    def __init__(self, page_cache_timeout):
        self.port = serving.free_port()
        self.log = WORK / f"gunicorn-{page_cache_timeout}.log"
        env = {**ENV, "PAGE_CACHE_TIMEOUT": str(page_cache_timeout)}
        command = [PYTHON, "-m", "gunicorn", "iopd_site.wsgi", "-b", f"{HOST}:{self.port}",
                   "-w", "1", "-k", "sync"]  # fmt: skip
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        for _ in range(300):
            if get(self.port, "/en/")[0] == 200:
                return
            time.sleep(0.2)
        self.stop()
        sys.exit(f"bench: gunicorn did not answer, see {self.log}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


def crowd(port, paths, clients, seconds):
    """`clients` threads going round `paths` without pause for `seconds`: (latencies, errors,
    hits, elapsed)."""
    samples, lock = [], threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number):
        position = number * len(paths) // clients
        while time.monotonic() < deadline:
            status, latency, hit = get(port, paths[position % len(paths)])
            position += 1
            with lock:
                samples.append((status, latency, hit == "hit"))

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return (
        [latency for _s, latency, _h in samples],
        sum(1 for status, _l, _h in samples if status != 200),
        sum(1 for _s, _l, hit in samples if hit),
        elapsed,
    )


def serve(paths):
    """{mode: (requests, pages/s, p50 ms, p95 ms, errors, hits)} with and without the cache."""
    results = {}
    for mode, timeout in (("page cache", 300), ("page cache off", 0)):
        worker = Worker(timeout)
        try:
            for path in paths:  # each page rendered once (and kept, with the cache)
                get(worker.port, path)
            latencies, errors, hits, elapsed = crowd(
                worker.port, paths, ARGS.clients, ARGS.duration
            )
        finally:
            worker.stop()
        p50, p95 = percentiles(latencies)
        results[mode] = (
            len(latencies), len(latencies) / elapsed, p50 * 1000, p95 * 1000, errors, hits
        )  # fmt: skip
    return results


# --- the report ------------------------------------------------------------------------------


def fmt(result):
    return f"{result['p50']:.1f} / {result['p95']:.1f}"


def queries(result):
    """Queries of the median request, of them reads of the database cache, and the most."""
    total, reads = result["queries"]
    text = f"{total} ({reads} cache)" if reads else str(total)
    if result["max_queries"] != total:
        text += f", max {result['max_queries']}"
    return text


def main():
    print(f"bench: database {DATABASE}, demo loading ...", file=sys.stderr)
    demo_seconds = load_demo()
    print(f"bench: importing {ARGS.experiences} experiences ...", file=sys.stderr)
    (en_seconds, en_count), (fr_seconds, fr_count) = generate(ARGS.experiences, ARGS.french)
    live = ExperiencePage.objects.live().filter(locale__language_code="en").count()
    client = Client(HTTP_HOST=HOST)
    urls = page_urls(client)
    table = []
    for label, url in urls:
        print(f"bench: {label} ...", file=sys.stderr)
        off = measure(client, url, ARGS.requests, "off")
        cold = measure(client, url, ARGS.cold_requests, "cold")
        kept = measure(client, url, ARGS.requests, "cached")
        table.append((label, url, off, cold, kept))
    paths = [url for _label, url in urls if "?" not in url]
    print("bench: gunicorn ...", file=sys.stderr)
    served = serve(paths)

    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 2)[-2]
    print(f"\n## Page benchmark: {live} live English experiences\n")
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')}, PostgreSQL {connection.pg_version // 10000}, "
        f"production settings, `{cache_backend}` cache backend, database search, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}. Demo loaded in "
        f"{demo_seconds:.0f} s; {en_count} experiences imported in {en_seconds:.0f} s "
        f"({en_count / en_seconds:.0f} rows/s) and {fr_count} French translations published "
        f"in {fr_seconds:.0f} s ({fr_count / max(fr_seconds, 1e-3):.0f} rows/s), through "
        "`ExperienceImporter` as `import_experiences --publish` runs it.\n"
    )
    print(
        f"Django test client in process, no session; ms as p50 / p95 of {ARGS.requests} "
        f"requests ({ARGS.cold_requests} cold); SQL queries of the median request, in brackets "
        "those that read the database cache table.\n"
    )
    print(
        "| page | address | status | page cache off: ms | queries "
        "| cold (cache emptied): ms | queries | page cache: ms | queries | hits |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, url, off, cold, kept in table:
        print(
            f"| {label} | `{url}` | {off['status']} | {fmt(off)} | {queries(off)} "
            f"| {fmt(cold)} | {queries(cold)} | {fmt(kept)} | {queries(kept)} "
            f"| {kept['hits']}/{ARGS.requests} |"
        )
    print(
        f"\nOne gunicorn sync worker, {ARGS.clients} clients without pause for "
        f"{ARGS.duration} s, round the {len(paths)} addresses without a query string:\n"
    )
    print("| mode | requests | pages/s | p50 ms | p95 ms | errors | page cache hits |")
    print("|---|---|---|---|---|---|---|")
    for mode, (count, rate, p50, p95, errors, hits) in served.items():
        print(f"| {mode} | {count} | {rate:.1f} | {p50:.1f} | {p95:.1f} | {errors} | {hits} |")
    ratio = served["page cache"][1] / served["page cache off"][1]
    print(f"\nPages/s from the page cache ÷ rendered: {ratio:.1f}×")


if __name__ == "__main__":
    try:
        main()
    finally:
        connection.close()
        if not ARGS.keep:
            import psycopg

            with psycopg.connect(SERVER, autocommit=True) as server:
                server.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(WORK, ignore_errors=True)
