"""Settings shared by every environment; each value that differs per deployment comes from the
environment so that dev, test and production only override what they must."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Language names shown in the switcher, in the language itself so a visitor recognises their own.
KNOWN_LANGUAGES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ca": "Català",
    "pt": "Português",
    "it": "Italiano",
    "de": "Deutsch",
}


def languages_from_env():
    codes = env_list("LANGUAGES", "en,fr,es")
    unknown = [code for code in codes if code not in KNOWN_LANGUAGES]
    if unknown:
        raise ImproperlyConfigured(
            f"LANGUAGES names {', '.join(unknown)}; known: {', '.join(KNOWN_LANGUAGES)}"
        )
    return [(code, KNOWN_LANGUAGES[code]) for code in codes]


# Engine kinds, named as Wagtail names its back-ends; the engine stays a deployment choice.
SEARCH_ENGINE_BACKENDS = {
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "core",
    "home",
    "taxonomy",
    "legal",
    "repository",
    "network",
    "submissions",
    "award",
    "publications",
    "opendata",
    "search",
    "editorial",
    "accounts",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersConfig",  # wagtail.users, with the Users section of accounts
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a parameter or the path: PostgreSQL refuses NUL (core/nul.py).
    "core.nul.NulMiddleware",
    "core.uploads.UploadLimitMiddleware",
    "core.uploads.UnfinishedUploadMiddleware",
    # Both read the finished response: the policy header, and every link's scheme checked.
    "core.csp.ContentSecurityPolicyMiddleware",
    "core.safe_urls.SafeUrlMiddleware",
    # Before the session and the user: a cached page is served without either (core/pagecache.py).
    # Outside the page cache: a page it holds is revalidated (304) without a query.
    "core.httpcache.HttpCacheMiddleware",
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locales.LocaleMiddleware",
    "core.locales.LocaleCacheMiddleware",
    "core.routing.RouteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "editorial.middleware.AdminAccessMiddleware",
    "core.faults.DatabaseFaultMiddleware",
    # Last, as django-axes asks: it turns a locked sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (accounts/throttle.py): django-axes counts failed sign-ins per account and
# per address in the database, the same for every process.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_ip"
AXES_VERBOSE = False
# How many proxies in front of the application append to X-Forwarded-For (0: none).
TRUSTED_PROXIES = int(env("TRUSTED_PROXIES", "0"))

ROOT_URLCONF = "iopd_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "iopd_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's server, its background worker and an import write the same file: take the
    # write lock at the start of a transaction (no deadlock upgrading a read lock) and wait
    # for the other's; in WAL mode readers never wait for a writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": float(env("SQLITE_TIMEOUT", "20")),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process (web workers, the task and search workers, a shell), in
# development too: the site cache holds which subtrees are private, and a per-process memory
# cache kept a page private elsewhere in exports and feeds until a restart.
# `manage.py createcachetable` creates the table once (`make run` does).
# Seconds an anonymous visitor's page is kept at most; 0 turns the page cache off. Any change
# to what pages show starts a new cache generation before that (core/pagecache.py).
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "300"))
# Seconds proxies and CDNs may keep a public page, feed or export before they revalidate it
# with its ETag; browsers revalidate every time (core/httpcache.py).
HTTP_CACHE_MAX_AGE = int(env("HTTP_CACHE_MAX_AGE", "60"))


def frontend_cache_from_env():
    """Wagtail's front-end cache purge (core/frontcache.py) from FRONTEND_CACHE_URL: a proxy's
    address receives HTTP PURGE requests; cloudflare://<zone id> (with CLOUDFLARE_API_TOKEN)
    and cloudfront://<distribution id> (AWS credentials as boto3 reads them) purge a CDN."""
    url = env("FRONTEND_CACHE_URL")
    if not url:
        return {}
    scheme, _sep, rest = url.partition("://")
    backends = "wagtail.contrib.frontend_cache.backends"
    if scheme in ("http", "https"):
        return {"default": {"BACKEND": f"{backends}.HTTPBackend", "LOCATION": url}}
    if scheme == "cloudflare":
        return {
            "default": {
                "BACKEND": f"{backends}.CloudflareBackend",
                "ZONEID": rest.strip("/"),
                "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
            }
        }
    if scheme == "cloudfront":
        return {
            "default": {
                "BACKEND": f"{backends}.CloudfrontBackend",
                "DISTRIBUTION_ID": rest.strip("/"),
            }
        }
    raise ImproperlyConfigured(f"FRONTEND_CACHE_URL: unknown kind {scheme!r}")


