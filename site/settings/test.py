"""Lean test settings: real PostgreSQL and a real search engine, both from the environment."""

from .base import *  # noqa: F403
from .base import env, search_engine_from_env

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that tests changing rows without signals see the change; the page cache's own tests
# turn it on (core/tests/test_pagecache.py).
PAGE_CACHE_TIMEOUT = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once; tests of the durable queue switch "translations" to the database backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["translations", "documents"],
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests search the database unless they ask for the engine (the `search_engine` fixture),
# which then uses the node that the test command started, one index per test worker.
SEARCH_ENGINE = None
SEARCH_ENGINE_FOR_TESTS = search_engine_from_env(f"iopd_test_{env('PYTEST_XDIST_WORKER', 'main')}")
# A search right after a change finds it, however slowly a loaded machine read the postings
# before; the background reading has its own test.
SEARCH_POSTINGS_BACKGROUND_AFTER = None
