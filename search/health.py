"""The search's parts in /healthz (core/health.py): the engine, and the changes waiting for it."""

from django.db.models import Count, Min

from core.health import oldest_seconds

from .engine import get_engine
from .models import IndexChange


def engine():
    found = get_engine(timeout=2)
    if found is None:
        return {"configured": False}
    return {"configured": True, **found.info()}


def outbox():
    found = IndexChange.objects.aggregate(pending=Count("pk"), oldest=Min("created_at"))
    return {"pending": found["pending"], "oldest_seconds": oldest_seconds(found["oldest"])}
