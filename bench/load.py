"""Load benchmark: the site as production serves it, under a mixed crowd of visitors and a few
editors publishing.

    ./bench/load.sh [--users 10 50 100] [--duration 30] [--ramp 5] [--warmup 10]
                    [--workers 2] [--admin-workers 1] [--publish-every 5]
                    [--paths engine builtin database] [--soak 600] [--kill-engine]
                    [--samples DIR]

One copy of the demo (load_demo, load_demo_experiences, the engine index rebuilt) in its own
PostgreSQL database, served by gunicorn on loopback with the production settings as a
TLS-terminating proxy would reach them (`X-Forwarded-Proto: https`, `X-Forwarded-For`): the
visitors' workers, and the editors' own (`--admin-workers`) for /admin/, as production's proxy
routes it (docs/deployment.md). Each search path serves the same database in turn:

- `engine`: our search, one engine request a results page (`iopd_site.wsgi`);
- `builtin`: the same page and autocomplete answered by Wagtail's built-in OpenSearch back-end,
  one request for the hits, one for their total and one per facet (`bench/load_wsgi.py`,
  `bench/builtin.py`; experiences only, filters on topic, region, country, level, status);
- `database`: no engine configured, our database search (what visitors get when it is down).

The crowd (threads, stdlib HTTP) is bounded by `--duration` seconds and `--max-requests` per
level. Its users arrive over `--ramp` seconds; the first `--warmup` seconds of a level (the
arrivals, the editors signing in, each page's first visit on cold caches) are reported apart,
as load tools report a ramp-up, and the `--duration` after them are the level's figures.
Visitors loop over a weighted mix (home, the repository with and without filters, experience
pages, search with facets, autocomplete, feeds), waiting `--think` seconds on average; one
user in twenty is an editor who signs in through the login form, then opens an experience's
edit form and posts it back with `action-publish`, as the browser does, every few
seconds. Then `--saturation-users` users search without pause: searches per second at
saturation, and the ratio of the engine to the other paths, measured in turns
(`--saturation-rounds`). Before any level, each engine path is searched for `--engine-warmup`
seconds, so that no path is measured on a colder engine.

`--soak N` runs the 50-user mix for N seconds on the engine path and samples each gunicorn
worker's memory every 30 s. `--kill-engine` starts an engine node of its own, runs the 50-user
mix on it and kills the node (SIGKILL) a third of the way in: failed requests and searches
answered by the database fallback, before and after.

Figures depend on the machine, which is shared and noisy: compare rows of one run."""

import argparse
import csv
import html.parser
import json
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

import serving
from serving import free_port

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "a-long-bench-passphrase"
DATABASE = "iopd_load_bench"
ALIAS = "iopd_load_bench"
QUERIES = ["budget", "youth", "climate assembly", "participatory", "digital", "sortition"]
# Search filters both search paths can apply; listings also take a mechanism.
SEARCH_FILTERS = ["", "&topic=climate", "&region=europe", "&topic=climate&region=europe"]
LISTING_FILTERS = ["", "topic=climate", "region=europe", "mechanism=citizens-assembly"]
FALLBACK_NOTICE = b"The search engine is not answering"
PATHS = {
    "engine": ("iopd_site.settings.production", "iopd_site.wsgi", True),
    "builtin": ("load_settings", "load_wsgi", True),
    "database": ("iopd_site.settings.production", "iopd_site.wsgi", False),
}


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"bench: manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def fetch(url, data=None, cookies=None, answer_headers=None):
    """As the proxy passes a browser's request on: over HTTPS for the site (so Secure cookies
    and the CSRF origin check apply)."""
    origin = "https://" + urllib.parse.urlsplit(url).netloc
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
    if data is not None:
        headers.update({"Origin": origin, "Referer": origin + urllib.parse.urlsplit(url).path})
    return serving.fetch(
        url, data, cookies, timeout=60, headers=headers, answer_headers=answer_headers
    )


class EditForm(html.parser.HTMLParser):
    """The fields a browser would post from the page edit form: inputs, text areas, selects,
    and each StreamField flattened from the state its widget carries, as Wagtail's script
    writes it into the form before submitting."""

    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.textarea, self.select = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "page-edit-form":
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = {"name": name, "first": None, "chosen": []}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.select["chosen"].append(value)
        elif tag == "div" and "data-w-block-arguments-value" in attrs:
            state = json.loads(attrs["data-w-block-arguments-value"])[0]
            self.fields.extend(flatten(attrs["id"], state))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # The browser drops the one newline that follows <textarea>.
            name, text = self.textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"] or [self.select["first"] or ""]
            self.fields.extend((self.select["name"], value) for value in chosen)
            self.select = None