WAGTAILFRONTENDCACHE = frontend_cache_from_env()
# Each translation is purged at its own address (translated slugs); Wagtail's swapping of the
# language prefix would name pages that do not exist.
WAGTAILFRONTENDCACHE_LANGUAGES = []


def caches_from_env():
    caches = {
        "default": {
            "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
            "LOCATION": env("CACHE_LOCATION", "iopd_cache"),
        }
    }
    kind = caches["default"]["BACKEND"].rsplit(".", 1)[-1]
    if kind in ("DatabaseCache", "LocMemCache"):
        # Django keeps 300 entries by default and, above that, culls a third at every write:
        # with the site cache's entries per page and language, a large site rewrote its cache
        # all the time.
        caches["default"]["OPTIONS"] = {"MAX_ENTRIES": int(env("CACHE_MAX_ENTRIES", "50000"))}
    if kind == "DatabaseCache":
        # Wagtail writes every rendition it hands out back to the "renditions" cache, even one
        # read from the page's prefetched renditions: five queries a picture on a database
        # cache (the reports index took 85 queries, 60 of them these writes). Each process
        # keeps its own in memory instead: a key names the image's file hash and focal point,
        # so a replaced picture or a moved focal point is looked up afresh, never stale.
        caches["renditions"] = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    return caches


