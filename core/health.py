"""/healthz: what a load balancer or a person on call needs to know at a glance.

200 while the site can serve pages (the database answers), 503 when it cannot. The body says
how each part is: the database, the background tasks waiting for the worker, and what the
apps register (the search engine and the search changes waiting for it). Counts and ages
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


# The other parts' checks, registered by their apps in ready() (search/apps.py: the engine and
# its outbox), so this shared module imports no feature app: name -> (check, needs_database).
_checks = {}


def register(name, check, needs_database=False):
    """`check()` returns a dict of findings (an `oldest_seconds` over STALE_AFTER is a
    problem) or raises; `needs_database`: skipped when the database does not answer."""
    _checks[name] = (check, needs_database)


def oldest_seconds(oldest):
    """How long the oldest item of a queue has waited, in whole seconds (0: none)."""
    return round((timezone.now() - oldest).total_seconds()) if oldest else 0


def _tasks():
    from django_tasks_db.models import DBTaskResult

    found = DBTaskResult.objects.ready().aggregate(ready=Count("pk"), oldest=Min("enqueued_at"))
    return {"ready": found["ready"], "oldest_seconds": oldest_seconds(found["oldest"])}


@never_cache
@require_GET
def healthz(request):
    report = {"database": _timed(_database)}
    if report["database"]["ok"]:
        for name, (check, needs_database) in _checks.items():
            if needs_database:
                report[name] = _timed(check)
        report["tasks"] = _timed(_tasks)
    for name, (check, needs_database) in _checks.items():
        if not needs_database:
            report[name] = _timed(check)
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
