"""Inclusion criteria as data: a definition ("deliberative mini-public, OECD criteria") is a
list of conditions over the coded variables that coordinators edit in the admin. Whether an
experience meets one is computed from its coding, never typed in, with the reason: which
conditions held and which failed or are not coded.

The conditions of the default language's definition are the ones that count; its translations
carry the name, description and source in their language."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import sitecache
from core.locales import active_locale, default_locale

from .coding import CODED_BY_FIELD, CODED_VARIABLES

DEFINITIONS_FILE = Path(__file__).with_name("data") / "definitions.json"
# Numbers an experience records, beside the vocabularies of the coded variables.
NUMBERS = {
    "participants": _("Number of participants"),
    "duration_days": _("Duration in days"),
}
VARIABLE_CHOICES = [
    *((variable.field, variable.label) for variable in CODED_VARIABLES),
    *NUMBERS.items(),
]


class Operator(models.TextChoices):
    ANY = "any", _("includes any of / is one of")
    ALL = "all", _("includes all of")
    AT_LEAST = "at_least", _("is at least")


class Definition(TranslatableMixin, ClusterableModel):
    """An inclusion criterion of other databases, met by an experience when every one of its
    conditions holds; each is a badge on the page and a facet of the search."""

    name = models.CharField(max_length=150, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80,
        verbose_name=_("slug"),
        help_text=_("Used in addresses and in the export; the same in every language."),
    )
    description = models.TextField(max_length=1000, verbose_name=_("description"))
    source = models.CharField(
        max_length=400,
        blank=True,
        verbose_name=_("source"),
        help_text=_("Who defined it, and where: the citation researchers can check."),
    )
    source_url = models.URLField(blank=True, verbose_name=_("link to the source"))
    sort_order = models.IntegerField(default=0, verbose_name=_("order"))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
        FieldPanel("sort_order"),
        InlinePanel(
            "conditions",
            heading=_("Conditions"),
            label=_("Condition"),
            help_text=_(
                "An experience meets the definition when every condition holds. Values are the "
                "slugs of the variable's terms, separated by commas (see the codebook), or a "
                "whole number for “is at least”."
            ),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("source"),
        SynchronizedField("slug"),
        SynchronizedField("source_url"),
        SynchronizedField("sort_order"),
        SynchronizedField("conditions"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("inclusion criterion")
        verbose_name_plural = _("inclusion criteria")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="repository_one_definition_slug_per_locale",
                violation_error_message=_("Another criterion already uses this slug."),
            )
        ]

    def __str__(self):
        return self.name


class DefinitionCondition(Orderable):
    """One condition of a definition: a variable, an operator and the values it asks for."""

    definition = ParentalKey(Definition, on_delete=models.CASCADE, related_name="conditions")
    variable = models.CharField(max_length=30, choices=VARIABLE_CHOICES, verbose_name=_("variable"))
    operator = models.CharField(
        max_length=10, choices=Operator.choices, default=Operator.ANY, verbose_name=_("operator")
    )
    values = models.CharField(
        max_length=300,
        verbose_name=_("values"),
        help_text=_("Slugs separated by commas, or a whole number."),
    )

    panels = [
        FieldRowPanel([FieldPanel("variable"), FieldPanel("operator")]),
        FieldPanel("values"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")

    def __str__(self):
        return f"{self.variable} {self.operator} {self.values}"

    def clean(self):
        values = [value.strip() for value in self.values.split(",") if value.strip()]
        if self.variable in NUMBERS:
            if self.operator != Operator.AT_LEAST:
                raise ValidationError({"operator": _("A number takes “is at least”.")})
            if len(values) != 1 or not values[0].isascii() or not values[0].isdigit():
                raise ValidationError({"values": _("Give one whole number.")})
            self.values = values[0]
            return
        variable = CODED_BY_FIELD.get(self.variable)
        if variable is None:
            return  # the field's own choices say so
        if self.operator == Operator.AT_LEAST:
            raise ValidationError({"operator": _("“Is at least” is for numbers.")})
        if self.operator == Operator.ALL and not variable.many:
            raise ValidationError(
                {"operator": _("This variable takes one value: use “is one of”.")}
            )
        known = set(
            variable.model.objects.filter(locale=default_locale()).values_list("slug", flat=True)
        )
        unknown = [value for value in values if value not in known]
        if not values or unknown:
            raise ValidationError(
                {
                    "values": _("Unknown values: %(unknown)s. Known: %(known)s.")
                    % {
                        "unknown": ", ".join(unknown) or "—",
                        "known": ", ".join(sorted(known)),
                    }
                }
            )
        self.values = ", ".join(values)


# --- evaluation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A condition as evaluated: plain data, cached with the site."""

    variable: str
    operator: str
    values: tuple

    @classmethod
    def of(cls, condition):
        values = tuple(value.strip() for value in condition.values.split(",") if value.strip())
        return cls(condition.variable, condition.operator, values)

    def holds(self, coding):
        """True, False, or None when the experience does not record the variable."""
        value = coding.get(self.variable)
        if value is None or value == set():
            return None
        if self.operator == Operator.AT_LEAST:
            return bool(self.values) and value >= int(self.values[0])
        if self.operator == Operator.ALL:
            return set(self.values) <= value
        return bool(set(self.values) & value)

    def q(self):
        """The same condition as a filter of experiences."""
        from .models import ExperiencePage

        if self.operator == Operator.AT_LEAST:
            return Q(**{f"{self.variable}__gte": int(self.values[0])})
        lookup = f"{self.variable}__slug__in"

        def having(slugs):
            return Q(pk__in=ExperiencePage.objects.filter(**{lookup: slugs}).values("pk"))

        if self.operator == Operator.ALL:
            query = Q()
            for value in self.values:
                query &= having([value])
            return query
        return having(list(self.values))

    def label(self):
        return NUMBERS.get(self.variable) or CODED_BY_FIELD[self.variable].label

    def value_names(self):
        if self.variable in NUMBERS:
            return self.values[0]
        names = _localized_names(self.variable)
        return ", ".join(str(names.get(value, value)) for value in self.values)

    def describe(self):
        """“Recruitment of participants includes one of: Random selection with stratification”."""
        if self.operator == Operator.AT_LEAST:
            text = _("%(variable)s is at least %(values)s")
        elif self.operator == Operator.ALL:
            text = _("%(variable)s includes all of: %(values)s")
        elif CODED_BY_FIELD[self.variable].many:
            text = _("%(variable)s includes one of: %(values)s")
        else:
            text = _("%(variable)s is one of: %(values)s")
        return text % {"variable": self.label(), "values": self.value_names()}


