"""/healthz: what a load balancer or a person on call needs to know at a glance.

200 while the site can serve pages (the database answers), 503 when it cannot. The body says
how each part is: the database, the search engine, the search changes waiting for the engine
(`search.IndexChange`) and the translation tasks waiting for the worker. Counts and ages
only, nothing private."""

import time

from django.db import connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# A queue whose oldest item waited longer than this has no worker taking it.
STALE_AFTER = 300  # seconds


def _timed(check):
    started = time.monotonic()
    try:
        found = check()
    except Exception as error:  # every failure is a finding, reported as such
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1), **(found or {})}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _engine():
    from search.engine import get_engine

    engine = get_engine(timeout=2)
    if engine is None:
        return {"configured": False}
    return {"configured": True, **engine.info()}


def _age(oldest):
    return round((timezone.now() - oldest).total_seconds()) if oldest else 0


def _search_outbox():
    from search.models import IndexChange

    found = IndexChange.objects.aggregate(pending=Count("pk"), oldest=Min("created_at"))
    return {"pending": found["pending"], "oldest_seconds": _age(found["oldest"])}


def _tasks():
    from django_tasks_db.models import DBTaskResult

    found = DBTaskResult.objects.ready().aggregate(ready=Count("pk"), oldest=Min("enqueued_at"))
    return {"ready": found["ready"], "oldest_seconds": _age(found["oldest"])}


@never_cache
@require_GET
def healthz(request):
    report = {"database": _timed(_database)}
    if report["database"]["ok"]:
        report["search_outbox"] = _timed(_search_outbox)
        report["tasks"] = _timed(_tasks)
    report["engine"] = _timed(_engine)
    problems = [
        name
        for name, part in report.items()
        if not part["ok"] or part.get("oldest_seconds", 0) > STALE_AFTER
    ]
    status = "degraded" if problems else "ok"
    if not report["database"]["ok"]:
        status = "down"
    return JsonResponse(
        {"status": status, "problems": problems, **report},
        status=503 if status == "down" else 200,
    )
