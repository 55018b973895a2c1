"""What the listing filters (repository, member directory, agenda, reports) share: an option a
visitor can tick, a facet that narrows a queryset, and the URL handling that keeps every
filtered view a shareable link that works without JavaScript."""

from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.pagination import paginate

# More values than any filter has options is a malformed URL, not a query.
MAX_VALUES = 20
# A long list of options shows its most used ones; the others wait behind "Show all n options"
# (a native disclosure), instead of a scroll box that cut its last line.
FOLD_AFTER = 12
SHOWN_WHEN_FOLDED = 8


class Folded(NamedTuple):
    shown: list
    more: list  # behind the disclosure
    open: bool  # one of `more` is chosen: the disclosure opens to show it


def fold(items, usage, chosen):
    """`items` shown and folded, each part in the given order: all of a short list, else the
    SHOWN_WHEN_FOLDED items of highest `usage(item)` (the first ones on a tie)."""
    items = list(items)
    if len(items) <= FOLD_AFTER:
        return Folded(items, [], False)
    ranked = sorted(range(len(items)), key=lambda index: -usage(items[index]))
    top = set(ranked[:SHOWN_WHEN_FOLDED])
    more = [item for index, item in enumerate(items) if index not in top]
    return Folded(
        [item for index, item in enumerate(items) if index in top],
        more,
        any(chosen(item) for item in more),
    )


@dataclass
class Option:
    value: str
    label: str
    active: bool = False
    remove_url: str = ""  # the same listing without this option, when it is active


@dataclass
class Facet:
    """One GET parameter, the options it offers and the lookup it filters on.

    Values within a facet are combined with OR, facets with AND."""

    param: str
    label: str
    lookup: str
    selected: list = field(default_factory=list)
    options: list = field(default_factory=list)
    usage: dict = field(default_factory=dict)  # how often each value is used, to fold the list

    @property
    def folded(self):
        return fold(
            self.options, lambda option: self.usage.get(option.value, 0), lambda o: o.active
        )

    def clean_value(self, value):
        return value

    def count_usage(self, queryset):
        """How many of `queryset` have each value."""
        rows = queryset.values(self.lookup).annotate(n=Count("pk", distinct=True)).order_by()
        return {str(row[self.lookup]): row["n"] for row in rows if row[self.lookup] is not None}

    def expand(self, values):
        """The values to filter on for those chosen (a broader term brings its narrower ones)."""
        return values

    def apply(self, queryset):
        if not self.selected:
            return queryset
        return queryset.filter(**{f"{self.lookup}__in": self.expand(self.selected)})


class ListingFilters:
    """Reading facets from `self.params`; subclasses set `facets`, `notes` and `queryset()`."""

    per_page = 12

    def read(self, facet, known):
        """Select the values of `facet.param` that are in `known`; note the others."""
        for value in self.params.getlist(facet.param)[:MAX_VALUES]:
            value = facet.clean_value(value.strip())
            if value in known and value not in facet.selected:
                facet.selected.append(value)
            elif value and value not in known:
                self.notes.append(
                    _("Unknown %(facet)s “%(value)s” was ignored.")
                    % {"facet": str(facet.label).lower(), "value": value[:60]}
                )

    def page(self, request):
        return paginate(request, self.queryset(), self.per_page)

    @property
    def active(self):
        return [
            (facet, option) for facet in self.facets for option in facet.options if option.active
        ]

    @property
    def active_count(self):
        """How many filters are chosen, for the "Filters (n)" disclosure."""
        return len(self.active)

    def query_string(self, without_page=True):
        pairs = [(key, value) for key in self.params for value in self.params.getlist(key)]
        return urlencode(
            [(key, value) for key, value in pairs if key != "page" or not without_page]
        )

    def url_without(self, param, value):
        pairs = [
            (key, item)
            for key in self.params
            for item in self.params.getlist(key)
            if key != "page" and not (key == param and item.upper() == value.upper())
        ]
        return "?" + urlencode(pairs) if pairs else "?"
