"""Things every page needs that rarely change (menus, footer, locales, which subtrees are
private, the home page's address), cached per site and language.

Any save or delete of a watched model starts a new cache generation, so nothing stale is
served: apps declare in `ready()` which of their models the cached answers depend on.

Answers computed from no page (vocabularies, countries, locales, criteria: `reference=True`)
live in a second generation, which every change but a page's starts anew: an editor's
publish made each process read them all again, and the first request after it cost four
times a page's usual rendering."""

import logging
import pickle
import re
import time
import uuid
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from .deferral import Deferral

logger = logging.getLogger(__name__)

GENERATION_KEY = "iopd:site:generation"
REFERENCE_KEY = "iopd:site:generation:reference"
TIMEOUT = 60 * 60 * 24

_watched: set[type] = {Page, PageViewRestriction, Site, Locale}
# The models whose changes leave the reference answers as they are: pages, who may see them,
# and what is derived from them alone (derived_from_pages).
_page_models: set[type] = {Page, PageViewRestriction}
# Per watched model, the fields whose saves alone change nothing a visitor sees.
_unseen: dict[type, frozenset] = {}


def watch(*models, unseen=()):
    """Start a new generation when a row of `models` is saved or deleted, except a save of
    only the `unseen` fields (update_fields)."""
    _watched.update(models)
    for model in models:
        if unseen:
            _unseen[model] = frozenset(unseen)
    connect()


def watched(model):
    return issubclass(model, tuple(_watched))


def derived_from_pages(*models):
    """`models` are computed from pages alone (search documents): their changes start a new
    site generation but leave the reference answers, which read no page."""
    _page_models.update(models)


# The generation is read once a request: with the database cache, each cached answer of a
# page asked for it again, a query each (13 on the home page). Outside requests (commands,
# workers) it is read every time.
_request_generation = ContextVar("sitecache_request_generation", default=None)


def _start_request(**kwargs):
    _request_generation.set({})


def _end_request(**kwargs):
    _request_generation.set(None)


request_started.connect(_start_request, dispatch_uid="sitecache-start")
request_finished.connect(_end_request, dispatch_uid="sitecache-end")


def _tokens():
    """(the site generation, the reference generation), read together once a request."""
    memo = _request_generation.get()
    if memo and "tokens" in memo:
        return memo["tokens"]
    found = cache.get_many([GENERATION_KEY, REFERENCE_KEY])
    tokens = tuple(found.get(key) or _start(key) for key in (GENERATION_KEY, REFERENCE_KEY))
    if memo is not None:
        memo["tokens"] = tokens
    return tokens


def _start(key):
    cache.add(key, _new_token(), None)  # unless another process started it meanwhile
    return cache.get(key)


def _generation():
    return _tokens()[0]


def generation_with(key):
    """(the current generation, the value at `key`) in one read of the cache."""
    memo = _request_generation.get()
    if memo and "tokens" in memo:
        return memo["tokens"][0], cache.get(key)
    found = cache.get_many([GENERATION_KEY, REFERENCE_KEY, key])
    if GENERATION_KEY not in found or REFERENCE_KEY not in found:
        return _generation(), None
    if memo is not None:
        memo["tokens"] = (found[GENERATION_KEY], found[REFERENCE_KEY])
    return found[GENERATION_KEY], found.get(key)


def _new_token():
    # A random token, not a counter: a counter evicted from the cache would restart at a
    # number whose old entries may still be there. It starts with the second it began, which
    # is when the site last changed (Last-Modified, core/httpcache.py).
    return f"{int(time.time())}x{uuid.uuid4().hex}"


def generation():
    """The current generation: keys that name it are never stale (core/pagecache.py)."""
    return _generation()


def generation_time():
    """When the current generation began, in seconds since the epoch."""
    started, _sep, _rest = _generation().partition("x")
    if not started.isdigit():  # a token written before generations carried their time
        _bump()
        return generation_time()
    return int(started)


