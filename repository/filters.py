"""Filters of the repository index, read from GET parameters so every view is a shareable URL.

Each facet is a small object that knows its parameter, its options in the visitor's language
and how to narrow a queryset. Unknown values are dropped with a note instead of failing."""

import re
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core import sitecache
from core.filters import FOLD_AFTER, Facet, ListingFilters, Option
from core.privacy import public
from taxonomy.models import (
    Country,
    CountryIntroduction,
    GovernmentLevel,
    Mechanism,
    TargetGroup,
    Topic,
    WorldRegion,
)
from taxonomy.tree import with_narrower

from . import criteria
from .coding import CODED_VARIABLES, MANY_CODED

PER_PAGE = 12
# Relations through which one page can match twice.
MANY = {"topics", "mechanisms", "target_groups", *MANY_CODED}


@dataclass(frozen=True)
class Landing:
    """What heads the list when the view is one topic, mechanism or country."""

    name: str
    description: str
    lang: str = ""  # of the description, when it is not the visitor's language


class TermFacet(Facet):
    """A vocabulary's terms in the visitor's language, from the site cache."""

    model = None

    def load_options(self, queryset):
        return [Option(term.slug, term.name) for term in self.model.cached_localized()]


class TopicFacet(TermFacet):
    model = Topic

    def expand(self, values):
        return sorted(with_narrower(values))


class MechanismFacet(TermFacet):
    model = Mechanism


class TargetGroupFacet(TermFacet):
    model = TargetGroup


class LevelFacet(TermFacet):
    model = GovernmentLevel


class CodeFacet(TermFacet):
    """A coded variable of the research tier."""

    def __init__(self, variable):
        super().__init__(variable.param, variable.label, f"{variable.field}__slug")
        self.model = variable.model


class BadgeFacet(Facet):
    """The inclusion criteria an experience's coding meets; computed, so filtered by the
    definitions' conditions rather than by a stored value."""

    def load_options(self, queryset):
        labels = criteria.labels()
        return [Option(criterion.slug, labels[criterion.slug]) for criterion in self._criteria()]

    def _criteria(self):
        return [criterion for criterion in criteria.criteria() if criterion.rules]

    def _q(self, slugs):
        query = Q(pk__in=[])
        for criterion in self._criteria():
            if criterion.slug in slugs:
                query |= criterion.q()
        return query

    def count_usage(self, queryset):
        return {c.slug: queryset.filter(c.q()).count() for c in self._criteria()}

    def apply(self, queryset):
        return queryset.filter(self._q(self.selected)) if self.selected else queryset


class CountryFacet(Facet):
    def load_options(self, queryset):
        present = Country.objects.filter(experiences__in=queryset.values("pk")).distinct()
        return [Option(c.code, c.name) for c in Country.sorted_for_display(present)]

    def clean_value(self, value):
        return value.upper()


class RegionFacet(Facet):
    def load_options(self, queryset):
        return [Option(value, label) for value, label in WorldRegion.choices]


class StatusFacet(Facet):
    def load_options(self, queryset):
        return [Option("ongoing", _("Ongoing")), Option("finished", _("Finished"))]

    def apply(self, queryset):
        if len(self.selected) != 1:
            return queryset
        return queryset.filter(ongoing=self.selected[0] == "ongoing")


class LegalBasisFacet(Facet):
    """Whether an experience names the laws it rests on: "no" means none is known."""

    def load_options(self, queryset):
        return [Option("yes", _("Has a legal basis")), Option("no", _("No known legal basis"))]

    def apply(self, queryset):
        if len(self.selected) != 1:
            return queryset
        through = queryset.model.legal_frameworks.through
        named = Exists(through.objects.filter(experiencepage_id=OuterRef("pk")))
        return queryset.filter(named if self.selected[0] == "yes" else ~named)


SORTS = {
    "newest": (_("Newest first"), [F("start_year").desc(nulls_last=True), "title"]),
    "oldest": (_("Oldest first"), [F("start_year").asc(nulls_last=True), "title"]),
    "title": (_("Title"), ["title"]),
}