def flatten(prefix, state):
    """Form fields of a block's form state: a stream's children carry a type, a list's
    children a value and an id, a struct is a dict of its children."""
    if isinstance(state, list) and all(isinstance(c, dict) and "value" in c for c in state):
        fields = [(f"{prefix}-count", str(len(state)))]
        for i, child in enumerate(state):
            if "type" in child:
                fields.append((f"{prefix}-{i}-type", child["type"]))
            fields += [
                (f"{prefix}-{i}-id", child.get("id") or ""),
                (f"{prefix}-{i}-deleted", ""),
                (f"{prefix}-{i}-order", str(i)),
            ]
            fields += flatten(f"{prefix}-{i}-value", child["value"])
        return fields
    if isinstance(state, dict):
        return [pair for key, value in state.items() for pair in flatten(f"{prefix}-{key}", value)]
    if isinstance(state, list):
        return [(prefix, str(value)) for value in state]
    if state is None or state is False:
        return [] if state is False else [(prefix, "")]
    return [(prefix, "on" if state is True else str(state))]


class Crowd:
    """`users` threads for `seconds` (and at most `max_requests`): visitors, and one editor in
    twenty. Samples are (second since start, kind, seconds, ok, degraded, page-cache hit).

    The users arrive over the first `ramp` seconds, as a site's visitors do, not all in the
    same instant on cold caches; the first `warmup` seconds (the arrivals, the editors signing
    in, the first visit of each page) are recorded apart, and `seconds` are measured after."""

    publish_every = 5.0  # seconds between an editor's publishes, on average (--publish-every)
    ramp = 5.0  # seconds over which the users arrive (--ramp)
    warmup = 10.0  # seconds recorded apart before the measured ones (--warmup)

    def __init__(
        self, base, users, seconds, think, pages, searches_only=False, max_requests=0,
        admin_base=None,
    ):  # fmt: skip
        self.base, self.users, self.seconds, self.think = base, users, seconds, think
        self.admin_base = admin_base or base  # where the editors go (Site.admin_base)
        self.pages = pages  # [(id, url)] of English experiences
        self.searches_only = searches_only
        self.max_requests = max_requests or 10**9
        self.samples = []
        self.lock = threading.Lock()
        self.published = {}  # page url -> the last title an editor published

    def run(self):
        self.started = time.monotonic()
        self.deadline = self.started + self.warmup + self.seconds
        threads = [
            threading.Thread(
                target=self.editor if n % 20 == 0 and not self.searches_only else self.visitor,
                args=(n,),
            )
            for n in range(self.users)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return self.samples

    def going(self):
        return time.monotonic() < self.deadline and len(self.samples) < self.max_requests

    def arrive(self, number):
        time.sleep(self.ramp * number / self.users)

    def record(self, kind, status, seconds, expected=(200,), degraded=False, hit=False):
        with self.lock:
            moment = time.monotonic() - self.started
            self.samples.append((moment, kind, seconds, status in expected, degraded, hit))

    def write(self, path):
        """Every request of the level, one CSV row each, in the order they started: to read the
        slow ones beside what else was running (an editor's publish, a cache emptied)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="") as out:
            rows = csv.writer(out)
            rows.writerow(("start s", "end s", "kind", "ms", "ok", "degraded", "hit"))
            for end, kind, seconds, ok, degraded, hit in sorted(
                self.samples, key=lambda s: s[0] - s[2]
            ):
                rows.writerow((f"{end - seconds:.4f}", f"{end:.4f}", kind, f"{seconds * 1000:.1f}",
                               int(ok), int(degraded), int(hit)))  # fmt: skip

    def measured(self):
        return [s for s in self.samples if s[0] >= self.warmup]

    def warming(self):
        return [s for s in self.samples if s[0] < self.warmup]

    def pause(self, rng):
        if self.think:
            time.sleep(rng.expovariate(1 / self.think))

    def visitor(self, number):
        rng = random.Random(number)
        self.arrive(number)
        while self.going():
            kind, path = self.pick(rng)
            answer = {}
            status, body, seconds = fetch(self.base + path, answer_headers=answer)
            hit = answer.get("X-Page-Cache") == "hit"
            self.record(kind, status, seconds, degraded=FALLBACK_NOTICE in body, hit=hit)
            self.pause(rng)

    def pick(self, rng):
        query = urllib.parse.quote(rng.choice(QUERIES))
        search = ("search", f"/en/search/?q={query}{rng.choice(SEARCH_FILTERS)}")
        if self.searches_only:
            return search
        return rng.choices(
            [
                ("home", "/en/"),
                ("listing", f"/en/experiences/?{rng.choice(LISTING_FILTERS)}"),
                ("experience", rng.choice(self.pages)[1]),
                search,
                ("autocomplete", f"/en/search/autocomplete/?q={query[:3]}"),
                ("feed", "/en/experiences/feed/rss/"),
            ],
            weights=[15, 20, 30, 20, 10, 5],
        )[0]

    def editor(self, number):
        """Signs in through the login form, then edits one experience again and again: opens
        its edit form, changes the title, posts the form with `action-publish`."""
        rng = random.Random(number)
        self.arrive(number)
        cookies = {}
        _status, body, _s = fetch(self.admin_base + "/admin/login/", cookies=cookies)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        form = {"csrfmiddlewaretoken": token[1].decode(), "username": "bench", "password": PASSWORD}
        status, _body, seconds = fetch(
            self.admin_base + "/admin/login/", urllib.parse.urlencode(form).encode(), cookies
        )
        self.record("sign-in", status, seconds, expected=(302,))
        page_id, page_url = self.pages[(number // 20) % len(self.pages)]  # a page each
        edit = f"{self.admin_base}/admin/pages/{page_id}/edit/"
        edits = 0
        while self.going():
            status, body, seconds = fetch(edit, cookies=cookies)
            self.record("edit form", status, seconds)
            parser = EditForm()
            parser.feed(body.decode())
            fields = dict(parser.fields)
            if status != 200 or "title" not in fields:
                time.sleep(1)
                continue
            edits += 1
            title = re.sub(r" \(edit \d+\)$", "", fields["title"]) + f" (edit {edits})"
            data = [(k, title if k == "title" else v) for k, v in parser.fields]
            data.append(("action-publish", "action-publish"))
            status, _body, seconds = fetch(edit, urllib.parse.urlencode(data).encode(), cookies)
            self.record("publish", status, seconds, expected=(302,))
            if status == 302:
                self.published[page_url] = title
            # Every --publish-every seconds on average (5 by default: a stress far above a
            # person's pace, whose edit takes minutes; each publish empties the page cache).
            time.sleep(rng.uniform(0.6, 1.4) * self.publish_every)


KINDS = ("gunicorn", "engine", "postgres", "crowd")


def cpu_seconds():
    """{pid: (kind, CPU seconds used so far)} of the processes of each kind on this machine
    (Linux's /proc): the site's workers, the engine's JVM, PostgreSQL, and this crowd."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        if "gunicorn" in command:
            used[pid] = ("gunicorn", seconds)
        elif command.startswith("postgres"):
            used[pid] = ("postgres", seconds)
        elif "java" in command and ("opensearch" in command or "elasticsearch" in command):
            used[pid] = ("engine", seconds)
        elif int(pid) == os.getpid():
            used[pid] = ("crowd", seconds)
    return used


def cpu_spent(before, after):
    """CPU seconds by kind between two readings: a process started between them counts whole
    (a new PostgreSQL connection); one that ended between them is not seen."""
    spent = dict.fromkeys(KINDS, 0.0)
    for pid, (kind, seconds) in after.items():
        spent[kind] += seconds - before.get(pid, (kind, 0.0))[1]
    return spent


def percentile(values, share):
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0


def summary(samples, seconds):
    """requests, req/s, p50, p95, p99, errors, degraded, share of page-cache hits."""
    latencies = sorted(s[2] for s in samples)
    return (
        len(samples),
        f"{len(samples) / seconds:.1f}",
        f"{percentile(latencies, 0.5):.0f}",
        f"{percentile(latencies, 0.95):.0f}",
        f"{percentile(latencies, 0.99):.0f}",
        sum(1 for s in samples if not s[3]),
        sum(1 for s in samples if s[4]),
        f"{sum(1 for s in samples if s[5]) / max(1, len(samples)):.0%}",
    )


def print_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        print("  ".join(f"{cell!s:>{width}}" for cell, width in zip(row, widths, strict=True)))


class Site:
    """The demo in its own database, served by gunicorn as production serves it."""

    def __init__(self, engine_url, workers, threads, admin_workers=0):
        server = os.environ.get("DATABASE_URL", "")
        if not server.startswith("postgres"):
            sys.exit("bench: set DATABASE_URL to a PostgreSQL server (bench/load.sh starts one)")
        self.work = Path(tempfile.mkdtemp(prefix="iopd-load-"))
        self.engine_url = engine_url
        self.env = {
            **serving.production_environment(
                serving.fresh_database(server, DATABASE), self.work, behind_proxy=True
            ),
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
            "SEARCH_ENGINE_URL": engine_url,
            "SEARCH_INDEX": ALIAS,
        }
        self.workers, self.threads, self.admin_workers = workers, threads, admin_workers
        self.server = self.admin_server = None

    def prepare(self, builtin):
        for command in (
            ["migrate", "--noinput"],
            ["createcachetable"],
            ["load_demo"],
            ["load_demo_experiences"],
            ["collectstatic", "--noinput"],
        ):
            manage(self.env, *command)
        if self.engine_url:
            manage(self.env, "rebuild_search_index", "--refresh-documents")
        if builtin:
            manage(
                {**self.env, "DJANGO_SETTINGS_MODULE": "load_settings"},
                "shell", "-c", "import builtin; builtin.index_builtin()",
            )  # fmt: skip
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
        return [
            (int(line.split()[1]), line.split()[2])
            for line in found.splitlines()
            if line.startswith("PAGE ")
        ]

    def start(self, path, engine_url=None):
        settings, wsgi, engine = PATHS[path]
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings}
        env["SEARCH_ENGINE_URL"] = (engine_url or self.engine_url) if engine else ""
        self.log = self.work / f"gunicorn-{path}.log"
        # Sync workers, one per core by default: a request here is CPU work (templates, the
        # ORM), and PostgreSQL, the engine and this crowd run on the same two cores, so more
        # processes only queue for them (--workers 4 measured no better, see docs/deployment.md).
        self.server, self.base = self._gunicorn(wsgi, env, self.workers, self.threads)
        self.admin_base = self.base
        if self.admin_workers:
            # The editors' own workers, as a proxy routes /admin/ (docs/deployment.md): a
            # visitor's page never waits behind an editor's form.
            self.admin_server, self.admin_base = self._gunicorn(wsgi, env, self.admin_workers)
        for _ in range(300):
            if fetch(self.base + "/en/")[0] == 200 and fetch(self.admin_base + "/en/")[0] == 200:
                for warm in ("/en/search/?q=budget", "/en/experiences/"):
                    for _worker in range(self.workers * 2):
                        fetch(self.base + warm)
                return self.base
            time.sleep(0.2)
        sys.exit(f"bench: gunicorn did not answer ({path})")

    def _gunicorn(self, wsgi, env, workers, threads=1):
        """(the server, its address) of gunicorn serving `wsgi` on a free port."""
        port = free_port()
        command = [PYTHON, "-m", "gunicorn", wsgi, "-b", f"127.0.0.1:{port}", "-w", str(workers)]
        if threads > 1:
            command += ["--threads", str(threads)]
        with self.log.open("a") as log:
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        return server, f"http://127.0.0.1:{port}"

    def worker_memory(self):
        """{pid: RSS in MB} of each of the visitors' gunicorn workers (the children of the
        master): the soak's crowd is theirs."""
        listing = subprocess.run(
            ["ps", "--ppid", str(self.server.pid), "-o", "pid=,rss="],
            capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        return {int(p): int(r) / 1024 for p, r in zip(listing[::2], listing[1::2], strict=True)}

    def stop(self):
        if self.admin_server:
            self.admin_server.send_signal(signal.SIGTERM)
            self.admin_server.wait(timeout=60)
            self.admin_server = None
        if self.server:
            self.server.send_signal(signal.SIGTERM)
            self.server.wait(timeout=60)
            self.server = None
            # Django logs each 500 this way; engine warnings (--kill-engine) are expected.
            errors = re.findall(r"^Internal Server Error", self.log.read_text(), re.M)
            if errors:
                print(
                    f"bench: {self.log.name}: {len(errors)} server errors, the log ends:",
                    file=sys.stderr,
                )
                print(self.log.read_text()[-3000:], file=sys.stderr)

    def remove(self):
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)
        if self.engine_url:
            drop_indices(self.engine_url)


def drop_indices(url):
    """The bench's indices on an engine it may share (ours and the built-in path's)."""
    try:
        with urllib.request.urlopen(f"{url}/_cat/indices/iopd_load_*?h=index", timeout=30) as r:
            names = r.read().decode().split()
        for name in names:
            request = urllib.request.Request(f"{url}/{name}", method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()
    except OSError as error:
        print(f"bench: could not drop the bench indices: {error}", file=sys.stderr)


def check_published(site, crowd):
    """Each editor's last publish shows on the public page (a 302 alone proves nothing)."""
    missing = [
        url
        for url, title in crowd.published.items()
        if title.encode() not in fetch(site.base + url)[1].replace(b"&#x27;", b"'")
    ]
    return len(crowd.published), missing


def warm_engine(site, paths, args, pages):
    """Searches on every path before anything is measured. A new engine node's JVM compiles
    its hot code over its first minutes: whichever path was measured first ran on a colder
    engine (the engine's CPU a search 27 ms for the built-in path measured first, 16 ms
    second; ours 3.4 ms first, 2.6 ms second), and the ratio of the two said which came first."""
    for path in paths:
        site.start(path)
        try:
            crowd = Crowd(site.base, args.saturation_users, 0, 0, pages, True, args.max_requests)
            crowd.warmup = args.engine_warmup
            crowd.run()
        finally:
            site.stop()


def levels(site, path, args, pages, rows, by_kind, warming):
    site.start(path)
    try:
        for users in args.users:
            crowd = Crowd(
                site.base, users, args.duration, args.think, pages, False, args.max_requests,
                admin_base=site.admin_base,
            )  # fmt: skip
            crowd.run()
            if args.samples:
                crowd.write(Path(args.samples) / f"{path}-{users}.csv")
            samples = crowd.measured()
            done, missing = check_published(site, crowd)
            shown = f"{done - len(missing)}/{done}"
            rows.append((path, users, *summary(samples, args.duration), shown))
            for kind in sorted({s[1] for s in samples}):
                picked = [s for s in samples if s[1] == kind]
                by_kind.append((path, users, kind, *summary(picked, args.duration)))
            if crowd.warmup:
                warming.append((path, users, *summary(crowd.warming(), crowd.warmup)))
    finally:
        site.stop()


def saturate(site, paths, args, pages):
    """Searches without pause on each path in turn, `--saturation-rounds` times over: the
    machine is shared, and a path measured in one stretch of time alone takes that stretch's
    noise for its own. {path: [(summary, {process kind: CPU seconds}), one per round]}."""
    rounds = {path: [] for path in paths}
    for _round in range(args.saturation_rounds):
        for path in paths:
            site.start(path)
            try:
                crowd = Crowd(
                    site.base, args.saturation_users, args.duration, 0, pages, True,
                    args.max_requests,
                )  # fmt: skip
                # CPU read over the measured seconds only: a timer at the end of the warm-up.
                readings = [cpu_seconds()]  # replaced at the end of the warm-up
                timer = threading.Timer(crowd.warmup, lambda to=readings: to.append(cpu_seconds()))
                timer.start()
                crowd.run()
                timer.cancel()
                spent = cpu_spent(readings[-1], cpu_seconds())
                rounds[path].append((summary(crowd.measured(), args.duration), spent))
            finally:
                site.stop()
    return rounds


def soak(site, args, pages):
    """The 50-user mix for `args.soak` seconds; each worker's RSS every 30 s."""
    site.start("engine")
    try:
        crowd = Crowd(site.base, 50, args.soak, args.think, pages, admin_base=site.admin_base)
        thread = threading.Thread(target=crowd.run)
        thread.start()
        started, samples = time.monotonic(), []
        while thread.is_alive():
            samples.append(((time.monotonic() - started) / 60, site.worker_memory()))
            thread.join(timeout=30)
        samples.append(((time.monotonic() - started) / 60, site.worker_memory()))
    finally:
        site.stop()
    pids = sorted({pid for _minute, memory in samples for pid in memory})
    print(f"\nSoak: 50 users for {args.soak} s on the engine path, RSS of each worker (MB)")
    print_table(
        ("minute", *(f"worker {pid}" for pid in pids)),
        [
            (f"{minute:.1f}", *(f"{memory[p]:.0f}" if p in memory else "-" for p in pids))
            for minute, memory in samples
        ],
    )
    figures = summary(crowd.measured(), args.soak)[:6]
    print(f"soak: {figures} (requests, req/s, p50, p95, p99, errors; after the warm-up)")
    # Warm-up (imports, caches, the first pages of every kind) is over after the first third;
    # stable means no worker grew by more than 5 % from then to the end.
    warm = samples[len(samples) // 3][1]
    last = samples[-1][1]
    growth = {pid: last[pid] / warm[pid] - 1 for pid in warm if pid in last}
    stable = len(growth) == len(warm) and all(g <= 0.05 for g in growth.values())
    print(
        "soak: memory "
        + ("stable" if stable else "NOT stable")
        + f" (growth after warm-up: {', '.join(f'{g:+.1%}' for g in growth.values()) or 'n/a'};"
        f" workers replaced: {len(pids) - len(warm)})"
    )


def kill_engine(site, args, pages):
    """The 50-user mix on an engine node started for this, killed a third of the way in."""
    run_dir = Path(tempfile.mkdtemp(prefix="iopd-load-engine-"))
    env = {**os.environ, "IOPD_ENGINE_RUN_DIR": str(run_dir)}
    script = str(ROOT / "scripts" / "search-engine.sh")
    subprocess.run([script, "start", str(free_port())], env=env, check=True)
    try:
        url = dict(line.split("=", 1) for line in (run_dir / "env").read_text().splitlines())[
            "SEARCH_ENGINE_URL"
        ]
        manage({**site.env, "SEARCH_ENGINE_URL": url}, "rebuild_search_index")
        site.start("engine", engine_url=url)
        crowd = Crowd(
            site.base, 50, args.duration * 3, args.think, pages, admin_base=site.admin_base
        )
        thread = threading.Thread(target=crowd.run)
        thread.start()
        time.sleep(crowd.warmup + args.duration)
        node = int((run_dir / "pid").read_text())
        os.kill(node, signal.SIGKILL)
        killed = time.monotonic() - crowd.started
        thread.join()
        site.stop()
    finally:
        subprocess.run([script, "stop"], env=env, check=False, capture_output=True)
        shutil.rmtree(run_dir, ignore_errors=True)
    before = [s for s in crowd.measured() if s[0] < killed]
    after = [s for s in crowd.samples if s[0] >= killed]
    print(f"\nEngine killed (SIGKILL) at {killed:.0f} s, 50 users on the engine path")
    header = ("", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "degraded", "hits")
    end = crowd.warmup + args.duration * 3
    print_table(
        header,
        [
            ("before", *summary(before, killed - crowd.warmup)),
            ("after", *summary(after, end - killed)),
            ("after, searches", *summary([s for s in after if s[1] == "search"], end - killed)),
        ],
    )
    print("degraded: search pages answered by the database with the engine's notice")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--users",
        type=int,
        nargs="*",
        default=[10, 50, 100],
        help="none: only --soak/--kill-engine",
    )
    parser.add_argument("--duration", type=int, default=30, help="seconds per level")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per level, at most")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between requests")
    parser.add_argument(
        "--ramp", type=float, default=5.0, help="seconds over which a level's users arrive"
    )
    parser.add_argument(
        "--warmup", type=float, default=10.0, help="seconds of a level recorded apart, first"
    )
    parser.add_argument(
        "--publish-every", type=float, default=5.0, help="mean seconds between publishes"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument(
        "--admin-workers",
        type=int,
        default=1,
        help="gunicorn workers of their own for /admin/, as production (0: the site's)",
    )
    parser.add_argument("--saturation-users", type=int, default=20)
    parser.add_argument(
        "--saturation-rounds", type=int, default=3, help="times each path is saturated, in turn"
    )
    parser.add_argument(
        "--engine-warmup",
        type=float,
        default=30.0,
        help="seconds of searches on each engine path before anything is measured",
    )
    parser.add_argument("--paths", nargs="+", choices=list(PATHS), default=list(PATHS))
    parser.add_argument("--soak", type=int, default=0, help="seconds of the 50-user mix")
    parser.add_argument("--kill-engine", action="store_true")
    parser.add_argument(
        "--samples", metavar="DIR", help="write each level's requests to DIR/<path>-<users>.csv"
    )
    args = parser.parse_args()
    args.load_before = os.getloadavg()[0]

    engine_url = os.environ.get("SEARCH_ENGINE_URL", "")
    paths = [p for p in args.paths if engine_url or not PATHS[p][2]]
    Crowd.publish_every = args.publish_every
    Crowd.ramp, Crowd.warmup = args.ramp, args.warmup
    site = Site(engine_url, args.workers, args.threads, args.admin_workers)
    rows, by_kind, warming, saturation = [], [], [], {}
    try:
        print("bench: preparing the demo ...", file=sys.stderr)
        pages = site.prepare(builtin="builtin" in paths)
        if args.users and args.engine_warmup:
            print(f"bench: warming the engine ({args.engine_warmup} s a path) ...", file=sys.stderr)
            warm_engine(site, [p for p in paths if PATHS[p][2]], args, pages)
        for path in paths if args.users else []:
            print(f"bench: {path} ...", file=sys.stderr)
            levels(site, path, args, pages, rows, by_kind, warming)
        if args.users and args.saturation_rounds:
            print("bench: saturation ...", file=sys.stderr)
            saturation = saturate(site, paths, args, pages)
        if rows:
            report(args, rows, by_kind, warming, saturation)
        if args.soak and engine_url:
            soak(site, args, pages)
        if args.kill_engine:
            kill_engine(site, args, pages)
    finally:
        site.remove()


def report(args, rows, by_kind, warming, saturation):
    print(
        f"\n{args.workers} gunicorn worker(s) x {args.threads} thread(s)"
        + (f" and {args.admin_workers} for /admin/" if args.admin_workers else "")
        + f"; a level: users arrive "
        f"over {args.ramp} s, {args.warmup} s of warm-up, then {args.duration} s measured; "
        f"think time {args.think} s, an editor publishes every {args.publish_every} s; "
        f"{time.strftime('%Y-%m-%d %H:%M')}, "
        f"{os.cpu_count()} CPUs, load average before: {args.load_before:.2f}"
    )
    header = ("search path", "users", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms")
    after = ("errors", "degraded", "hits")
    print_table((*header, *after, "published"), rows)
    print("\nBy kind of request")
    print_table(("search path", "users", "kind", *header[2:], *after), by_kind)
    if warming:
        print(f"\nWarm-up (the first {args.warmup} s of each level, not in the figures above)")
        print_table((*header, *after), warming)
    if not saturation:
        return
    print(
        f"\nSaturation: {args.saturation_users} users searching without pause, the paths in"
        f" turn, {args.saturation_rounds} round(s)"
    )
    print_table(
        ("search path", "round", "searches", "searches/s", "p50 ms", "p95 ms", "p99 ms", "errors"),
        [
            (path, number, *figures[:6])
            for path, rounds in saturation.items()
            for number, (figures, _spent) in enumerate(rounds, 1)
        ],
    )
    print("\nCPU milliseconds a search at saturation, by process (all rounds)")
    rows = []
    for path, rounds in saturation.items():
        searches = max(1, sum(figures[0] for figures, _spent in rounds))
        spent = {k: sum(s[k] for _f, s in rounds) * 1000 / searches for k in KINDS}
        rows.append((path, *(f"{spent[k]:.2f}" for k in KINDS), f"{sum(spent.values()):.2f}"))
    print_table(("search path", *KINDS, "total"), rows)
    if "engine" in saturation:
        ours = saturation["engine"]
        for other in ("builtin", "database"):
            if other in saturation:
                each = [
                    float(a[1]) / float(b[1])
                    for (a, _s), (b, _t) in zip(ours, saturation[other], strict=True)
                ]
                total = sum(f[0] for f, _s in ours) / sum(f[0] for f, _s in saturation[other])
                print(
                    f"searches/s at saturation, engine / {other}: {total:.2f} over all rounds"
                    f" (each round: {', '.join(f'{r:.2f}' for r in each)})"
                )


if __name__ == "__main__":
    main()
