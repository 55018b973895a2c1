"""Lean test settings: real PostgreSQL and a real search engine, both from the environment."""

from .base import *  # noqa: F403
from .base import engine_backend_from_env, env

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page saves in tests stay off the engine; tests that exercise the engine use the
# "engine" alias explicitly, against the node that the test command started.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
_engine = engine_backend_from_env(f"iopd_test_{env('PYTEST_XDIST_WORKER', 'main')}_")
if _engine:
    WAGTAILSEARCH_BACKENDS["engine"] = {**_engine, "AUTO_UPDATE": False}
