"""The parameters of a search, read from a query string and checked.

Everything a visitor can put in the URL is bounded here: bad values are dropped or clamped
with a note in the visitor's language, and only an oversized query is refused (400)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from core.text import has_word, printable

from .facets import FACETS

MAX_QUERY = 200
MAX_VALUES = 20
MAX_VALUE_LENGTH = 120
PAGE_SIZES = (10, 20, 50, 100)
DEFAULT_SIZE = 20
# The engine pages through at most 10,000 results; beyond that a visitor narrows the search.
MAX_RESULTS = 10_000
YEAR_MIN, YEAR_MAX = 1800, 2100
SORTS = ("relevance", "newest", "oldest", "title")


class QueryTooLong(ValueError):
    pass


def sort_labels():
    return {
        "relevance": _("Relevance"),
        "newest": _("Newest first"),
        "oldest": _("Oldest first"),
        "title": _("Title"),
    }


def _int(value):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass
class SearchParams:
    q: str = ""
    selected: dict = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    size: int = DEFAULT_SIZE
    scope: str = ""  # a language code, or "all"
    notes: list = field(default_factory=list)
    asked_page: int = 1

    @classmethod
    def from_query(cls, data, language):
        """Parameters from a QueryDict (or a dict of lists) for a visitor reading `language`."""
        params = cls(scope=language)
        if not hasattr(data, "getlist"):
            data = MultiValueDict(
                {key: value if isinstance(value, list) else [value] for key, value in data.items()}
            )
        get, getlist = data.get, data.getlist

        q = get("q") or ""
        if len(q) > MAX_QUERY:
            raise QueryTooLong(
                _("The search text is too long: at most %(limit)d characters.")
                % {"limit": MAX_QUERY}
            )
        params.q = printable(q)
        if params.q and not has_word(params.q):
            # Quotes, brackets or operators alone: no word to look for, so no query.
            params.notes.append(
                _("“%(value)s” holds no word to search for; everything is listed.")
                % {"value": params.q[:40]}
            )
            params.q = ""

        for facet in FACETS:
            values = [
                "".join(ch for ch in v if ch.isprintable()).strip() for v in getlist(facet.name)
            ]
            values = [v for v in values if v]
            if not values:
                continue
            known = facet.label_map()
            kept = []
            for value in values[:MAX_VALUES]:
                if len(value) > MAX_VALUE_LENGTH or (known and value not in known):
                    params.notes.append(
                        _("“%(value)s” is not a known %(facet)s and was ignored.")
                        % {"value": value[:40], "facet": str(facet.label).lower()}
                    )
                elif value not in kept:
                    kept.append(value)
            if len(values) > MAX_VALUES:
                params.notes.append(
                    _("Only the first %(n)d values of a filter are used.") % {"n": MAX_VALUES}
                )
            if kept:
                params.selected[facet.name] = kept

        for name in ("year_from", "year_to"):
            raw = get(name)
            if raw in (None, ""):
                continue
            year = _int(raw)
            if year is None or not YEAR_MIN <= year <= YEAR_MAX:
                params.notes.append(
                    _("“%(value)s” is not a year between %(min)d and %(max)d and was ignored.")
                    % {"value": str(raw)[:20], "min": YEAR_MIN, "max": YEAR_MAX}
                )
            else:
                setattr(params, name, year)
        if params.year_from and params.year_to and params.year_from > params.year_to:
            params.year_from, params.year_to = params.year_to, params.year_from
            params.notes.append(_("The years were in reverse order and have been swapped."))

        sort = get("sort") or "relevance"
        if sort not in SORTS:
            params.notes.append(_("Unknown sort order; results are sorted by relevance."))
            sort = "relevance"
        params.sort = "newest" if sort == "relevance" and not params.q else sort

        size = _int(get("size")) if get("size") else DEFAULT_SIZE
        if size not in PAGE_SIZES:
            size = min(PAGE_SIZES, key=lambda allowed: abs(allowed - (size or DEFAULT_SIZE)))
            params.notes.append(_("Results are shown %(n)d per page.") % {"n": size})
        params.size = size

        page = _int(get("page")) if get("page") else 1
        if page is None or page < 1:
            page = 1
        params.asked_page = page
        # Past the engine's window: the view then says which page it shows (past_the_end).
        params.page = min(page, MAX_RESULTS // params.size)

        scope = get("lang") or ""
        if scope == "all" or scope in {code for code, _name in settings.LANGUAGES}:
            params.scope = scope
        return params

    def past_the_end(self, pages):
        """Move to the last browsable of `pages` when a page beyond it was asked for, with a
        note saying why; True when the page changed."""
        last = min(pages, MAX_RESULTS // self.size)
        if self.asked_page <= last:
            return False
        if pages > last:
            self.notes.append(
                _("Only the first %(n)d results can be browsed; narrow the search to see more.")
                % {"n": MAX_RESULTS}
            )
        else:
            self.notes.append(
                _("There is no page %(asked)d; this is the last page, %(last)d.")
                % {"asked": self.asked_page, "last": last}
            )
        searched, self.page = self.page, last
        return self.page != searched

    @property
    def offset(self):
        return (self.page - 1) * self.size

    @property
    def all_languages(self):
        return self.scope == "all"

    @property
    def filtered(self):
        return bool(self.selected or self.year_from or self.year_to)

    @property
    def filter_count(self):
        """How many filters are chosen, for the "Filters (n)" disclosure."""
        chosen = sum(len(values) for values in self.selected.values())
        return chosen + bool(self.year_from) + bool(self.year_to)

    def items(self, language=None):
        """(name, value) pairs of these parameters, in a stable order."""
        pairs = []
        if self.q:
            pairs.append(("q", self.q))
        for facet in FACETS:
            pairs.extend((facet.name, value) for value in self.selected.get(facet.name, []))
        if self.year_from:
            pairs.append(("year_from", self.year_from))
        if self.year_to:
            pairs.append(("year_to", self.year_to))
        if self.sort not in ("relevance", "newest") or (self.sort == "newest" and self.q):
            pairs.append(("sort", self.sort))
        if self.size != DEFAULT_SIZE:
            pairs.append(("size", self.size))
        if self.scope and self.scope != language:
            pairs.append(("lang", self.scope))
        return pairs

    def querystring(self, language=None, **changes):
        pairs = [(k, v) for k, v in self.items(language) if k not in changes]
        for key, value in changes.items():
            if value not in (None, "", []):
                pairs.extend((key, v) for v in (value if isinstance(value, list) else [value]))
        return urlencode(pairs)

    def toggled(self, facet, value, language=None):
        """The query string with `value` of `facet` switched on or off (back to page 1)."""
        current = list(self.selected.get(facet, []))
        current = [v for v in current if v != value] if value in current else [*current, value]
        return self.querystring(language, **{facet: current})

    def without(self, language=None, **names):
        return self.querystring(language, **dict.fromkeys(names, ""))
