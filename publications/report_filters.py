"""Filters of the reports index, read from GET parameters so every view is a shareable URL that
works without JavaScript: `type`, `year`, `topic` (a broader topic includes its narrower ones)
and `language` (of an available PDF). Unknown values are dropped with a note, never a 500."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from core.filters import Option
from core.pagination import paginate
from core.privacy import public
from taxonomy.models import Topic
from taxonomy.tree import with_broader, with_narrower

from .models.reports import ReportPdf, ReportType, card_queryset

PER_PAGE = 12


@dataclass
class Filter:
    param: str
    label: str
    options: list
    selected: str = ""


class ReportFilters:
    def __init__(self, params, queryset):
        self.params = params
        self.notes = []
        self.base = public(queryset.live())
        years = sorted(
            set(
                self.base.annotate(year=ExtractYear("publication_date")).values_list(
                    "year", flat=True
                )
            ),
            reverse=True,
        )
        used_topics = with_broader(set(self.base.values_list("topics__slug", flat=True)))
        languages = set(
            ReportPdf.objects.filter(page__in=self.base.values("pk")).values_list(
                "language", flat=True
            )
        )
        self.filters = [
            Filter("type", _("Type"), [Option(v, label) for v, label in ReportType.choices]),
            Filter("year", _("Year"), [Option(str(year), str(year)) for year in years]),
            Filter(
                "topic",
                _("Topic"),
                [
                    Option(term.slug, term.name)
                    for term in Topic.cached_localized()
                    if term.slug in used_topics
                ],
            ),
            Filter(
                "language",
                _("PDF language"),
                [
                    Option(code, get_language_info(code)["name_local"])
                    for code, _name in settings.LANGUAGES
                    if code in languages
                ],
            ),
        ]
        for item in self.filters:
            self._read(item)

    def _read(self, item):
        value = self.params.get(item.param, "").strip()
        if not value:
            return
        if item.param == "year" and not re.fullmatch(r"[0-9]{4}", value):
            self.notes.append(
                _("“%(value)s” is not a year; it was ignored.") % {"value": value[:20]}
            )
            return
        option = next((option for option in item.options if option.value == value), None)
        if option is None:
            self.notes.append(
                _("No report matches the %(filter)s “%(value)s”; that filter was ignored.")
                % {"filter": str(item.label).lower(), "value": value[:60]}
            )
            return
        option.active = True
        item.selected = value

    @property
    def selected(self):
        return {item.param: item.selected for item in self.filters if item.selected}

    @property
    def is_filtered(self):
        return bool(self.selected)

    def queryset(self):
        queryset = self.base
        selected = self.selected
        if "type" in selected:
            queryset = queryset.filter(report_type=selected["type"])
        if "year" in selected:
            queryset = queryset.filter(publication_date__year=int(selected["year"]))
        if "topic" in selected:
            slugs = with_narrower([selected["topic"]])
            queryset = queryset.filter(pk__in=self.base.filter(topics__slug__in=slugs).values("pk"))
        if "language" in selected:
            queryset = queryset.filter(
                pk__in=ReportPdf.objects.filter(language=selected["language"]).values("page_id")
            )
        return card_queryset(queryset).order_by("-publication_date", "title")

    def page(self, request):
        return paginate(request, self.queryset(), PER_PAGE)

    def query_string(self):
        return urlencode(self.selected)
