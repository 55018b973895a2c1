""" "Did you mean" for the database fallback, from the words of the documents.

The engine's term suggester replaces each word of the query with a word of the documents
at most two edits away, sharing its first letter, found in more documents than the typed one
(its defaults: `suggest_mode: popular`, `max_edits: 2`, `prefix_length: 1`,
`min_word_length: 4`, with `accuracy` and `max_term_freq` below), the closest first, then the
most frequent. The same rule runs here on `search_spelling`, the documents' words with
their document counts per language (migration 0007): its trigram index finds the words that
look alike, and Python counts the edits. A database without the view (SQLite) suggests
nothing.

The view is refreshed by the first search that finds the documents changed since its last
refresh (the postings' generation); when a refresh takes longer than a second, later ones run
in a thread and suggestions come from the previous words meanwhile."""

import logging
import re
import threading
import time

from django.core.cache import cache
from django.db import connection

from . import postings
from .documents import words
from .models import IndexedDocument

logger = logging.getLogger(__name__)

VIEW = "search_spelling"
REFRESHED_KEY = "iopd:search:spelling"
MIN_LENGTH = 4
MAX_EDITS = 2
# A word is a candidate when 1 - edits / the shorter length reaches this (the engine's
# `accuracy` on its default distance)...
ACCURACY = 0.5
# ...and a query word held by more than this share of the documents is never corrected
# (`max_term_freq`).
COMMON = 0.01
# Look-alikes read per word, by trigram similarity, before the edits are counted.
CANDIDATES = 20

_lock = threading.Lock()
_state = {"available": None, "seconds": 0.0, "refreshing": False}


def available():
    """Whether this database has the view (asked once per process)."""
    if _state["available"] is None:
        with connection.cursor() as cursor:
            names = connection.introspection.table_names(cursor, include_views=True)
        _state["available"] = VIEW in names
    return _state["available"]


def _refresh(generation):
    started = time.monotonic()
    with connection.cursor() as cursor:
        # CONCURRENTLY: searches keep reading the previous words while it runs.
        cursor.execute(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {VIEW}")
    cache.set(REFRESHED_KEY, generation, None)
    _state["seconds"] = time.monotonic() - started


def _refresh_in_background(generation):
    try:
        _refresh(generation)
    except Exception:
        logger.exception("Refreshing the spelling words failed; the previous ones stay in use")
    finally:
        _state["refreshing"] = False
        connection.close()  # this thread's own connection


def _up_to_date():
    generation = postings.generation()
    if cache.get(REFRESHED_KEY) == generation:
        return
    # The postings' threshold: None refreshes before answering, as the tests do; a refresh timed
    # on a loaded machine is not a fact of the site.
    after = postings.read_in_background_after()
    if after is None or _state["seconds"] <= after:
        _refresh(generation)
        return
    with _lock:
        if _state["refreshing"]:
            return
        _state["refreshing"] = True
    threading.Thread(target=_refresh_in_background, args=(generation,), daemon=True).start()


def edits(a, b):
    """Edits from `a` to `b`, a swap of two neighbours counting as one (as the engine's)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _better(word, codes, documents):
    """A word of the documents that `word` looks like a misspelling of, or None."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, sum(documents) FROM {VIEW} "
            "WHERE language = ANY(%s) AND (word %% %s OR word = %s) "
            "GROUP BY word ORDER BY max(similarity(word, %s)) DESC, word LIMIT %s",
            [list(codes), word, word, word, CANDIDATES],
        )
        found = dict(cursor.fetchall())
    own = found.pop(word, 0)
    if own > documents * COMMON:
        return None  # a common word is taken as meant
    options = []
    for candidate, count in found.items():
        distance = edits(word, candidate)
        score = 1 - distance / min(len(word), len(candidate))
        if candidate[0] == word[0] and count > own and distance <= MAX_EDITS and score >= ACCURACY:
            options.append((-score, -count, candidate))
    return min(options)[2] if options else None


def suggest(q, codes):
    """The query with each misspelt word replaced, or "" when no word looks misspelt."""
    if not q or not available():
        return ""
    _up_to_date()
    documents = IndexedDocument.objects.filter(language__in=codes).count()
    text = q
    for match in reversed(list(re.finditer(r"\w+", q))):
        word = words(match.group())
        if len(word) < MIN_LENGTH or " " in word:
            continue
        better = _better(word, codes, documents)
        if better:
            text = text[: match.start()] + better + text[match.end() :]
    return text if words(text) != words(q) else ""
