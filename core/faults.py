"""When the database fails (unreachable, locked, read-only), visitors get a styled page that
says so, with Retry-After, never a traceback or a bare 500."""

import logging
import sys

from django.db import InterfaceError, InternalError, OperationalError

logger = logging.getLogger(__name__)
RETRY_AFTER = 30  # seconds


def is_database_fault(exception):
    if isinstance(exception, OperationalError | InterfaceError):
        return True  # unreachable, locked, or (SQLite) a read-only file
    # PostgreSQL: a write in a read-only transaction (a replica, a maintenance switch).
    return isinstance(exception, InternalError) and "read-only" in str(exception)


def unavailable(request, exception):
    from .views import bare_response

    logger.warning("Database unavailable for %s: %s", request.path, exception)
    response = bare_response(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseFaultMiddleware:
    """Turns a database fault raised by a view into the 503 page (also with DEBUG on, where
    Django would show its traceback page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_fault(exception):
            return unavailable(request, exception)
        return None


def fault_being_handled():
    """The database fault Django is handling now, if any (for handler500, which is called
    inside the `except` that caught it, also for faults raised by a middleware)."""
    exception = sys.exc_info()[1]
    return exception if exception is not None and is_database_fault(exception) else None
