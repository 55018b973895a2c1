"""Settings of the load benchmark's built-in path (bench/load.py): the production settings
unchanged, plus Wagtail's built-in OpenSearch back-end registered as "bench" under its own
index prefix, never updated by saves (bench/builtin.py indexes it once)."""

from iopd_site.settings.base import wagtail_backend_from_env
from iopd_site.settings.production import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {
    **WAGTAILSEARCH_BACKENDS,  # noqa: F405
    "bench": {
        "BACKEND": wagtail_backend_from_env(),
        "URLS": SEARCH_ENGINE["URL"].split(","),  # noqa: F405
        "INDEX_PREFIX": "iopd_load_wagtail_",
        "TIMEOUT": SEARCH_ENGINE["TIMEOUT"],  # noqa: F405
        "AUTO_UPDATE": False,
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}},
    },
}