class ExperienceFilters(ListingFilters):
    per_page = PER_PAGE

    def __init__(self, params, queryset, cache_key=None):
        self.params = params
        self.notes = []
        self.base = public(queryset.live())
        self.facets = [
            TopicFacet("topic", _("Topic"), "topics__slug"),
            MechanismFacet("mechanism", _("Participation mechanism"), "mechanisms__slug"),
            CountryFacet("country", _("Country"), "country__code"),
            RegionFacet("region", _("World region"), "country__region"),
            TargetGroupFacet("group", _("Target group"), "target_groups__slug"),
            LevelFacet("level", _("Government level"), "government_level__slug"),
            StatusFacet("status", _("Status"), "ongoing"),
            LegalBasisFacet("legal", _("Legal basis"), "legal_frameworks"),
            *(CodeFacet(variable) for variable in CODED_VARIABLES),
            BadgeFacet("badge", _("Meets the definition of"), "badge"),
        ]
        for facet in self.facets:
            self._read_facet(facet)
        self._read_usage(cache_key)
        self.year_from = self._read_year("from")
        self.year_to = self._read_year("to")
        if self.year_from and self.year_to and self.year_from > self.year_to:
            self.notes.append(_("The year range was reversed: “from” was after “to”."))
            self.year_from, self.year_to = self.year_to, self.year_from
        self.sort = params.get("sort", "newest")
        if self.sort not in SORTS:
            self.notes.append(
                _("Unknown sort order “%(value)s” was ignored.") % {"value": self.sort}
            )
            self.sort = "newest"

    def _read_facet(self, facet):
        facet.options = facet.load_options(self.base)
        self.read(facet, {option.value for option in facet.options})
        for option in facet.options:
            option.active = option.value in facet.selected
            if option.active:
                option.remove_url = self.url_without(facet.param, option.value)

    def _read_usage(self, cache_key):
        """How many experiences use each option of the long lists, which show the most used
        first; from the site cache, where the index's `cache_key` names them."""
        long = [facet for facet in self.facets if len(facet.options) > FOLD_AFTER]
        if not long:
            return

        def count():
            return {facet.param: facet.count_usage(self.base) for facet in long}

        name = f"experience-usage:{cache_key}:{','.join(facet.param for facet in long)}"
        usage = sitecache.cached(None, name, count) if cache_key else count()
        for facet in long:
            facet.usage = usage[facet.param]

    def _read_year(self, param):
        raw = self.params.get(param, "").strip()
        if not raw:
            return None
        # ASCII digits only: "²".isdigit() is true, and a huge number is slow to convert.
        if re.fullmatch(r"[0-9]{4}", raw) and 1900 <= int(raw) <= 2100:
            return int(raw)
        self.notes.append(
            _("“%(value)s” is not a year between 1900 and 2100; it was ignored.")
            % {"value": raw[:20]}
        )
        return None

    def queryset(self):
        queryset = self.base
        for facet in self.facets:
            queryset = facet.apply(queryset)
        if self.year_to:
            queryset = queryset.filter(start_year__lte=self.year_to)
        if self.year_from:
            queryset = queryset.annotate(last_year=Coalesce("end_year", "start_year")).filter(
                Q(ongoing=True) | Q(last_year__gte=self.year_from)
            )
        if any(facet.selected and facet.lookup.split("__")[0] in MANY for facet in self.facets):
            # A page can match twice through a multi-valued relation; keep each once.
            queryset = self.base.model.objects.filter(pk__in=queryset.values("pk"))
        return queryset.select_related("country").order_by(*SORTS[self.sort][1])

    @property
    def landing(self):
        """The term whose introduction heads the list when the view is one topic or mechanism."""
        if self.year_from or self.year_to or len(self.active) != 1:
            return None
        facet, option = self.active[0]
        if isinstance(facet, CountryFacet):
            intro = CountryIntroduction.for_country(option.value)
            return Landing(option.label, intro.text, intro.lang) if intro else None
        if isinstance(facet, BadgeFacet):
            definition = criteria.localized_by_slug().get(option.value)
            return Landing(definition.name, definition.description) if definition else None
        if not isinstance(facet, TermFacet):
            return None
        term = next(
            (t for t in facet.model.objects.localized_terms() if t.slug == option.value), None
        )
        return Landing(term.name, term.description) if term and term.description else None

    @property
    def country(self):
        """The option of the one country chosen, whose own page the view links to; else None."""
        chosen = [option for facet, option in self.active if isinstance(facet, CountryFacet)]
        return chosen[0] if len(chosen) == 1 else None

    @property
    def active_count(self):
        return super().active_count + bool(self.year_from) + bool(self.year_to)

    @property
    def is_filtered(self):
        return bool(self.active or self.year_from or self.year_to)

    @property
    def sorts(self):
        return [(value, label) for value, (label, _order) in SORTS.items()]
