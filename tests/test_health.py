"""/healthz, and workers that come back after they die."""

import datetime
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.utils import timezone

from search.models import IndexChange
from tests.test_admin_and_settings import ROOT
from tests.test_faults import ask
from tests.test_production import free_port


@pytest.mark.django_db
def test_health_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    report = response.json()
    assert report["status"] == "ok" and report["problems"] == []
    assert report["database"]["ok"] and report["database"]["ms"] >= 0
    assert report["engine"] == {"ok": True, "ms": report["engine"]["ms"], "configured": False}
    assert report["tasks"]["ok"] and report["search_outbox"]["ok"]

    # Search changes waiting ten minutes: no worker is delivering them.
    change = IndexChange.objects.create(page_id=1)
    IndexChange.objects.filter(pk=change.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    report = client.get("/healthz").json()
    assert report["status"] == "degraded" and report["problems"] == ["search_outbox"]
    assert report["search_outbox"]["pending"] >= 1
    assert report["search_outbox"]["oldest_seconds"] >= 600


@pytest.mark.django_db
def test_health_with_the_engine(client, search_engine):
    report = client.get("/healthz").json()
    assert report["engine"]["ok"] and report["engine"]["configured"]
    # Asked of the node, which the start script also names: both must agree.
    engine = report["engine"]
    assert engine["kind"] == (os.environ.get("SEARCH_ENGINE_KIND") or engine["kind"])
    assert engine["version"] == (os.environ.get("SEARCH_ENGINE_VERSION") or engine["version"])
    assert engine["kind"].startswith(("elasticsearch", "opensearch"))
    assert engine["status"] in {"green", "yellow"}


def test_health_says_down_when_the_database_is(static_root):
    unreachable = f"postgres://nobody@127.0.0.1:{free_port()}/iopd"
    answers = ask(static_root, unreachable, [("get", "/healthz", {})])
    status, _retry_after, body = answers["get /healthz"]
    assert status == 503
    assert json.loads(body)["status"] == "down"


def test_a_worker_that_dies_is_started_again_and_stops_with_its_supervisor(tmp_path):
    runs = tmp_path / "runs"
    supervisor = subprocess.Popen(
        [str(ROOT / "scripts" / "supervise.sh"), "test-worker"],
        env={
            "PATH": "/usr/bin:/bin",
            "IOPD_RESTART_DELAY": "0.2",
            "SUPERVISED_COMMAND": f"bash -c 'echo run >> {runs}; exit 1'",
        },
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (not runs.exists() or len(runs.read_text().split()) < 3):
        time.sleep(0.1)
    assert len(runs.read_text().split()) >= 3
    # `pkill -f <the worker's command>` must not match the supervisor itself.
    own = (Path("/proc") / str(supervisor.pid) / "cmdline").read_bytes().decode()
    assert "echo run" not in own
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=10) == 0
    count = len(runs.read_text().split())
    time.sleep(0.6)
    assert len(runs.read_text().split()) == count  # nothing runs once it is stopped
    assert "test-worker stopped (exit 1); starting it again" in supervisor.stderr.read().decode()
