"""The agenda's filters and month groups, read from GET parameters like the repository's, so
every view is a shareable URL that works without JavaScript. Unknown values are dropped with a
note instead of failing."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from core import sitecache
from core.filters import MAX_VALUES, Option
from core.pagination import paginate
from core.privacy import public
from taxonomy.models import Country, Topic
from taxonomy.tree import with_broader, with_narrower

from .models.events import EventPage, EventType

PAST_PER_PAGE = 10


@dataclass
class Filter:
    param: str
    label: str
    known: set
    options: list
    selected: list = field(default_factory=list)


class AgendaFilters:
    def __init__(self, params, events):
        self.params = params
        self.notes = []
        self.base = public(events.live())
        self.filters = [self._topics(), self._types(), self._countries()]
        for item in self.filters:
            self._read(item)

    def _topics(self):
        used = set(
            Topic.objects.filter(eventpage__in=self.base.values("pk")).values_list(
                "slug", flat=True
            )
        )
        # The vocabulary from the site cache, not a reading of every topic.
        known = sitecache.cached(
            None,
            "topic-slugs",
            lambda: set(Topic.objects.values_list("slug", flat=True)),
            per_language=False,
            reference=True,
        )
        # A broader topic is offered too: it lists its narrower topics' events.
        offered = with_broader(used)
        options = [
            Option(term.slug, term.name)
            for term in Topic.objects.filter(slug__in=offered).localized_terms()
        ]
        return Filter("topic", _("Topic"), known, options)

    def _types(self):
        options = [Option(value, label) for value, label in EventType.choices]
        return Filter("type", _("Type of event"), {option.value for option in options}, options)

    def _countries(self):
        present = Country.objects.filter(events__in=self.base.values("pk")).distinct()
        options = [Option(c.code, c.name) for c in Country.sorted_for_display(present)]
        known = sitecache.cached(
            None,
            "country-codes",
            lambda: set(Country.objects.values_list("code", flat=True)),
            per_language=False,
            reference=True,
        )
        return Filter("country", _("Country"), known, options)

    def _read(self, item):
        for raw in self.params.getlist(item.param)[:MAX_VALUES]:
            value = raw.strip()
            if item.param == "country":
                value = value.upper()
            if not value:
                continue
            if value in item.known:
                if value not in item.selected:
                    item.selected.append(value)
            else:
                self.notes.append(
                    _("Unknown %(facet)s “%(value)s” was ignored.")
                    % {"facet": str(item.label).lower(), "value": value[:60]}
                )
        for option in item.options:
            option.active = option.value in item.selected

    @property
    def is_filtered(self):
        return any(item.selected for item in self.filters)

    def apply(self, queryset):
        topic, kind, country = (item.selected for item in self.filters)
        if topic:
            slugs = with_narrower(topic)
            # Through a many-to-many relation an event could match twice; keep it once.
            queryset = queryset.filter(
                pk__in=EventPage.objects.filter(topics__slug__in=slugs).values("pk")
            )
        if kind:
            queryset = queryset.filter(event_type__in=kind)
        if country:
            queryset = queryset.filter(country__code__in=country)
        return queryset

    def page(self, request, queryset):
        return paginate(request, queryset, PAST_PER_PAGE)

    @property
    def query_string(self):
        return urlencode([(item.param, value) for item in self.filters for value in item.selected])


def by_month(events):
    """[(first day of the month, [events])], months in the order the events come; a month is
    the one of the event's first day in its own time zone."""
    return [
        (month, list(group))
        for month, group in groupby(
            events, key=lambda event: datetime.date(event.first_day.year, event.first_day.month, 1)
        )
    ]