CACHES = caches_from_env()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the enabled languages come from the environment, so adding
# Catalan or Portuguese is one line in the deployment's environment plus a catalogue.
LANGUAGES = languages_from_env()
LANGUAGE_CODE = LANGUAGES[0][0]
# Open Graph names a language with its territory; the rest come from CLDR (fr_FR, es_ES).
OG_LOCALES = {"en": "en_GB"}
# The password form of a private page, in the site's style and showing nothing of the page.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Deleting a translated page keeps its translators' strings (only the sync is stopped), so
# translating the page again brings their work back (editorial/safeguards.py).
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
# "Translate this page" creates drafts: a translation goes live through its review only, and
# until then the language's address shows the source with a notice (core/i18n.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An approved review publishes without the approver's own publish permission (translators).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_reviewed"
# Wagtail's page rights, narrowed for roles limited to a list of admin views (translators, jury).
PAGE_PERMISSION_TESTER = "editorial.permissions.RolePagePermissionTester"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# LOCALE_DIR lets the catalogue check extract strings into a scratch copy.
LOCALE_PATHS = [Path(env("LOCALE_DIR", BASE_DIR / "locale"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# No avatars fetched from Gravatar: editors' emails stay here, and the admin needs no network.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_SITE_NAME = _("International Observatory on Participatory Democracy")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Documents only through the view that checks who may read them, never a public media URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads: a request body above UPLOAD_MAX_MB is refused before it is read (core/uploads.py);
# below it, each form says which file is too large.
UPLOAD_MAX_BYTES = int(env("UPLOAD_MAX_MB", "50")) * 1024 * 1024
# The public forms (core/public_forms.py): submissions per address and window, and the files
# a visitor may attach, checked while they stream in.
PUBLIC_FORM_RATE_LIMIT = int(env("PUBLIC_FORM_RATE_LIMIT", "5"))
PUBLIC_FORM_RATE_WINDOW = int(env("PUBLIC_FORM_RATE_WINDOW_MINUTES", "60")) * 60
PUBLIC_FORM_MAX_FILE_BYTES = int(env("PUBLIC_FORM_MAX_FILE_MB", "10")) * 1024 * 1024
PUBLIC_FORM_MAX_FILES = 5
WAGTAILDOCS_MAX_UPLOAD_SIZE = 40 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
# No SVG: an uploaded SVG is served from the site's own domain and can carry a script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Wagtail's own index serves the admin's search; the public search has its own documents
# (search/documents.py) in the database and, when configured, in the engine.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def search_engine_from_env(index):
    """The engine's nodes, one address or several separated by commas; what it is (product and
    version) is asked of the nodes themselves (search.engine.detect), so it is never configured
    twice. With several nodes the index keeps a copy of its shard on a second one, so that a
    node can go down without taking documents or searches with it."""
    nodes = env_list("SEARCH_ENGINE_URL")
    if not nodes:
        return None
    replicas = env("SEARCH_REPLICAS", "1" if len(nodes) > 1 else "0")
    if not replicas.isdigit():
        raise ImproperlyConfigured(f"SEARCH_REPLICAS={replicas!r}; give a whole number, 0 or more")
    return {
        "URL": ",".join(nodes),
        "INDEX": index,
        "TIMEOUT": float(env("SEARCH_TIMEOUT", "5")),
        "REPLICAS": int(replicas),
    }


def wagtail_backend_from_env():
    """Wagtail's own back-end for the engine's kind (the benchmarks compare with it), from
    SEARCH_ENGINE_KIND: Wagtail picks its back-end class at start-up, before any request."""
    kind = env("SEARCH_ENGINE_KIND", "opensearch2")
    if kind not in SEARCH_ENGINE_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE_KIND={kind!r}; choose one of {', '.join(SEARCH_ENGINE_BACKENDS)}"
        )
    return SEARCH_ENGINE_BACKENDS[kind]


SEARCH_ENGINE = search_engine_from_env(env("SEARCH_INDEX", "iopd_pages"))
# Beyond this many seconds of reading the database search's postings, a process answers from the
# ones it has while a thread reads the new ones (search/postings.py).
SEARCH_POSTINGS_BACKGROUND_AFTER = float(env("SEARCH_POSTINGS_BACKGROUND_AFTER", "1"))

MACHINE_TRANSLATORS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    # Reverses the words: for trying the translators' flow without any service.
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}


def machine_translator_from_env():
    """wagtail-localize's machine translator, off unless MACHINE_TRANSLATOR names one."""
    kind = env("MACHINE_TRANSLATOR")
    if not kind:
        return None
    if kind not in MACHINE_TRANSLATORS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR={kind!r}; choose one of {', '.join(MACHINE_TRANSLATORS)}"
        )
    url, key = env("MACHINE_TRANSLATOR_URL"), env("MACHINE_TRANSLATOR_KEY", "")
    timeout = int(env("MACHINE_TRANSLATOR_TIMEOUT", "30"))
    if kind == "deepl" and not key:
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs MACHINE_TRANSLATOR_KEY")
    if kind == "libretranslate" and not url:
        raise ImproperlyConfigured("MACHINE_TRANSLATOR=libretranslate needs MACHINE_TRANSLATOR_URL")
    options = {
        "deepl": {"AUTH_KEY": key, "TIMEOUT": timeout},
        "libretranslate": {"LIBRETRANSLATE_URL": url, "API_KEY": key, "TIMEOUT": timeout},
        "dummy": {},
    }[kind]
    return {"CLASS": MACHINE_TRANSLATORS[kind], "OPTIONS": options}


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

# Background tasks. Wagtail's own small tasks (reference index, image focal points) stay
# immediate; slow work goes to a durable queue in the database, run by
# `manage.py db_worker --backend background --queue-name '*'` (see README): updating every
# translation of a published page ("translations") and reading report PDFs ("documents").
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": env("BACKGROUND_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["translations", "documents"],
    },
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@oidp.net")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Each page save logs several lines at INFO; warnings are what an operator needs.
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("django_tasks", "wagtail", "elastic_transport", "opensearch")
    },
}
