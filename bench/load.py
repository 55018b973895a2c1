"""Load benchmark: the site as production serves it, under a mixed crowd of visitors and a few
editors publishing.

    ./bench/load.sh [--users 10 50 100] [--duration 30] [--workers 4] [--soak 600]

A fresh copy of the demo on PostgreSQL (and the search engine when SEARCH_ENGINE_URL is set) is
served by gunicorn with the production settings, on loopback only. Each simulated visitor
loops over a weighted mix (home, the repository with and without filters, experience pages,
search with facets, autocomplete, feeds), waiting `--think` seconds between requests as people
do; one editor in twenty signs in through the login form and publishes a page through the
admin's bulk action. Every run is bounded by `--duration` seconds per level and the number
of users given.

Printed: one row per level (users) and search path (the engine, then the database search that
runs when no engine is configured), with requests, throughput, p50/p95/p99 and errors; then a
saturation row per path (searches only, no think time) and their ratio. `--soak N` then runs
the 50-user mix for N seconds and prints each gunicorn worker's memory every 30 s.

Figures depend on the machine, which is shared and noisy: compare rows of one run."""

import argparse
import os
import random
import re
import shutil
import signal
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
QUERIES = ["budget", "youth", "climate assembly", "participatory", "digital", "sortition"]
FILTERS = ["", "&topic=climate", "&region=europe", "&mechanism=citizens-assembly"]


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"bench: manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


class Crowd:
    """`users` threads for `seconds`: visitors, one editor in twenty."""

    def __init__(self, base, users, seconds, think, experiences, pages, searches_only=False):
        self.base, self.users, self.seconds, self.think = base, users, seconds, think
        self.experiences, self.pages = experiences, pages
        self.searches_only = searches_only
        self.samples = []  # (kind, seconds, ok)
        self.lock = threading.Lock()

    def run(self):
        self.deadline = time.monotonic() + self.seconds
        threads = [
            threading.Thread(target=self.editor if n % 20 == 19 else self.visitor, args=(n,))
            for n in range(self.users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return self.samples

    def record(self, kind, status, seconds, expected=(200,)):
        with self.lock:
            self.samples.append((kind, seconds, status in expected))

    def pause(self, rng):
        if self.think:
            time.sleep(rng.expovariate(1 / self.think))

    def visitor(self, number):
        rng = random.Random(number)
        while time.monotonic() < self.deadline:
            kind, path = self.pick(rng)
            status, _body, seconds = fetch(self.base + path)
            self.record(kind, status, seconds)
            self.pause(rng)

    def pick(self, rng):
        query = urllib.parse.quote(rng.choice(QUERIES))
        search = ("search", f"/en/search/?q={query}{rng.choice(FILTERS)}")
        if self.searches_only:
            return search
        return rng.choices(
            [
                ("home", "/en/"),
                ("listing", f"/en/experiences/?{rng.choice(FILTERS).lstrip('&')}"),
                ("experience", rng.choice(self.experiences)),
                search,
                ("autocomplete", f"/en/search/autocomplete/?q={query[:3]}"),
                ("feed", "/en/experiences/feed/rss/"),
            ],
            weights=[15, 20, 30, 20, 10, 5],
        )[0]

    def editor(self, number):
        """Signs in through the form, then publishes a page through the bulk action, as a
        person does from a page listing; again and again until the end."""
        rng = random.Random(number)
        cookies = {}
        _status, body, _s = fetch(self.base + "/admin/login/", cookies=cookies)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        form = {"csrfmiddlewaretoken": token[1].decode(), "username": "bench", "password": PASSWORD}
        status, _body, seconds = fetch(
            self.base + "/admin/login/", urllib.parse.urlencode(form).encode(), cookies
        )
        self.record("sign-in", status, seconds, expected=(302,))
        while time.monotonic() < self.deadline:
            page_id = rng.choice(self.pages)
            url = f"{self.base}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
            _status, body, _s = fetch(url, cookies=cookies)
            token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            if token is None:
                self.record("publish", 0, 0)
                continue
            data = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1].decode()}).encode()
            status, _body, seconds = fetch(url, data, cookies)
            self.record("publish", status, seconds, expected=(302,))
            time.sleep(max(self.think, 1) * 5)  # editors publish far less often than visitors read


def percentile(values, share):
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0


def summary(samples, seconds):
    latencies = sorted(s for _kind, s, _ok in samples)
    errors = sum(1 for _kind, _s, ok in samples if not ok)
    return (
        len(samples),
        f"{len(samples) / seconds:.1f}",
        f"{percentile(latencies, 0.5):.0f}",
        f"{percentile(latencies, 0.95):.0f}",
        f"{percentile(latencies, 0.99):.0f}",
        errors,
    )


