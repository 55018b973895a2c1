"""Filters of the member directory, read from GET parameters so that every view is a shareable
URL that works without JavaScript.

Each option shows how many members it would list, given the other filters chosen; values
within one filter are combined with OR, filters with AND. Unknown values are dropped with a
note. Only public members are ever counted."""

from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.filters import Facet, ListingFilters, Option
from search.worldmap import world_map
from taxonomy.models import Country, WorldRegion

from .models import MemberOrganisation, MemberType

PER_PAGE = 24


@dataclass
class CountedOption(Option):
    count: int = 0


class CountedFacet(Facet):
    """A facet whose options are the values present, each with the members it would list."""

    def labels(self, values):
        """(value, label) of the options, in display order, for the values present."""
        return [(value, value) for value in sorted(values)]

    def counts(self, queryset):
        rows = queryset.values(self.lookup).annotate(n=Count("pk")).order_by()
        return Counter({row[self.lookup]: row["n"] for row in rows if row[self.lookup]})


class TypeFacet(CountedFacet):
    def labels(self, values):
        return [
            (term.slug, term.name)
            for term in MemberType.objects.localized_terms()
            if term.slug in values
        ]


class CountryFacet(CountedFacet):
    def labels(self, values):
        present = Country.objects.filter(code__in=values)
        return [(country.code, country.name) for country in Country.sorted_for_display(present)]

    def clean_value(self, value):
        return value.upper()


class RegionFacet(CountedFacet):
    def labels(self, values):
        return [(value, label) for value, label in WorldRegion.choices if value in values]


class PromoterFacet(CountedFacet):
    VALUES = {"yes": True, "no": False}

    def labels(self, values):
        names = {"yes": _("Promoter members"), "no": _("Other members")}
        return [(value, names[value]) for value in ("yes", "no") if value in values]

    def apply(self, queryset):
        if len(self.selected) != 1:
            return queryset
        return queryset.filter(promoter=self.VALUES[self.selected[0]])

    def counts(self, queryset):
        found = Counter()
        for row in queryset.values("promoter").annotate(n=Count("pk")).order_by():
            found["yes" if row["promoter"] else "no"] += row["n"]
        return found


class MemberFilters(ListingFilters):
    per_page = PER_PAGE

    def __init__(self, params):
        self.params = params
        self.notes = []
        self.base = MemberOrganisation.objects.public().one_per_member()
        self.facets = [
            TypeFacet("type", _("Type"), "member_type__slug"),
            CountryFacet("country", _("Country"), "country__code"),
            RegionFacet("region", _("World region"), "country__region"),
            PromoterFacet("promoter", _("Promoter status"), "promoter"),
        ]
        known = {facet.param: self._read(facet) for facet in self.facets}
        for facet in self.facets:
            # Each option counts the members it would list with the other filters kept; with
            # no other filter chosen those are the counts already read (not asked again).
            base_counts, base_labels = known[facet.param]
            facet.usage = base_counts  # a long list shows the values most members have
            others = [other for other in self.facets if other is not facet and other.selected]
            counts = base_counts
            if others:
                queryset = self.base
                for other in others:
                    queryset = other.apply(queryset)
                counts = facet.counts(queryset)
            wanted = set(counts) | set(facet.selected)
            facet.options = [
                CountedOption(
                    value,
                    label,
                    active=value in facet.selected,
                    remove_url=self.url_without(facet.param, value),
                    count=counts.get(value, 0),
                )
                for value, label in base_labels
                if value in wanted
            ]

    def _read(self, facet):
        """(counts, labels) of the values present among all public members."""
        counts = facet.counts(self.base)
        labels = facet.labels(set(counts))
        self.read(facet, {value for value, _label in labels})
        return counts, labels

    def queryset(self):
        queryset = self.base
        for facet in self.facets:
            queryset = facet.apply(queryset)
        return queryset.select_related("country", "member_type", "logo").order_by("name")

    def country_map(self):
        """The members by country on a world map, each country a link to its members (with
        the other filters kept); the country filter's counts, so map and list agree."""
        facet = next(facet for facet in self.facets if facet.param == "country")
        buckets = [
            SimpleNamespace(value=option.value, label=option.label, count=option.count)
            for option in facet.options
            if option.count
        ]
        kept = [
            (key, value)
            for key in self.params
            if key not in ("page", "country")
            for value in self.params.getlist(key)
        ]
        return world_map(
            SimpleNamespace(buckets=buckets),
            lambda code: "?" + urlencode([*kept, ("country", code)]),
        )
