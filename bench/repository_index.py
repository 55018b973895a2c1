"""Benchmark of the repository pages on PostgreSQL: latency and SQL queries per request.

    ./bench/run.sh [--experiences 10000] [--requests 30]

Creates the experiences in bulk (tree paths computed directly; a page-by-page add would take
an hour), then requests each URL through Django's test client and prints p50/p95 latency and
the number of SQL queries. Compare rows of one run with each other; absolute times depend on
the machine, which is shared and noisy."""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iopd_site.settings.test")

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Page  # noqa: E402

from repository.models import ExperienceIndexPage, ExperiencePage  # noqa: E402
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic  # noqa: E402


def create_experiences(index, count, seed=7):
    """`count` live experiences under `index`, with random facts and taxonomy links."""
    rng = random.Random(seed)
    locale = index.locale
    countries = list(Country.objects.exclude(region=""))
    topics = list(Topic.objects.filter(locale=locale))
    mechanisms = list(Mechanism.objects.filter(locale=locale))
    groups = list(TargetGroup.objects.filter(locale=locale))
    levels = list(GovernmentLevel.objects.filter(locale=locale))
    content_type = ContentType.objects.get_for_model(ExperiencePage)
    start = index.numchild
    with transaction.atomic():
        pages = []
        for number in range(start, start + count):
            path = Page._get_path(index.path, index.depth + 1, number + 1)
            pages.append(
                Page(
                    title=f"Bench experience {number}",
                    slug=f"bench-{number}",
                    path=path,
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}bench-{number}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    draft_title=f"Bench experience {number}",
                )
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        created = Page.objects.filter(path__in=[page.path for page in pages])
        topic_links, mechanism_links, group_links = [], [], []
        for page in created:
            start_year = rng.randint(1990, 2024)
            finished = rng.random() < 0.4
            experience = ExperiencePage(
                page_ptr_id=page.pk,
                summary="A participatory process used to measure the repository pages.",
                country=rng.choice(countries),
                government_level=rng.choice(levels),
                start_year=start_year,
                ongoing=not finished,
                end_year=min(start_year + rng.randint(0, 6), 2025) if finished else None,
                population=rng.randint(1000, 5_000_000),
            )
            experience.save_base(raw=True)
            topic_links += [
                ExperiencePage.topics.through(experiencepage_id=page.pk, topic_id=t.pk)
                for t in rng.sample(topics, 2)
            ]
            mechanism_links.append(
                ExperiencePage.mechanisms.through(
                    experiencepage_id=page.pk, mechanism_id=rng.choice(mechanisms).pk
                )
            )
            group_links.append(
                ExperiencePage.target_groups.through(
                    experiencepage_id=page.pk, targetgroup_id=rng.choice(groups).pk
                )
            )
        ExperiencePage.topics.through.objects.bulk_create(topic_links, batch_size=2000)
        ExperiencePage.mechanisms.through.objects.bulk_create(mechanism_links, batch_size=2000)
        ExperiencePage.target_groups.through.objects.bulk_create(group_links, batch_size=2000)
        Page.objects.filter(pk=index.pk).update(numchild=start + count)


def measure(client, url, requests):
    client.get(url)  # warm caches that every request shares
    timings, queries, status = [], 0, None
    for _ in range(requests):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)  # an export is done when it is all sent
            timings.append((time.perf_counter() - started) * 1000)
        queries, status = len(context.captured_queries), response.status_code
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    return status, statistics.median(timings), p95, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiences", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench: set DATABASE_URL to a PostgreSQL database (bench/run.sh starts one)")

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    existing = ExperiencePage.objects.filter(locale=index.locale).count()
    started = time.perf_counter()
    if existing < args.experiences:
        create_experiences(index, args.experiences - existing)
    connection.cursor().execute("ANALYZE")
    total = ExperiencePage.objects.filter(locale=index.locale).count()
    print(f"{total} experiences ready in {time.perf_counter() - started:.1f} s\n")

    sample = (
        ExperiencePage.objects.filter(slug="bench-42").first() or ExperiencePage.objects.first()
    )
    urls = [
        ("index, no filter", "/en/experiences/"),
        ("index, one topic", "/en/experiences/?topic=climate"),
        ("index, topic tree + region", "/en/experiences/?topic=youth&region=europe"),
        (
            "index, 4 facets + years",
            "/en/experiences/?topic=climate&mechanism=consultation"
            "&level=municipal&status=finished&from=2000&to=2015",
        ),
        ("index, page 40 by title", "/en/experiences/?sort=title&page=40"),
        ("experience page", sample.url),
        ("CSV export, one region", "/en/experiences/export/csv/?region=oceania"),
    ]
    client = Client(HTTP_HOST="localhost")
    rows = [(label, *measure(client, url, args.requests)) for label, url in urls]
    baseline = rows[0][2]
    print(f"{'request':32} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'x index':>8} {'queries':>8}")
    for label, status, p50, p95, queries in rows:
        print(f"{label:32} {status:>6} {p50:>8.1f} {p95:>8.1f} {p50 / baseline:>8.2f} {queries:>8}")


if __name__ == "__main__":
    main()
