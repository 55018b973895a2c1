"""Settings of the search benchmark (bench/search_bench.py): the test settings, with the engine
from the environment under the bench's own alias, and Wagtail's built-in OpenSearch back-end
registered as "bench" (its own index prefix, never updated by saves) for the comparison."""

from iopd_site.settings.base import env, search_engine_from_env, wagtail_backend_from_env
from iopd_site.settings.test import *  # noqa: F403

SEARCH_ENGINE = search_engine_from_env(env("SEARCH_INDEX", "iopd_bench_pages"))
if SEARCH_ENGINE:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "bench": {
            "BACKEND": wagtail_backend_from_env(),
            "URLS": SEARCH_ENGINE["URL"].split(","),
            "INDEX_PREFIX": "iopd_bench_wagtail_",
            "TIMEOUT": 30,
            "AUTO_UPDATE": False,
            "INDEX_SETTINGS": {
                "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}
            },
        },
    }
