"""The public forms' rate limit counts every submission when several web workers answer at once,
on the caches production configures (the database cache)."""

import threading

import pytest
from django.db import connection
from django.test import RequestFactory

from core.public_forms import over_rate_limit

WORKERS = 12


@pytest.mark.django_db(transaction=True)
def test_submissions_sent_at_the_same_moment_are_all_counted(settings, database_cache):
    settings.PUBLIC_FORM_RATE_LIMIT = 5
    request = RequestFactory().post("/en/members/join/", REMOTE_ADDR="203.0.113.7")
    start = threading.Barrier(WORKERS)
    refused = []

    def worker():  # a web worker answering one submission, with its own connection
        try:
            start.wait()
            refused.append(over_rate_limit(request, "join"))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The database cache's `incr` (a read, then a write) let two workers both count "4".
    assert sorted(refused) == [False] * 5 + [True] * (WORKERS - 5)
    # Another address is counted on its own.
    other = RequestFactory().post("/en/members/join/", REMOTE_ADDR="198.51.100.4")
    assert over_rate_limit(other, "join") is False
