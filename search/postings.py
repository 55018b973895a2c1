"""The database search's facet counts and ordering, in memory.

Counting facets with GROUP BY reads a row per document and facet value of every matching
document: over a million rows for a broad selection among 100,000 cases, on every request.
Here every (language, facet, value) is a bitset over cases (a Python int, bit i for case i),
read once per process from the documents tables and read again after the documents change.
A count is then an AND and a popcount, and a results page is a walk along a precomputed
order; the database is asked only for the words of the query and the documents of the page.

Cases, not documents, are the bit positions: the documents of one case in several languages
share a position, so "all languages" counts each case once by OR-ing the languages' sets."""

import heapq
import logging
import threading
import time
import uuid
from array import array
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

logger = logging.getLogger(__name__)
GENERATION_KEY = "iopd:search:documents"
_BITS = [tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256)]


def bitset(positions, size):
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def positions_of(bits):
    """The set bits of `bits`, ascending."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    return [index * 8 + bit for index, byte in enumerate(data) if byte for bit in _BITS[byte]]


def union(sets):
    result = 0
    for bits in sets:
        result |= bits
    return result


@dataclass
class Language:
    """One language's documents, by case position."""

    present: int
    documents: dict  # position -> document id
    titles: dict  # position -> folded title, for relevance
    values: dict  # (facet, value) -> bitset
    years: dict  # year -> bitset


class Postings:
    """Every visible document's facets, years and sort keys, by case position."""

    def __init__(self, documents, facet_rows):
        """`documents`: (id, translation key, language, year, date, sort title) rows;
        `facet_rows`: (document id, facet, value) rows (others' rows are ignored)."""
        positions, self.where = {}, {}
        where = self.where
        rows = {}
        for pk, key, code, year, date, title in documents:
            position = positions.setdefault(key, len(positions))
            where[pk] = (code, position)
            rows.setdefault(code, []).append((position, pk, year, date, title))
        self.size = len(positions)
        self.keys = [None] * self.size
        for key, position in positions.items():
            self.keys[position] = key

        value_positions, year_positions = {}, {}
        for pk, facet, value in facet_rows:
            found = where.get(pk)
            if found is not None:
                value_positions.setdefault((found[0], facet, value), []).append(found[1])
        self.languages = {}
        latest, first_title = {}, {}
        for code, language_rows in rows.items():
            for position, _pk, year, date, title in language_rows:
                if year is not None:
                    year_positions.setdefault((code, year), []).append(position)
                if date is not None and (position not in latest or date > latest[position]):
                    latest[position] = date
                if position not in first_title or title < first_title[position]:
                    first_title[position] = title
            self.languages[code] = Language(
                present=bitset((row[0] for row in language_rows), self.size),
                documents={row[0]: row[1] for row in language_rows},
                titles={row[0]: row[4] for row in language_rows},
                values={},
                years={},
            )
        for (code, facet, value), found in value_positions.items():
            self.languages[code].values[facet, value] = bitset(found, self.size)
        for (code, year), found in year_positions.items():
            self.languages[code].years[year] = bitset(found, self.size)
        self.facet_values = {}
        for language in self.languages.values():
            for facet, value in language.values:
                self.facet_values.setdefault(facet, set()).add(value)

        # Cases in each order a visitor can ask for, in each language and across them (where a
        # case's date is its latest document's and its title the first of its titles): a
        # results page walks one of these. Ties go by translation key: the same page every visit.
        self.orders = {
            code: _orders(
                {row[0]: row[3] for row in language_rows},
                {row[0]: row[4] for row in language_rows},
                self.size,
                self.keys,
            )
            for code, language_rows in rows.items()
        }
        self.orders[None] = _orders(latest, first_title, self.size, self.keys)

    # --- answering ----------------------------------------------------------------------

    def cases_of(self, document_ids, codes):
        """{language: bitset} of the cases of these documents, in `codes` languages."""
        found = {code: [] for code in codes}
        # Not .iterator(): PostgreSQL plans a server-side cursor for its first rows and then
        # prefers parsing every text in a sequential scan to reading the words index.
        for pk in document_ids:
            where = self.where.get(pk)
            if where is not None and where[0] in found:
                found[where[0]].append(where[1])
        return {code: bitset(positions, self.size) for code, positions in found.items()}

    def selection(self, code, facet, values):
        language = self.languages.get(code)
        if language is None:
            return 0
        return union(language.values.get((facet, value), 0) for value in values)

    def years_between(self, code, year_from, year_to):
        language = self.languages.get(code)
        if language is None:
            return 0
        return union(
            bits
            for year, bits in language.years.items()
            if (year_from is None or year >= year_from) and (year_to is None or year <= year_to)
        )

    def counts(self, codes, facet, within):
        """{value: cases} of `facet` among `within` ({language: candidates})."""
        found = {}
        for value in self.facet_values.get(facet, ()):
            n = union(
                self.languages[code].values.get((facet, value), 0) & within[code]
                for code in codes
                if within[code]
            ).bit_count()
            if n:
                found[value] = n
        return found

    def histogram(self, codes, within):
        years = sorted({year for code in codes for year in self.languages[code].years})
        rows = []
        for year in years:
            n = union(
                self.languages[code].years.get(year, 0) & within[code]
                for code in codes
                if within[code]
            ).bit_count()
            if n:
                rows.append((year, n))
        return rows

    def page(self, matches, sort, offset, size, terms=()):
        """The positions of one results page; `matches` is {language: bitset of cases}."""
        wanted = offset + size
        scope = next(iter(matches)) if len(matches) == 1 else None
        if sort == "relevance" and terms:
            return self._by_title_words(matches, terms, offset, wanted, scope)
        order, rank = self.orders[scope]["newest" if sort == "relevance" else sort]
        every = union(matches.values())
        if every.bit_count() * 16 < self.size:
            # Few matches: sort them rather than walk every case.
            found = heapq.nsmallest(wanted, positions_of(every), key=rank.__getitem__)
            return found[offset:]
        data = every.to_bytes((self.size + 7) // 8, "little")
        found = []
        for position in order:
            if data[position >> 3] >> (position & 7) & 1:
                found.append(position)
                if len(found) == wanted:
                    break
        return found[offset:]

    def _by_title_words(self, matches, terms, offset, wanted, scope):
        """The fallback's relevance: how many query words the title holds, then newest."""
        score = {}
        for code, bits in matches.items():
            titles = self.languages[code].titles
            for position in positions_of(bits):
                n = sum(1 for term in terms if term in titles[position])
                if n > score.get(position, -1):
                    score[position] = n
        rank = self.orders[scope]["newest"][1]
        found = heapq.nsmallest(
            wanted, score, key=lambda position: (-score[position], rank[position])
        )
        return found[offset:]


def _orders(dates, titles, size, keys):
    """{sort: (positions in that order, rank of each position)} of the positions in `titles`."""
    by_key = sorted(titles, key=lambda position: str(keys[position]))

    def dated(sign):
        def key(position):
            date = dates.get(position)
            return (date is None, sign * date.toordinal() if date else 0, titles[position])

        return key

    result = {}
    for name, key in (("newest", dated(-1)), ("oldest", dated(1)), ("title", titles.get)):
        order = array("i", sorted(by_key, key=key))
        rank = array("i", bytes(4 * size))
        for index, position in enumerate(order):
            rank[position] = index
        result[name] = (order, rank)
    return result


# --- one copy per process, read again when the documents change ------------------------------


# A site whose postings take longer than SEARCH_POSTINGS_BACKGROUND_AFTER seconds (1 by default) to
# read keeps answering from the ones it has while a thread reads the new ones: a few seconds during
# which a changed document counts as it was. Not a document that left (unpublished, deleted, moved
# or made private): after that, every process reads again before answering, since even a count or
# a facet value would tell that a private page exists. Smaller sites (the demo) always read again
# before answering; so do the tests (None), since a reading time measured on a loaded machine is
# not a fact of the site.
def read_in_background_after():
    return getattr(settings, "SEARCH_POSTINGS_BACKGROUND_AFTER", 1.0)


_lock = threading.Lock()
_current = {"generation": None, "postings": None, "seconds": 0.0, "read_at": 0.0, "reading": None}
# When a document last left the visible ones (seconds since the epoch, shared by all processes).
LEFT_KEY = "iopd:search:postings:left"
# Clocks of several app servers differ by this much at most (NTP keeps them far closer).
CLOCK_MARGIN = 5.0


def generation():
    """A token that changes whenever the documents change (see invalidate)."""
    return cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None)