def _localized_names(field):
    variable = CODED_BY_FIELD[field]
    return {term.slug: term.name for term in variable.model.cached_localized()}


@dataclass(frozen=True)
class Criterion:
    slug: str
    translation_key: str
    rules: tuple

    def q(self):
        query = Q()
        for rule in self.rules:
            query &= rule.q()
        return query


@dataclass
class Outcome:
    """How an experience fares against one definition, with the reason."""

    definition: object  # the Definition in the visitor's language
    held: list  # rules
    failed: list  # (rule, recorded?) pairs

    @property
    def met(self):
        return bool(self.held) and not self.failed

    @property
    def near(self):
        return len(self.failed) == 1 and bool(self.held)

    @property
    def slug(self):
        return self.definition.slug

    def reason(self):
        """Which conditions held and which did not: “meets 3 of 4; not coded: Duration”."""
        total = len(self.held) + len(self.failed)
        if self.met:
            return "; ".join(rule.describe() for rule in self.held)
        failures = "; ".join(
            (_("fails: %(condition)s") if recorded else _("not coded: %(variable)s"))
            % {"variable": rule.label(), "condition": rule.describe()}
            for rule, recorded in self.failed
        )
        return _("meets %(held)s of %(total)s; %(failures)s") % {
            "held": len(self.held),
            "total": total,
            "failures": failures,
        }


def criteria():
    """The definitions that count (the default language's), from the site cache."""

    def compute():
        found = Definition.objects.filter(locale=default_locale()).prefetch_related("conditions")
        return [
            Criterion(
                definition.slug,
                str(definition.translation_key),
                tuple(Rule.of(condition) for condition in definition.conditions.all()),
            )
            for definition in found
        ]

    return sitecache.cached(None, "criteria", compute, per_language=False, reference=True)


