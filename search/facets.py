"""The facets of the site search: one list that the document, both search implementations,
the form, the page and the API all read, so a facet is added in one place."""

from dataclasses import dataclass
from types import MappingProxyType

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import sitecache
from repository import criteria
from repository.coding import CODED_VARIABLES
from repository.models import AwardDistinction
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic, WorldRegion

CONTENT_TYPES = {
    "experience": pgettext_lazy("content type", "Experience"),
    "news": pgettext_lazy("content type", "News"),
    "event": pgettext_lazy("content type", "Event"),
    "report": pgettext_lazy("content type", "Report"),
}
STATUSES = {"ongoing": _("Ongoing"), "finished": _("Finished")}
# One value per distinction: a winner is not a finalist.
AWARD = {distinction.value: distinction.label for distinction in AwardDistinction}
# Whether an experience names the laws it rests on (legal app); "no" means none is known.
LEGAL_BASIS = {"yes": _("Has a legal basis"), "no": _("No known legal basis")}


def _term_labels(model):
    """slug -> name in the visitor's language (default language where untranslated)."""
    return {term.slug: term.name for term in model.cached_localized()}


def _country_labels():
    return {c.code: c.name for c in Country.objects.all()}


def _language_labels():
    from django.utils.translation import get_language_info

    return {code: get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


NO_LABELS = MappingProxyType({})


@dataclass(frozen=True)
class FacetSpec:
    name: str  # URL parameter and document field
    label: str
    labels: object  # () -> {value: label}; None when the value is its own label
    ordered_by_label: bool = True
    # Values written once, in the source language, for every translation (keywords).
    as_written: bool = False

    def label_map(self):
        """{value: label} in the visitor's language, as strings: derived once a generation in
        each process, since a search page labels every bucket of every facet."""
        if not self.labels:
            return NO_LABELS
        return sitecache.derived(
            None, f"facet-labels:{self.name}", self._label_strings, reference=True
        )

    def _label_strings(self):
        return MappingProxyType({value: str(label) for value, label in self.labels().items()})

    def label_for(self, value, labels=None):
        labels = self.label_map() if labels is None else labels
        return str(labels.get(value, value))


FACETS = [
    FacetSpec("type", _("Type"), lambda: CONTENT_TYPES),
    FacetSpec("topic", _("Topic"), lambda: _term_labels(Topic)),
    FacetSpec("mechanism", _("Participation mechanism"), lambda: _term_labels(Mechanism)),
    FacetSpec("group", _("Target group"), lambda: _term_labels(TargetGroup)),
    FacetSpec("level", _("Government level"), lambda: _term_labels(GovernmentLevel)),
    FacetSpec("region", _("World region"), lambda: dict(WorldRegion.choices)),
    FacetSpec("country", _("Country"), _country_labels),
    FacetSpec("status", _("Status"), lambda: STATUSES),
    FacetSpec("award", _("Award"), lambda: AWARD),
    FacetSpec("legal", _("Legal basis"), lambda: LEGAL_BASIS),
    FacetSpec("available", _("Available in"), _language_labels),
    FacetSpec("keyword", _("Keyword"), None, as_written=True),
    # The research tier's coded variables, last: most cases are not coded yet.
    *(
        FacetSpec(variable.param, variable.label, lambda model=variable.model: _term_labels(model))
        for variable in CODED_VARIABLES
    ),
    # The inclusion criteria each experience's coding meets (repository/criteria.py).
    FacetSpec("badge", _("Meets the definition of"), lambda: criteria.labels()),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def facet_names():
    """{facet: its name in the visitor's language}, as strings."""
    return sitecache.derived(
        None,
        "facet-names",
        lambda: MappingProxyType({facet.name: str(facet.label) for facet in FACETS}),
        reference=True,
    )


def facet_values(doc, name):
    """The values of facet `name` in a search document (a slug or code, or a list of them)."""
    value = doc[name]
    return [value] if isinstance(value, str) else list(value)