_sites: dict = {}


def site_for_request(request):
    """Wagtail's Site.find_for_request without its query on every request: the site of a host
    and port is remembered in the process until a site or page changes. It is also left where
    Wagtail's own lookup finds it, so Wagtail does not ask the database again either."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        key = (_generation(), request.get_host(), request.get_port())
        # Read once: another thread of the process may clear the dict meanwhile.
        if (site := _sites.get(key, _sites)) is _sites:  # the dict itself: not found
            if len(_sites) > 100:  # other generations, or hosts no site answers for
                _sites.clear()
            _sites[key] = Site.find_for_request(request)
        else:
            request._wagtail_site = site
    return Site.find_for_request(request)


_root_paths: dict = {}


def site_root_paths():
    """Wagtail's Site.get_site_root_paths, remembered in the process for the generation: a
    page's address asked without a request (`page.url`, a listing's cards) read the shared
    cache once per page, a query each on the database cache (twelve on the reports index)."""
    generation = _generation()
    if (paths := _root_paths.get(generation)) is None:
        _root_paths.clear()
        paths = _root_paths[generation] = Site.get_site_root_paths()
    return paths


def _key(request, name, per_language, reference):
    """(the key, the generation it names)."""
    site = site_for_request(request)
    language = get_language() if per_language else "-"
    token = _tokens()[1] if reference else _generation()
    return f"iopd:site:{token}:{site.pk if site else 0}:{language}:{name}", token


# The answers this process already read, by key. A key names its generation, so a copy is
# never stale: a change starts a new generation and the copies of ended ones are dropped.
# Kept pickled, so each request gets its own copy, as from the shared cache (its callers share
# that one: read-only values).
_copies: dict = {}


def cached(request, name, compute, per_language=True, reference=False):
    """The answer `compute` gives, shared by every process until a change. `reference`: it
    reads only watched models other than pages (a vocabulary, the locales), so a page's
    change keeps it; one that reads another table is kept in the site generation instead."""
    return _reference_or_site(reference, _cached, request, name, compute, per_language)


def _reference_or_site(reference, read, request, name, compute, per_language):
    """`read(..., True)`, kept in the reference generation, when `reference` and `compute`
    reads only reference models; else `read(..., False)`, kept in the site generation."""
    if reference:
        try:
            return read(request, name, compute, per_language, True)
        except _ReadsOtherTables as error:
            logger.warning("Site cache: %r reads %s, not only reference models", name, error)
    return read(request, name, compute, per_language, False)


def _drop_ended(copies, token_of):
    """Forget the entries of generations that ended. Over a copy of the keys, and popped:
    another thread of the process may be writing."""
    current = _tokens()
    ended = [key for key, entry in list(copies.items()) if token_of(key, entry) not in current]
    for key in ended:
        copies.pop(key, None)


class _ReadsOtherTables(Exception):
    pass


def _compute_reading_reference_only(compute):
    allowed = _reference_tables() | {getattr(cache, "_table", "")}

    def inspect(execute, sql, params, many, context):
        if others := set(re.findall(r'(?:FROM|JOIN) "([^"]+)"', sql)) - allowed:
            raise _ReadsOtherTables(", ".join(sorted(others)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(inspect):
        return compute()


def _reference_tables():
    """The tables of the watched models that are not pages, with their many-to-many ones."""
    tables = set()
    for model in apps.get_models():
        if watched(model) and not issubclass(model, tuple(_page_models)):
            tables.add(model._meta.db_table)
            tables.update(f.remote_field.through._meta.db_table for f in model._meta.many_to_many)
    return tables


def _cached(request, name, compute, per_language, reference):
    key, token = _key(request, name, per_language, reference)
    # Within a request, one copy per key: a page asked for the countries six times, and
    # unpickling 249 of them each time cost a fifth of an experience page's rendering.
    memo = _request_generation.get()
    values = memo.setdefault("values", {}) if memo is not None else None
    if values is not None and key in values:
        return values[key]
    value = _read(key, token, compute, reference)
    if values is not None:
        values[key] = value
    return value


def _read(key, token, compute, reference):
    copy = _copies.get(key)
    if copy and copy[0] > time.monotonic():
        return pickle.loads(copy[1])
    value = cache.get(key)
    if value is None:
        # Checked only when computed: a reference answer read from the cache was checked then.
        value = _compute_reading_reference_only(compute) if reference else compute()
        cache.set(key, value, TIMEOUT)
    _drop_ended(_copies, lambda _key, copy: copy[2])
    pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    _copies[key] = (time.monotonic() + TIMEOUT, pickled, token)
    return value


# Values this process derived from cached answers, kept as they are, not copied: they must be
# immutable (strings, tuples, read-only mappings). By (generation, site, language, name).
_derived: dict = {}


def derived(request, name, compute, per_language=True, reference=False):
    """What `compute` derives from cached answers, computed once a generation in each process
    and shared by its requests as it is: unpickling the vocabularies behind a search's facet
    labels, thirteen answers a request, cost a tenth of the search. `compute` must return
    an immutable value; `reference` as for `cached`."""
    return _reference_or_site(reference, _derived_value, request, name, compute, per_language)


def _derived_value(request, name, compute, per_language, reference):
    site = site_for_request(request)
    token = _tokens()[1] if reference else _generation()
    key = (token, site.pk if site else 0, get_language() if per_language else "-", name)
    try:
        return _derived[key]
    except KeyError:
        pass
    value = _compute_reading_reference_only(compute) if reference else compute()
    _drop_ended(_derived, lambda key, _value: key[0])
    _derived[key] = value
    return value


def _bump(reference=True):
    tokens = {GENERATION_KEY: _new_token()}
    if reference:
        tokens[REFERENCE_KEY] = _new_token()
    cache.set_many(tokens, None)
    if memo := _request_generation.get():
        memo.pop("tokens", None)


# Called with the model whose change starts a new generation (None: several, or unknown), as
# it happens: a front-end cache purges what the generation's change empties (core/frontcache.py).
_listeners = []


def on_change(listener):
    _listeners.append(listener)


def invalidate(sender=None, **kwargs):
    if (pending := deferral.pending()) is not None:
        pending.append(True)
        return
    # Once now, and again after commit: a request that read the old rows while the
    # transaction was open must not keep its stale answer under the new generation.
    reference = not (isinstance(sender, type) and issubclass(sender, tuple(_page_models)))
    _bump(reference)
    transaction.on_commit(lambda: _bump(reference))
    for listener in _listeners:
        listener(sender)


# For bulk work (an import): saves are only noted, and one new generation follows.
deferral = Deferral("sitecache", list, lambda saves: saves and invalidate(), on_error=True)


# What Wagtail writes to a page's row when an editor saves a draft, comments, or locks it: the
# visitors' page is the live one, unchanged, so the cache stays (each editor's save emptied it).
DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        COMMENTS_RELATION_NAME,
        "locked",
        "locked_at",
        "locked_by",
    }
)


_unseen[Page] = DRAFT_FIELDS


def _model_changed(sender, update_fields=None, **kwargs):
    if update_fields:
        for model, fields in _unseen.items():
            if issubclass(sender, model) and set(update_fields) <= fields:
                return
    invalidate(sender)


def connect():
    """Listen to saves and deletes of the watched models and their concrete subclasses.

    Receivers are connected per model, not for every model: a catch-all post_delete receiver
    would stop Django from deleting any other model's rows in bulk."""
    for model in apps.get_models():
        if watched(model):
            post_save.connect(_model_changed, sender=model, dispatch_uid=f"sitecache:{model}")
            post_delete.connect(_model_changed, sender=model, dispatch_uid=f"sitecache-d:{model}")


# Publishing and unpublishing save the page, which post_save already covers; a move may not.
post_page_move.connect(invalidate)