def localized_definitions():
    """{translation key: Definition} in the visitor's language, else the default one."""

    def compute():
        active, default = active_locale(), default_locale()
        found = {}
        for definition in Definition.objects.filter(
            locale__in={active.pk, default.pk}
        ).select_related("locale"):
            definition.language = definition.locale.language_code  # marked when it differs
            key = str(definition.translation_key)
            if key not in found or definition.locale_id == active.pk:
                found[key] = definition
        return found

    return sitecache.cached(None, "criteria-localized", compute, reference=True)


def localized_by_slug():
    definitions = localized_definitions()
    return {c.slug: definitions[c.translation_key] for c in criteria()}


def labels():
    """slug -> name in the visitor's language, for the facets."""
    definitions = localized_definitions()
    return {c.slug: definitions[c.translation_key].name for c in criteria()}


@dataclass(frozen=True)
class CodebookTerm:
    slug: str
    name: str
    description: str


def codebook_terms():
    """Each definition as the codebook lists it: its words, its conditions and its source."""
    definitions = localized_definitions()
    terms = []
    for criterion in criteria():
        definition = definitions[criterion.translation_key]
        conditions = "; ".join(rule.describe() for rule in criterion.rules)
        parts = [definition.description, _("Conditions: %(list)s.") % {"list": conditions}]
        if definition.source:
            parts.append(_("Source: %(source)s.") % {"source": definition.source})
        terms.append(CodebookTerm(criterion.slug, definition.name, " ".join(map(str, parts))))
    return terms


def coding_of_page(page, many=None):
    """{variable: set of slugs or a number} of an experience; `many` gives the terms of the
    variables of several values when the caller already read them."""
    coding = {}
    for variable in CODED_VARIABLES:
        if variable.many:
            terms = (
                many[variable.field] if many is not None else getattr(page, variable.field).all()
            )
            coding[variable.field] = {term.slug for term in terms}
        else:
            term = getattr(page, variable.field)
            coding[variable.field] = {term.slug} if term else set()
    for field in NUMBERS:
        coding[field] = getattr(page, field)
    return coding


def coding_of_document(doc, page):
    """The same from a search document's coded facets and the page's numbers."""
    coding = {variable.field: set(doc[variable.param]) for variable in CODED_VARIABLES}
    for field in NUMBERS:
        coding[field] = getattr(page, field)
    return coding


def met_slugs(coding):
    return [c.slug for c in criteria() if c.rules and all(r.holds(coding) for r in c.rules)]


def outcomes(coding):
    """Every definition with how the coding fares, in the visitor's language."""
    definitions = localized_definitions()
    found = []
    for criterion in criteria():
        held, failed = [], []
        for rule in criterion.rules:
            result = rule.holds(coding)
            if result:
                held.append(rule)
            else:
                failed.append((rule, result is not None))
        found.append(Outcome(definitions[criterion.translation_key], held, failed))
    return found


# --- the shipped definitions ---------------------------------------------------------------


def load_definitions(locale, others, translate):
    """Create the definitions of DEFINITIONS_FILE that are missing (an edited one is kept),
    translated into `others`; returns how many were created."""
    created = 0
    with DEFINITIONS_FILE.open(encoding="utf-8") as stream:
        rows = json.load(stream)
    language = locale.language_code
    for order, row in enumerate(rows):
        definition = Definition.objects.filter(slug=row["slug"], locale=locale).first()
        if definition is None:
            definition = Definition(
                slug=row["slug"],
                locale=locale,
                sort_order=order * 10,
                source_url=row.get("source_url", ""),
                **{field: row[field][language] for field in ("name", "description", "source")},
            )
            for condition in row["conditions"]:
                definition.conditions.add(
                    DefinitionCondition(
                        variable=condition["variable"],
                        operator=condition["operator"],
                        values=", ".join(str(value) for value in condition["values"]),
                    )
                )
            for condition in definition.conditions.all():
                condition.full_clean(exclude=["definition"])
            definition.save()
            created += 1
        for other in others:
            if not definition.has_translation(other):
                strings = {
                    row[field][language]: row[field][other.language_code]
                    for field in ("name", "description", "source")
                }
                translate(definition, other, strings)
                created += 1
    return created