def _bump():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate(leaving=False):
    """The documents changed: every process reads them again before its next answer.

    Once now and once after commit, so that a process that read the old rows while the
    transaction was open does not keep them under the new generation. `leaving`: a document
    may have left the visible ones, so no process answers from postings read before."""

    def bump():
        if leaving:
            cache.set(LEFT_KEY, time.time(), None)
        _bump()

    bump()
    transaction.on_commit(bump)


def _left_since(moment):
    return (cache.get(LEFT_KEY) or 0) >= moment - CLOCK_MARGIN


def read():
    """Postings of the visible documents, from the database."""
    from .models import DocumentFacet
    from .query import visible_documents

    documents = visible_documents().values_list(
        "pk", "translation_key", "language", "year", "date", "sort_title"
    )
    facet_rows = DocumentFacet.objects.values_list("document_id", "facet", "value")
    enabled = {code for code, _name in settings.LANGUAGES}
    return Postings(
        [row for row in documents.iterator(chunk_size=10_000) if row[2] in enabled],
        facet_rows.iterator(chunk_size=50_000),
    )


def _read_for(generation):
    started, read_at = time.monotonic(), time.time()
    postings = read()
    with _lock:
        _current.update(
            generation=generation,
            postings=postings,
            seconds=time.monotonic() - started,
            read_at=read_at,
        )
    return postings


def _read_in_background(generation):
    try:
        _read_for(generation)
    except Exception:
        logger.exception("Reading the search postings failed; the previous ones stay in use")
    finally:
        with _lock:
            _current["reading"] = None
        connection.close()  # this thread's own connection


def load():
    """The postings of the visible documents, read again when another process changed them."""
    wanted = generation()
    if _current["generation"] == wanted:
        return _current["postings"]
    with _lock:
        if _current["generation"] == wanted:
            return _current["postings"]
        after = read_in_background_after()
        slow = (
            _current["postings"] is not None
            and after is not None
            and _current["seconds"] > after
            and not _left_since(_current["read_at"])
        )
        if slow:
            # One reading at a time; the next request after it sees whether it is still behind.
            if _current["reading"] is None:
                _current["reading"] = wanted
                threading.Thread(target=_read_in_background, args=(wanted,), daemon=True).start()
            return _current["postings"]
    return _read_for(wanted)
