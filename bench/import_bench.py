"""Benchmark of the experience import while the site is being visited.

    ./bench/import.sh [--rows 2000] [--databases postgresql sqlite]

For each database, a fresh copy of the demo is served by `runserver` (as `make run` does) and
`manage.py import_experiences` imports generated rows three times: new rows, the same file
again (nothing to change) and the file with every title changed. Meanwhile a visitor reads the
home page, the repository and an experience, and signs in (a write), one request after the
other. The table gives rows per second for each pass and the visitor's latency and errors
during it; "idle" is the visitor alone, measured in the same run.

Absolute figures depend on the machine, which is shared and noisy; compare rows of one run."""

import argparse
import csv
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
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from serving import fetch, free_port, fresh_database, production_environment

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "a-long-bench-passphrase"

# Terms and countries the demo vocabularies hold (see taxonomy/fixtures).
TOPICS = ["climate", "sortition", "youth", "housing", "mobility", "participatory-budgeting"]
MECHANISMS = ["citizens-assembly", "consultation", "referendum"]
COUNTRIES = ["FR", "ES", "BR", "PT", "IT", "MX", "CO", "KE", "IN", "CA", "DE", "SE"]


def generate(path, rows, seed, title_suffix=""):
    rng = random.Random(seed)
    columns = [
        "external_id", "title", "summary", "place", "country", "start_year", "end_year",
        "ongoing", "population", "topics", "mechanisms", "keywords", "organisations",
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        for number in range(rows):
            start = rng.randint(1990, 2024)
            finished = rng.random() < 0.4
            writer.writerow(
                {
                    "external_id": f"bench-{number}",
                    "title": f"Participatory process {number}{title_suffix}",
                    "summary": "Residents proposed and voted on projects for their district.",
                    "place": f"Town {number % 500}",
                    "country": rng.choice(COUNTRIES),
                    "start_year": start,
                    "end_year": min(start + rng.randint(0, 6), 2025) if finished else "",
                    "ongoing": "false" if finished else "true",
                    "population": rng.randint(1_000, 3_000_000),
                    "topics": "; ".join(rng.sample(TOPICS, 2)),
                    "mechanisms": rng.choice(MECHANISMS),
                    "keywords": "; ".join(rng.sample(["budget", "youth", "digital", "rural"], 2)),
                    "organisations": f"City council {number % 300}",
                }
            )


def manage(env, *args, check=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


class Visitor(threading.Thread):
    """One visitor at a time: reads three pages, then signs in through the login form."""

    def __init__(self, base, slug):
        super().__init__(daemon=True)
        self.base, self.slug = base, slug
        self.samples = []  # (started, seconds, ok)
        self.stopping = threading.Event()

    def run(self):
        paths = ["/en/", "/en/experiences/", f"/en/experiences/{self.slug}/"]
        while not self.stopping.is_set():
            for path in paths:
                self.request(path)
            self.sign_in()

    def request(self, path, data=None, cookies=None):
        started = time.monotonic()
        status, body, took = fetch(self.base + path, data, cookies, timeout=60)
        # The login form answers a redirect once signed in.
        ok = status == 200 or (status == 302 and data is not None)
        if not ok:
            print(f"  visitor: {path} answered {status or 'nothing'}", file=sys.stderr)
        if took > 2:
            print(f"  visitor: {path} took {took:.1f} s", file=sys.stderr)
        self.samples.append((started, took, ok))
        return body.decode() if ok else ""

    def sign_in(self):
        cookies = {}
        page = self.request("/admin/login/", cookies=cookies)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not token:
            return
        form = {"csrfmiddlewaretoken": token[1], "username": "bench", "password": PASSWORD}
        self.request("/admin/login/", urllib.parse.urlencode(form).encode(), cookies=cookies)

    def between(self, start, end):
        return [(seconds, ok) for at, seconds, ok in self.samples if start <= at < end]


def serve(env, port, production):
    if production:  # as docs/deployment.md runs it; two workers for two cores
        command = ["-m", "gunicorn", "iopd_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"]
    else:  # as `make run` does
        command = ["manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [PYTHON, *command], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(200):
        if fetch(f"http://127.0.0.1:{port}/en/", timeout=5)[0] == 200:
            return server
        time.sleep(0.2)
    server.kill()
    sys.exit("bench: the server did not answer")


def bench_database(name, database_url, rows, batch):
    """PostgreSQL as production runs it (gunicorn, production settings); SQLite as `make run`
    does (runserver, development settings)."""
    work = Path(tempfile.mkdtemp(prefix="iopd-import-"))
    production = name == "postgresql"
    env = {**production_environment(database_url, work), "SEARCH_ENGINE_URL": ""}
    if not production:
        env["DJANGO_SETTINGS_MODULE"] = "iopd_site.settings.dev"
    env.pop("SEARCH_ENGINE_KIND", None)
    commands = [["migrate", "--noinput"], ["createcachetable"], ["load_demo"]]
    if production:
        commands.append(["collectstatic", "--noinput"])
    for command in commands:
        manage(env, *command)
    manage(env, "shell", "-c", CREATE_USER)
    slug = manage(env, "shell", "-c", SAMPLE_SLUG).stdout.strip().splitlines()[-1]

    generate(work / "new.csv", rows, seed=1)
    generate(work / "changed.csv", rows, seed=1, title_suffix=" (revised)")
    port = free_port()
    server = serve(env, port, production)
    visitor = Visitor(f"http://127.0.0.1:{port}", slug)
    visitor.start()
    results = []
    try:
        started = time.monotonic()
        time.sleep(5)
        results.append(("idle", None, None, started, time.monotonic()))
        for label, file in (
            ("new rows", "new.csv"),
            ("same file again", "new.csv"),
            ("every title changed", "changed.csv"),
        ):
            extra = ["--batch-size", str(batch)] if batch else []
            started = time.monotonic()
            done = manage(env, "import_experiences", str(work / file), *extra, check=False)
            ended = time.monotonic()
            if done.returncode:
                print(done.stdout, done.stderr[-2000:], file=sys.stderr)
                sys.exit(f"bench: the import failed on {name}")
            results.append((label, rows, ended - started, started, ended))
    finally:
        visitor.stopping.set()
        visitor.join(timeout=90)
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    table = []
    for label, count, seconds, start, end in results:
        samples = visitor.between(start, end)
        latencies = sorted(seconds for seconds, _ok in samples) or [0]
        table.append(
            (
                name,
                label,
                count or "",
                f"{seconds:.1f}" if seconds else "",
                f"{count / seconds:.0f}" if seconds else "",
                len(samples),
                f"{statistics.median(latencies) * 1000:.0f}",
                f"{latencies[int(0.95 * (len(latencies) - 1))] * 1000:.0f}",
                f"{latencies[-1] * 1000:.0f}",
                sum(1 for _seconds, ok in samples if not ok),
            )
        )
    return table


CREATE_USER = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username="bench").delete()
get_user_model().objects.create_superuser("bench", "bench@example.org", "{PASSWORD}")
"""
SAMPLE_SLUG = """
from repository.models import ExperiencePage
print(ExperiencePage.objects.filter(locale__language_code="en", live=True).first().slug)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--databases", nargs="+", default=["postgresql", "sqlite"])
    parser.add_argument("--batch-size", type=int, default=0, help="default: the command's own")
    args = parser.parse_args()

    table = []
    for name in args.databases:
        if name == "postgresql":
            server_url = os.environ.get("DATABASE_URL", "")
            if not server_url.startswith("postgres"):
                sys.exit(
                    "bench: set DATABASE_URL to a PostgreSQL server (bench/import.sh starts one)"
                )
            url = fresh_database(server_url, "iopd_import_bench")
        else:
            folder = tempfile.mkdtemp(prefix="iopd-import-sqlite-")
            url = f"sqlite:///{folder}/db.sqlite3"
        print(f"{name}: {args.rows} rows ...", file=sys.stderr)
        table += bench_database(name, url, args.rows, args.batch_size)

    header = (
        "database", "pass", "rows", "s", "rows/s",
        "visits", "p50 ms", "p95 ms", "max ms", "errors",
    )  # fmt: skip
    widths = [10, 20, 6, 7, 7, 7, 7, 7, 8, 7]
    print(" ".join(f"{cell:>{width}}" for cell, width in zip(header, widths, strict=True)))
    for row in table:
        print(" ".join(f"{cell!s:>{width}}" for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
