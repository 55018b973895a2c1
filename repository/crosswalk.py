"""The crosswalk: identifiers of the same case in other databases (Participedia, LATINNO...),
so a researcher can join this repository with theirs. The databases, with the shape of their
identifiers and the address of a case, are data (data/case_databases.json)."""

import json
import re
from pathlib import Path
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core import sitecache

DATABASES_FILE = Path(__file__).with_name("data") / "case_databases.json"


class CaseDatabase(models.Model):
    """Another database of participatory processes whose identifiers we record."""

    slug = models.SlugField(max_length=40, unique=True, verbose_name=_("slug"))
    name_en = models.CharField(max_length=150, verbose_name=_("English name"))
    name_fr = models.CharField(max_length=150, verbose_name=_("French name"))
    name_es = models.CharField(max_length=150, verbose_name=_("Spanish name"))
    website = models.URLField(verbose_name=_("website"))
    link_pattern = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("address of a case"),
        help_text=_("With {id} where the identifier goes; empty when cases have no address."),
    )
    identifier_pattern = models.CharField(
        max_length=200,
        verbose_name=_("shape of an identifier"),
        help_text=_("A regular expression an identifier must match whole, e.g. [0-9]+"),
    )
    identifier_example = models.CharField(
        max_length=60, blank=True, verbose_name=_("example of an identifier")
    )
    sort_order = models.IntegerField(default=0, verbose_name=_("order"))

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr"), FieldPanel("name_es")]),
        FieldPanel("website"),
        FieldPanel("link_pattern"),
        FieldRowPanel([FieldPanel("identifier_pattern"), FieldPanel("identifier_example")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("case database")
        verbose_name_plural = _("case databases")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return getattr(self, f"name_{(get_language() or 'en')[:2]}", "") or self.name_en

    def clean(self):
        try:
            re.compile(self.identifier_pattern)
        except re.error as error:
            raise ValidationError({"identifier_pattern": str(error)}) from error
        if self.link_pattern and "{id}" not in self.link_pattern:
            raise ValidationError({"link_pattern": _("Put {id} where the identifier goes.")})

    def accepts(self, identifier):
        try:
            return re.fullmatch(self.identifier_pattern, identifier) is not None
        except re.error:
            return False

    def link(self, identifier):
        if not self.link_pattern:
            return ""
        return self.link_pattern.replace("{id}", quote(identifier, safe=""))

    def refusal(self, identifier):
        """Why `identifier` is not one of this database's, or None."""
        if self.accepts(identifier):
            return None
        values = {"identifier": identifier[:60], "database": self.name}
        if self.identifier_example:
            return _(
                "“%(identifier)s” is not an identifier of %(database)s (e.g. %(example)s)."
            ) % {
                **values,
                "example": self.identifier_example,
            }
        return _("“%(identifier)s” is not an identifier of %(database)s.") % values

    @classmethod
    def cached(cls):
        """{slug: database} from the site cache: a short list that rarely changes."""
        return sitecache.cached(
            None,
            "case-databases",
            lambda: {d.slug: d for d in cls.objects.all()},
            per_language=False,
            reference=True,
        )


class ExperienceCrosswalk(Orderable):
    """The identifier of an experience in another database."""

    page = ParentalKey(
        "repository.ExperiencePage", on_delete=models.CASCADE, related_name="crosswalk"
    )
    database = models.ForeignKey(
        CaseDatabase, on_delete=models.PROTECT, related_name="+", verbose_name=_("database")
    )
    identifier = models.CharField(max_length=100, verbose_name=_("identifier"))

    panels = [FieldRowPanel([FieldPanel("database"), FieldPanel("identifier")])]

    class Meta(Orderable.Meta):
        verbose_name = _("identifier in another database")
        verbose_name_plural = _("identifiers in other databases")

    def __str__(self):
        return f"{self.database.slug}:{self.identifier}"

    def clean(self):
        self.identifier = self.identifier.strip()
        if self.database_id and (reason := self.database.refusal(self.identifier)):
            raise ValidationError({"identifier": reason})

    @property
    def url(self):
        return self.database.link(self.identifier)


def load_databases():
    """Create the databases of DATABASES_FILE that are missing (an edited one is kept)."""
    rows = json.loads(DATABASES_FILE.read_text(encoding="utf-8"))
    created = 0
    for order, row in enumerate(rows):
        fields = {key: value for key, value in row.items() if not key.startswith("_")}
        _database, new = CaseDatabase.objects.get_or_create(
            slug=fields.pop("slug"), defaults={**fields, "sort_order": order * 10}
        )
        created += new
    return created


def parse(value):
    """[(database slug, identifier)] from an export cell "participedia:5012; latinno:…"."""
    pairs = []
    for item in value if isinstance(value, list) else str(value or "").split(";"):
        item = str(item).strip()
        if not item:
            continue
        database, sep, identifier = item.partition(":")
        if not sep or not identifier.strip():
            raise ValueError(_("“%(item)s” is not database:identifier") % {"item": item[:60]})
        pairs.append((database.strip(), identifier.strip()))
    return pairs


def cell(page):
    return [f"{row.database.slug}:{row.identifier}" for row in page.crosswalk.all()]