class Site:
    """A copy of the demo in its own database, served by gunicorn with production settings."""

    def __init__(self, workers, engine):
        server = os.environ.get("DATABASE_URL", "")
        if not server.startswith("postgres"):
            sys.exit("bench: set DATABASE_URL to a PostgreSQL server (bench/load.sh starts one)")
        self.work = Path(tempfile.mkdtemp(prefix="iopd-load-"))
        database_url = fresh_database(server, "iopd_load_bench")
        self.env = {
            **production_environment(database_url, self.work),
            "SEARCH_INDEX": "iopd_load_bench",
        }
        if not engine:
            self.env["SEARCH_ENGINE_URL"] = ""
        self.workers = workers
        self.server = None

    def prepare(self):
        for command in (
            ["migrate", "--noinput"],
            ["createcachetable"],
            ["load_demo"],
            ["load_demo_experiences"],
            ["collectstatic", "--noinput"],
        ):
            manage(self.env, *command)
        if self.env.get("SEARCH_ENGINE_URL"):
            manage(self.env, "rebuild_search_index")
        manage(
            self.env,
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_superuser('bench', 'b@example.org', '{PASSWORD}')",
        )
        found = manage(
            self.env,
            "shell",
            "-c",
            "from repository.models import ExperiencePage\n"
            "for p in ExperiencePage.objects.live().filter(locale__language_code='en'):\n"
            "    print('PAGE', p.pk, p.url)",
        )
        pages = [line.split() for line in found.splitlines() if line.startswith("PAGE ")]
        return [url for _tag, _pk, url in pages], [int(pk) for _tag, pk, _url in pages]

    def start(self):
        port = free_port()
        self.server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "iopd_site.wsgi", "-b", f"127.0.0.1:{port}",
             "-w", str(self.workers)],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            if fetch(self.base + "/en/")[0] == 200:
                return self.base
            time.sleep(0.2)
        sys.exit("bench: gunicorn did not answer")

    def worker_memory(self):
        """RSS in MB of each gunicorn worker (the children of the master)."""
        children = subprocess.run(
            ["ps", "--ppid", str(self.server.pid), "-o", "pid=,rss="],
            capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        return {
            int(pid): int(rss) // 1024
            for pid, rss in zip(children[::2], children[1::2], strict=True)
        }

    def stop(self):
        if self.server:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=30)
        shutil.rmtree(self.work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--duration", type=int, default=30, help="seconds per level")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between requests")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (as in docs)")
    parser.add_argument("--soak", type=int, default=0, help="seconds of the 50-user mix")
    args = parser.parse_args()

    paths = [("engine", True)] if os.environ.get("SEARCH_ENGINE_URL") else []
    paths.append(("database search", False))
    rows, saturation = [], {}
    for label, engine in paths:
        site = Site(args.workers, engine)
        try:
            print(f"{label}: preparing the demo ...", file=sys.stderr)
            experiences, pages = site.prepare()
            base = site.start()
            for users in args.users:
                samples = Crowd(base, users, args.duration, args.think, experiences, pages).run()
                rows.append((label, users, *summary(samples, args.duration)))
            samples = Crowd(base, 20, args.duration, 0, experiences, pages, True).run()
            saturation[label] = summary(samples, args.duration)
            rows.append((f"{label}, searches only", "20*", *saturation[label]))
            if args.soak and engine == paths[0][1]:
                soak(site, base, args, experiences, pages)
        finally:
            site.stop()

    header = ("search path", "users", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
    widths = [24, 6, 9, 7, 7, 7, 7, 7]
    print(" ".join(f"{cell:>{width}}" for cell, width in zip(header, widths, strict=True)))
    for row in rows:
        print(" ".join(f"{cell!s:>{width}}" for cell, width in zip(row, widths, strict=True)))
    print("20*: searches only, no think time (saturation)")
    if len(saturation) == 2:
        engine_rate, database_rate = (float(saturation[label][1]) for label, _e in paths)
        print(
            f"searches/s at saturation, engine / database search: {engine_rate / database_rate:.1f}"
        )


def soak(site, base, args, experiences, pages):
    crowd = Crowd(base, 50, args.soak, args.think, experiences, pages)
    thread = threading.Thread(target=crowd.run)
    thread.start()
    print(f"{'minute':>7} {'worker RSS MB':>40}")
    started = time.monotonic()
    while thread.is_alive():
        memory = site.worker_memory()
        minutes = (time.monotonic() - started) / 60
        print(f"{minutes:7.1f} {' '.join(str(mb) for mb in memory.values()):>40}", flush=True)
        thread.join(timeout=30)
    latencies = sorted(s for _k, s, _ok in crowd.samples)
    errors = sum(1 for _k, _s, ok in crowd.samples if not ok)
    print(f"soak: {len(crowd.samples)} requests, p95 {percentile(latencies, 0.95):.0f} ms, "
          f"{errors} errors")  # fmt: skip


if __name__ == "__main__":
    main()
