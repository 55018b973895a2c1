"""Benchmark of the background translation sync: a bulk publish of many translated pages.

    ./bench/translation_sync.sh [--pages 500]

Creates `--pages` English experiences, each with a live French translation and a draft that
changes a synchronised fact, publishes them all in one admin bulk action (the editor's
request), then runs the database worker over the queue. Prints the request's time and SQL
queries, the queued rows, and the worker's time; checks that every French page followed."""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iopd_site.settings.test")

import django
from django.test.utils import override_settings

django.setup()
# The test settings run tasks at once; the benchmark measures the durable queue.
override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "translations": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
).enable()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail_localize.models import Translation, TranslationSource  # noqa: E402

from repository.models import ExperienceIndexPage, ExperiencePage  # noqa: E402


def create(count):
    """`count` English experiences with a live French translation (those of an earlier run of
    the benchmark on the same database are reused: creating them is the slow part)."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    french = Locale.objects.get(language_code="fr")
    pages = list(
        ExperiencePage.objects.child_of(index).filter(title__startswith="Sync bench ")[:count]
    )
    for number in range(len(pages), count):
        with transaction.atomic():
            page = index.add_child(
                instance=ExperiencePage(
                    title=f"Sync bench {number}",
                    slug=f"sync-bench-{time.time_ns()}-{number}",
                    summary=f"Summary of case {number}.",
                    start_year=2001,
                )
            )
            page.save_revision().publish()
            source, _created = TranslationSource.get_or_create_from_instance(page)
            translation = Translation.objects.create(source=source, target_locale=french)
            translation.save_target(publish=False)
            page.get_translation(french).get_latest_revision().publish()
        pages.append(page)
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    started = time.perf_counter()
    pages = create(args.pages)
    print(f"created {len(pages)} translated pages in {time.perf_counter() - started:.0f} s")
    year = max(page.start_year for page in pages) + 1
    for page in pages:  # a draft that changes a synchronised fact
        page.start_year = year
        page.save_revision()
    DBTaskResult.objects.all().delete()

    admin, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(admin)
    ids = "&".join(f"id={page.pk}" for page in pages)
    queries = []  # counted by hand: Django's query log keeps only the last 9,000

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        response = client.post(
            f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/",
            {"include_descendants": ""},
        )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    queued = DBTaskResult.objects.count()
    print(
        f"bulk publish request: {elapsed:.1f} s, {len(queries)} queries "
        f"({len(queries) / len(pages):.1f} a page), {queued} task rows queued"
    )
    french = ExperiencePage.objects.filter(
        translation_key__in=[page.translation_key for page in pages], locale__language_code="fr"
    )
    assert year not in set(french.values_list("start_year", flat=True)), "work was done inline"

    started = time.perf_counter()
    call_command(
        "db_worker", "--batch", "--backend", "translations", "--no-startup-delay", verbosity=0
    )
    print(f"worker: {time.perf_counter() - started:.1f} s for {len(pages)} pages")
    assert set(french.values_list("start_year", flat=True)) == {year}, "a translation lags"
    print("every French page follows its source")


if __name__ == "__main__":
    main()
