"""Import and export of experiences as CSV or JSON, described by a codebook.

The codebook is the single description of the open-data format: the export writes its
columns, the importer reads them back, and visitors download it beside the data."""

import contextlib
import csv
import io
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.db.models import CharField, IntegerField, Prefetch, Q, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.models import get_all_child_relations

from core import sitecache
from core.bulk import publish_changed_pages, publish_new_pages, reserve_slugs, validate_page
from core.deferral import side_effects_deferred
from core.progress import Progress
from legal.models import LegalFramework
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic

from . import criteria, crosswalk
from .coding import CODED_BY_FIELD, CODED_VARIABLES, MANY_CODED, SINGLE_CODED
from .models import (
    ExperienceOrganisation,
    ExperiencePage,
    ExperiencePageKeyword,
    public_organisations,
)

LIST_SEPARATOR = ";"
# Experiences written on this site have no external id; the export names them by the
# translation key they share with their translations, and the importer knows it again.
OWN_ID_PREFIX = "iopd:"
TRUE_WORDS = {"true", "yes", "1", "y", "oui", "si", "sí", "vrai", "verdadero"}
FALSE_WORDS = {"false", "no", "0", "n", "non", "faux", "falso"}


# The types of the codebook as the codebook page names them; the files keep the identifiers.
KINDS = {
    "text": pgettext_lazy("data type", "text"),
    "code": pgettext_lazy("data type", "code"),
    "decimal": pgettext_lazy("data type", "decimal number"),
    "integer": pgettext_lazy("data type", "whole number"),
    "boolean": pgettext_lazy("data type", "true or false"),
    "list": pgettext_lazy("data type", "list"),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: str
    allowed: str = ""
    importable: bool = True

    @property
    def kind_label(self):
        return KINDS[self.kind]


def _allowed_values():
    """{kind: [(order, value)]}: every vocabulary's slugs, the frameworks' identifiers and the
    databases' slugs, read in one query (a query each cost the codebook page 26) and kept in
    the site cache, which any change to these rows renews."""

    def read():
        text, number = CharField(), IntegerField()
        models = {GovernmentLevel, Topic, Mechanism, TargetGroup}
        models |= {variable.model for variable in CODED_VARIABLES}
        parts = [
            model.objects.order_by().values_list(
                Value(model._meta.label_lower, text), "slug", Value(0, number)
            )
            for model in sorted(models, key=lambda model: model._meta.label_lower)
        ]
        parts.append(
            LegalFramework.objects.order_by().values_list(
                Value("legal_frameworks", text), "identifier", Value(0, number)
            )
        )
        parts.append(
            crosswalk.CaseDatabase.objects.order_by().values_list(
                Value("crosswalk", text), "slug", "sort_order"
            )
        )
        found = {}
        for kind, value, order in parts[0].union(*parts[1:], all=True):
            found.setdefault(kind, []).append((order, value))
        return found

    return sitecache.cached(None, "codebook-values", read, per_language=False, reference=True)


def _values(kind, allowed, ordered=False):
    found = allowed.get(kind, [])
    if ordered:  # in the rows' own order (the databases')
        return ", ".join(value for _order, value in sorted(found))
    return ", ".join(sorted({value for _order, value in found}))


def _slugs(model, allowed):
    return _values(model._meta.label_lower, allowed)


def codebook():
    """The columns of the open-data files: name, type, meaning and allowed values."""
    allowed = _allowed_values()
    return [
        Column(
            "external_id",
            "text",
            _(
                "Stable identifier of the experience; re-importing a row "
                "with the same identifier updates it."
            ),
            _("up to 100 characters; required"),
        ),
        Column("title", "text", _("Name of the experience."), _("required")),
        Column(
            "summary",
            "text",
            _("Two or three sentences describing it."),
            _("up to 500 characters; required"),
        ),
        Column(
            "country",
            "code",
            _("Country where it takes place."),
            _("ISO 3166-1 alpha-2 code, e.g. BR"),
        ),
        Column("place", "text", _("City or region."), _("up to 200 characters")),
        Column("latitude", "decimal", _("Latitude of the place."), _("-90 to 90")),
        Column("longitude", "decimal", _("Longitude of the place."), _("-180 to 180")),
        Column(
            "government_level",
            "code",
            _("Government that runs it."),
            _slugs(GovernmentLevel, allowed),
        ),
        Column("start_year", "integer", _("Year it started."), _("1900 or later")),
        Column(
            "end_year",
            "integer",
            _("Year it ended; empty while ongoing."),
            _("not before start_year"),
        ),
        Column("ongoing", "boolean", _("Whether it is still running."), "true, false"),
        Column("population", "integer", _("Inhabitants it is open to."), _("0 or more")),
        Column(
            "budget_amount", "decimal", _("Budget decided or spent per cycle."), _("more than 0")
        ),
        Column(
            "budget_currency",
            "code",
            _("Currency of the budget."),
            _("ISO 4217 code, e.g. EUR; required with an amount"),
        ),
        Column("topics", "list", _("Topics, separated by semicolons."), _slugs(Topic, allowed)),
        Column(
            "mechanisms",
            "list",
            _("Participation mechanisms, separated by semicolons."),
            _slugs(Mechanism, allowed),
        ),
        Column(
            "target_groups",
            "list",
            _("Target groups, separated by semicolons."),
            _slugs(TargetGroup, allowed),
        ),
        Column("keywords", "list", _("Free keywords, separated by semicolons."), ""),
        Column("organisations", "list", _("Organisations involved, separated by semicolons."), ""),
        # The research tier: empty where the sources do not say (unknown, not "none").
        *(
            Column(
                variable.field,
                "list" if variable.many else "code",
                variable.meaning,
                _slugs(variable.model, allowed),
            )
            for variable in CODED_VARIABLES
        ),
        Column(
            "legal_frameworks",
            "list",
            _(
                "Identifiers of the laws, decrees or charters it rests on, separated by "
                "semicolons; each is described on the page of its country."
            ),
            _values("legal_frameworks", allowed),
        ),
        Column(
            "participants",
            "integer",
            _("How many people took part, in one cycle when it repeats."),
            _("0 or more"),
        ),
        Column(
            "duration_days",
            "integer",
            _("Days from the first meeting or vote to the decision, in one cycle."),
            _("1 or more"),
        ),
        Column("evaluated_by", "text", _("Who evaluated it."), _("up to 200 characters")),
        Column(
            "evaluation_url",
            "text",
            _("Where the evaluation is published."),
            _("a web address starting with http:// or https://"),
        ),
        Column(
            "crosswalk",
            "list",
            _(
                "Identifiers of the same case in other databases, as database:identifier, "
                "separated by semicolons."
            ),
            _values("crosswalk", allowed, ordered=True),
        ),
        Column(
            "badges",
            "list",
            _(
                "Inclusion criteria its coded values meet, separated by semicolons; computed "
                "from the coding, never typed in."
            ),
            ", ".join(criterion.slug for criterion in criteria.criteria()),
            False,
        ),
        Column(
            "language",
            "code",
            _(
                "Language of the texts. A row in another language is the translation of the "
                "experience with the same external_id: its title, summary and place are read; "
                "its other cells follow that experience and may be left empty."
            ),
            _("en, fr or es"),
        ),
        Column("url", "text", _("Address of the experience on this site."), "", False),
        Column(
            "last_published_at",
            "text",
            _("When the page was last published."),
            _("ISO 8601 date and time"),
            False,
        ),
    ]


def codebook_vocabularies():
    """(column, label, terms in the visitor's language) of every column whose values come from a
    vocabulary, in the codebook's order."""
    models = {
        "government_level": (GovernmentLevel, _("Government level")),
        "topics": (Topic, _("Topics")),
        "mechanisms": (Mechanism, _("Participation mechanisms")),
        "target_groups": (TargetGroup, _("Target groups")),
        **{variable.field: (variable.model, variable.label) for variable in CODED_VARIABLES},
    }
    found = [
        (column.name, models[column.name][1], models[column.name][0].cached_localized())
        for column in codebook()
        if column.name in models
    ]
    return [*found, ("badges", _("Inclusion criteria"), criteria.codebook_terms())]


# Export --------------------------------------------------------------------------------------


def export_rows(pages, request=None):
    """One dict per page, typed as the codebook says: numbers as Decimal or int, lists as
    lists, an empty value as None. `pages` must already be live and public."""
    pages = pages.select_related(
        "country", "government_level", "locale", *SINGLE_CODED
    ).prefetch_related(
        "topics",
        "mechanisms",
        "target_groups",
        *MANY_CODED,
        "legal_frameworks",
        "tagged_items__tag",
        "crosswalk__database",
        Prefetch("organisations", ExperienceOrganisation.objects.select_related("member")),
    )
    # In chunks, so that a large export never holds every page in memory at once.
    for page in pages.iterator(chunk_size=500):
        yield {
            "external_id": page.external_id or f"{OWN_ID_PREFIX}{page.translation_key}",
            "title": page.title,
            "summary": page.summary,
            "country": page.country.code if page.country else None,
            "place": page.place or None,
            "latitude": page.latitude,
            "longitude": page.longitude,
            "government_level": page.government_level.slug if page.government_level else None,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "ongoing": page.ongoing,
            "population": page.population,
            "budget_amount": page.budget_amount,
            "budget_currency": page.budget_currency or None,
            "topics": sorted(term.slug for term in page.topics.all()),
            "mechanisms": sorted(term.slug for term in page.mechanisms.all()),
            "target_groups": sorted(term.slug for term in page.target_groups.all()),
            "keywords": sorted(item.tag.name for item in page.tagged_items.all()),
            "organisations": [
                organisation.name for organisation in public_organisations(page.organisations.all())
            ],
            **coded_values(page),
            "legal_frameworks": sorted(item.identifier for item in page.legal_frameworks.all()),
            "participants": page.participants,
            "duration_days": page.duration_days,
            "evaluated_by": page.evaluated_by or None,
            "evaluation_url": page.evaluation_url or None,
            "crosswalk": crosswalk.cell(page),
            "badges": criteria.met_slugs(criteria.coding_of_page(page)),
            "language": page.locale.language_code,
            "url": page.get_full_url(request),
            "last_published_at": page.last_published_at.isoformat()
            if page.last_published_at
            else None,
        }


def coded_values(page):
    """The slugs of the page's coded variables: a sorted list, or one slug or None."""
    values = {}
    for variable in CODED_VARIABLES:
        if variable.many:
            terms = getattr(page, variable.field).all()
            values[variable.field] = sorted(term.slug for term in terms)
        else:
            term = getattr(page, variable.field)
            values[variable.field] = term.slug if term else None
    return values


def _decimal_text(value):
    return "" if value is None else format(value.normalize(), "f")


def _json_number(value):
    """A Decimal as a JSON number: an integer when it is whole, else the float whose shortest
    form is the same decimal (a latitude's 5 places, a budget's cents)."""
    if not isinstance(value, Decimal):
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return int(value) if value == value.to_integral_value() else float(value)


# A spreadsheet runs a cell that starts with one of these as a formula; an apostrophe in front
# makes it text. The importer removes that apostrophe again, so a round trip is exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defuse(text):
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _restore(text):
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _cell(value):
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(_defuse(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, str):
        # Numbers travel as text too ("-30.03"), and are left as they are.
        return value if _is_number(value) else _defuse(value)
    return "" if value is None else value


def _is_number(text):
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


class _Echo:
    """A file-like object whose write() hands the text back, so csv can feed a stream."""

    def write(self, text):
        return text


def csv_chunks(rows):
    names = [column.name for column in codebook()]
    writer = csv.DictWriter(_Echo(), fieldnames=names, lineterminator="\n")
    yield writer.writeheader()
    for row in rows:
        yield writer.writerow({name: _cell(row[name]) for name in names})


def json_chunks(rows):
    yield '{"experiences": ['
    for number, row in enumerate(rows):
        yield (",\n" if number else "\n") + json.dumps(
            row, ensure_ascii=False, default=_json_number
        )
    yield "\n]}\n"


def write_csv(rows, stream):
    stream.writelines(csv_chunks(rows))


def write_json(rows, stream):
    stream.writelines(json_chunks(rows))


def write_codebook_csv(stream):
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["field", "type", "meaning", "allowed_values", "importable"])
    for column in codebook():
        writer.writerow(
            [column.name, column.kind, str(column.meaning), str(column.allowed), column.importable]
        )


# Import --------------------------------------------------------------------------------------


class RowError(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # (line, message)

    @property
    def ok(self):
        return not self.errors


def read_rows(data, name):
    """(line or record number, dict of strings or lists) from CSV or JSON text."""
    if name.lower().endswith(".json"):
        try:
            payload = json.loads(data)
        except json.JSONDecodeError as error:
            raise RowError([f"not valid JSON: {error}"]) from error
        records = payload.get("experiences") if isinstance(payload, dict) else payload
        if not isinstance(records, list):
            raise RowError(['expected a list of experiences, or {"experiences": [...]}'])
        return [(number, record) for number, record in enumerate(records, start=1)]
    reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
    try:
        if not reader.fieldnames or "external_id" not in reader.fieldnames:
            raise RowError(["the first line must name the columns, including external_id"])
        known = {column.name for column in codebook()}
        unknown = [name for name in reader.fieldnames if name not in known]
        if unknown:
            raise RowError([f"unknown columns: {', '.join(unknown)} (see the codebook)"])
        rows = []
        for row in reader:
            # A short or long row means a missing or unquoted separator: its cells would land
            # in the wrong columns, so the row is refused rather than guessed.
            if None in row or None in row.values():
                row = {"__shape__": "the number of cells does not match the header"}
            rows.append((reader.line_num, row))
        return rows
    except csv.Error as error:
        raise RowError([f"line {reader.line_num}: {error}"]) from error


class TermLookup:
    """Finds a term by slug or by its name in any language; answers the default-language term."""

    def __init__(self, model, locale):
        by_key = {term.translation_key: term for term in model.objects.filter(locale=locale)}
        self.terms = {}
        for term in model.objects.all():
            canonical = by_key.get(term.translation_key)
            if canonical is not None:
                self.terms.setdefault(term.slug.casefold(), canonical)
                self.terms.setdefault(term.name.casefold(), canonical)

    def find(self, value):
        return self.terms.get(value.strip().casefold())


# Tabs and line breaks are text; other control characters (NUL above all, which PostgreSQL
# refuses) are left-overs of a broken export.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _plain(value):
    """The text of one value read from a file: a string or a number, never a JSON object,
    list or true/false written where text belongs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ValueError(_("must be text, not true or false"))
    if isinstance(value, dict | list):
        raise ValueError(_("must be text, not an object"))
    text = str(value)
    if control := CONTROL.search(text):
        raise ValueError(
            _("contains a control character (U+%(code)s)") % {"code": f"{ord(control[0]):04X}"}
        )
    return text


def _text(raw, name, limit, required=False):
    value = _restore(_plain(raw.get(name)).strip())
    if required and not value:
        raise ValueError(_("is required"))
    if len(value) > limit:
        raise ValueError(_("is longer than %(limit)s characters") % {"limit": limit})
    return value


def _integer(value):
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError as error:
        raise ValueError(_("“%(value)s” is not a whole number") % {"value": value}) from error
    if number < 0:
        raise ValueError(_("cannot be negative"))
    return number


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as error:
        raise ValueError(_("“%(value)s” is not a number") % {"value": value}) from error
    # Infinity, NaN and absurd exponents are numbers to Decimal but not to anyone else.
    if not number.is_finite() or abs(number.adjusted()) > 15:
        raise ValueError(_("“%(value)s” is not a number") % {"value": value})
    return number


def _url(value):
    text = _plain(value).strip()
    if not text:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError as error:
        raise ValueError(_("“%(value)s” is not a web address") % {"value": text[:80]}) from error
    if len(text) > 200:
        raise ValueError(_("is longer than %(limit)s characters") % {"limit": 200})
    return text


def _boolean(value):
    if isinstance(value, bool) or value is None:
        return value
    word = str(value).strip().casefold()
    if not word:
        return None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(_("“%(value)s” is neither true nor false") % {"value": value})


def _list(value):
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else _plain(value).split(LIST_SEPARATOR)
    items = [_plain(item).strip() for item in items]
    return [_restore(item) for item in items if item]


# Rows are committed in batches of at most BATCH_ROWS rows, sized from the rate of the batch
# before to take about BATCH_SECONDS: a visitor or an editor who writes meanwhile waits for one
# batch at most (SQLite has a single writer), and a failure keeps the batches already committed.
BATCH_ROWS = 200
BATCH_SECONDS = 1.0
FIRST_BATCH = 20  # before any rate is known
# SQLite keeps no queue for its write lock: a waiting writer polls it, sleeping up to 100 ms
# between tries, and would rarely find the moment between two batches free. A pause that
# long after each batch gives it its turn.
SQLITE_PAUSE = 0.1


class ExperienceImporter:
    def __init__(
        self, parent, dry_run=False, progress_stream=None, batch_size=BATCH_ROWS, publish=False
    ):
        self.parent = parent
        self.locale = parent.locale
        self.dry_run = dry_run
        self.publish = publish  # translations: published, or drafts for review
        self.progress_stream = progress_stream
        self.batch_size = max(1, batch_size)
        self.lookups = {
            "topics": TermLookup(Topic, self.locale),
            "mechanisms": TermLookup(Mechanism, self.locale),
            "target_groups": TermLookup(TargetGroup, self.locale),
            "government_level": TermLookup(GovernmentLevel, self.locale),
            **{
                variable.field: TermLookup(variable.model, self.locale)
                for variable in CODED_VARIABLES
            },
        }
        self.countries = {country.code: country for country in Country.objects.all()}
        # Identifiers are the same in every language; the repository's own rows are linked.
        self.frameworks = {
            framework.identifier: framework
            for framework in LegalFramework.objects.filter(locale=self.locale)
        }
        self.currencies = {currency.alpha_3 for currency in pycountry.currencies}
        self.tags = {}
        self.sources_in_file = set()  # external ids of good rows in the repository's language

    def run(self, rows):
        """Rows in the repository's language first, then translations, whose sources they
        need, each in batches committed one after the other."""
        from .translation_import import TranslationImporter

        report = ImportReport()
        progress = Progress(len(rows), "Importing", stream=self.progress_stream)
        sources, translations = [], []
        for line, raw in rows:
            language = str(raw.get("language") or "").strip() if isinstance(raw, dict) else ""
            (translations if language not in ("", self.locale.language_code) else sources).append(
                (line, raw)
            )
        seen = set()
        parts = ((sources, self._batch), (translations, TranslationImporter(self).batch))
        for part, import_batch in parts:
            position, size = 0, min(FIRST_BATCH, self.batch_size)
            while position < len(part):
                started = time.monotonic()
                with transaction.atomic():
                    with side_effects_deferred():
                        end = import_batch(part[position : position + size], position, report, seen)
                    if self.dry_run:
                        transaction.set_rollback(True)
                rate = (end - position) / max(time.monotonic() - started, 1e-3)
                size = max(1, min(self.batch_size, int(rate * BATCH_SECONDS)))
                progress.advance(end - position)  # rows done, their batch committed
                position = end
                if connection.vendor == "sqlite" and position < len(part):
                    time.sleep(SQLITE_PAUSE)
        return report

    def _batch(self, batch, start, report, seen):
        """Import the rows of `batch` (the first at `start`), or as many as can be read in the
        batch's time; returns where the next batch begins."""
        started = time.monotonic()
        existing = self._existing(raw for _line, raw in batch)
        new, changed = [], []  # (line, page): written together at the end of the batch
        for line, raw in batch:
            start += 1
            try:
                if not isinstance(raw, dict):
                    raise RowError([str(_("a record must be an object with named fields"))])
                if "__shape__" in raw:
                    raise RowError([raw["__shape__"]])
                outcome, page = self.import_row(raw, seen, existing)
                if outcome == "unchanged":
                    report.unchanged += 1
                    self.sources_in_file.add(str(raw["external_id"]).strip())
                else:
                    (new if outcome == "created" else changed).append((line, page))
            except RowError as error:
                report.errors.extend((line, message) for message in error.messages)
            if time.monotonic() - started > BATCH_SECONDS:
                break
        reserve_slugs(self.parent, [page for _line, page in new])
        new, changed = self._valid(new, report), self._valid(changed, report)
        self.sources_in_file.update(page.external_id for page in new + changed)
        publish_new_pages(self.parent, new)
        publish_changed_pages(changed)
        report.created += len(new)
        report.updated += len(changed)
        return start

    def _valid(self, pages, report):
        valid = []
        for line, page in pages:
            try:
                validate_page(page)
                valid.append(page)
            except ValidationError as error:
                report.errors.extend((line, message) for message in _messages(error))
        return valid

    def clean(self, raw):
        """The typed values of a row, or RowError listing every problem with its column."""
        values, errors = {}, []
        readers = {
            "external_id": lambda: _text(raw, "external_id", 100, required=True),
            "title": lambda: _text(raw, "title", 255, required=True),
            "summary": lambda: _text(raw, "summary", 500, required=True),
            "place": lambda: _text(raw, "place", 200),
            "latitude": lambda: _decimal(raw.get("latitude")),
            "longitude": lambda: _decimal(raw.get("longitude")),
            "start_year": lambda: _integer(raw.get("start_year")),
            "end_year": lambda: _integer(raw.get("end_year")),
            "population": lambda: _integer(raw.get("population")),
            "budget_amount": lambda: _decimal(raw.get("budget_amount")),
            "ongoing": lambda: _boolean(raw.get("ongoing")),
            "country": lambda: self._country(raw.get("country")),
            "budget_currency": lambda: self._currency(raw.get("budget_currency")),
            "government_level": lambda: self._level(raw.get("government_level")),
            "topics": lambda: self._terms("topics", raw.get("topics")),
            "mechanisms": lambda: self._terms("mechanisms", raw.get("mechanisms")),
            "target_groups": lambda: self._terms("target_groups", raw.get("target_groups")),
            "keywords": lambda: sorted({keyword[:100] for keyword in _list(raw.get("keywords"))}),
            "organisations": lambda: [name[:200] for name in _list(raw.get("organisations"))],
            **{
                variable.field: (
                    lambda field=variable.field: (
                        self._terms(field, raw.get(field))
                        if CODED_BY_FIELD[field].many
                        else self._code(field, raw.get(field))
                    )
                )
                for variable in CODED_VARIABLES
            },
            "legal_frameworks": lambda: self._frameworks(raw.get("legal_frameworks")),
            "participants": lambda: _integer(raw.get("participants")),
            "duration_days": lambda: _integer(raw.get("duration_days")),
            "evaluated_by": lambda: _text(raw, "evaluated_by", 200),
            "evaluation_url": lambda: _url(raw.get("evaluation_url")),
            "crosswalk": lambda: self._crosswalk(raw.get("crosswalk")),
        }
        for name, read in readers.items():
            if name not in raw and name not in ("external_id", "title", "summary"):
                continue  # a column left out of the file leaves the field as it is
            try:
                values[name] = read()
            except ValueError as error:
                errors.append(f"{name}: {error}")
        if values.get("ongoing") is None:
            values.pop("ongoing", None)
            if "end_year" in values:
                values["ongoing"] = values["end_year"] is None
        if errors:
            raise RowError(errors)
        return values

    def _country(self, value):
        code = str(value or "").strip().upper()
        if not code:
            return None
        if code not in self.countries:
            raise ValueError(_("“%(value)s” is not an ISO 3166-1 alpha-2 code") % {"value": code})
        return self.countries[code]

    def _currency(self, value):
        code = str(value or "").strip().upper()
        if code and code not in self.currencies:
            raise ValueError(_("“%(value)s” is not an ISO 4217 currency code") % {"value": code})
        return code

    def _level(self, value):
        if value in (None, ""):
            return None
        term = self.lookups["government_level"].find(str(value))
        if term is None:
            raise ValueError(_("unknown government level “%(value)s”") % {"value": value})
        return term

    def _code(self, name, value):
        if value in (None, ""):
            return None
        term = self.lookups[name].find(_plain(value))
        if term is None:
            raise ValueError(_("unknown value “%(value)s”") % {"value": value})
        return term

    def _crosswalk(self, value):
        """[(database, identifier)], each checked against its database's pattern."""
        databases, found, problems = crosswalk.CaseDatabase.cached(), [], []
        for slug, identifier in crosswalk.parse(_list(value)):
            database = databases.get(slug)
            if database is None:
                problems.append(_("unknown database “%(slug)s”") % {"slug": slug[:40]})
            elif reason := database.refusal(identifier):
                problems.append(str(reason))
            elif (slug, identifier) not in found:
                found.append((slug, identifier))
        if problems:
            raise ValueError("; ".join(str(problem) for problem in problems))
        return found

    def _frameworks(self, value):
        found, unknown = {}, []
        for item in _list(value):
            framework = self.frameworks.get(item.strip().lower())
            if framework is None:
                unknown.append(item)
            else:
                found[framework.identifier] = framework
        if unknown:
            raise ValueError(
                _("unknown legal frameworks: %(values)s") % {"values": ", ".join(unknown)}
            )
        return [found[identifier] for identifier in sorted(found)]

    def _terms(self, name, value):
        terms, unknown = [], []
        for item in _list(value):
            term = self.lookups[name].find(item)
            (terms if term else unknown).append(term or item)
        if unknown:
            raise ValueError(_("unknown values: %(values)s") % {"values": ", ".join(unknown)})
        return sorted({term.pk: term for term in terms}.values(), key=lambda term: term.slug)

    def import_row(self, raw, seen, existing):
        """("created" | "updated" | "unchanged", the page with the row's values in memory)."""
        values = self.clean(raw)
        if (values["external_id"], self.locale.language_code) in seen:
            raise RowError([str(_("external_id: appears twice in this file"))])
        seen.add((values["external_id"], self.locale.language_code))
        page, current = existing.get(values["external_id"], (None, None))
        if page is not None and not self._changes(current, values):
            return "unchanged", page
        if page is not None and (not page.live or page.has_unpublished_changes):
            # Importing would publish over an editor's withdrawal or unfinished draft.
            raise RowError(
                [
                    str(
                        _(
                            "external_id: the experience is unpublished or has a draft in "
                            "progress; publish or discard it in the admin, then import again"
                        )
                    )
                ]
            )
        outcome = "created" if page is None else "updated"
        if page is None:
            page = ExperiencePage(locale=self.locale)
        self._assign(page, values)
        return outcome, page

    def _existing(self, raws):
        """{external_id: (page, its exported row)} for the rows' experiences, in two queries
        and the prefetches of the export."""
        ids = {str(raw.get("external_id") or "").strip() for raw in raws if isinstance(raw, dict)}
        keys = set()
        for external_id in ids:
            if external_id.startswith(OWN_ID_PREFIX):
                with contextlib.suppress(ValueError):
                    keys.add(uuid.UUID(external_id.removeprefix(OWN_ID_PREFIX)))
        pages = ExperiencePage.objects.filter(locale=self.locale).filter(
            Q(external_id__in=ids) | Q(translation_key__in=keys)
        )
        # The revision written for a changed page serialises every child relation: read them
        # for the whole batch here, not three queries a page there.
        relations = [
            relation.get_accessor_name() for relation in get_all_child_relations(ExperiencePage)
        ]
        loaded = pages.order_by("pk").prefetch_related(*relations)
        found = {}
        for page, row in zip(loaded, export_rows(pages.order_by("pk")), strict=True):
            # Matched on external_id first, then on the key an export without one writes.
            if page.external_id:
                found[page.external_id] = (page, row)
            found.setdefault(f"{OWN_ID_PREFIX}{page.translation_key}", (page, row))
        return found

    def _tag(self, name):
        """The keyword's tag, looked up once per import rather than once per row."""
        if name not in self.tags:
            tags = ExperiencePageKeyword.tag_model().objects
            self.tags[name] = tags.filter(name=name).first() or tags.create(name=name)
        return self.tags[name]

    def _assign(self, page, values):
        for name, value in values.items():
            if name in ("topics", "mechanisms", "target_groups", "legal_frameworks", *MANY_CODED):
                setattr(page, name, value)
            elif name == "keywords":
                page.keywords.set([self._tag(keyword) for keyword in value])
            elif name == "organisations":
                page.organisations = _organisations(page, value)
            elif name == "crosswalk":
                databases = crosswalk.CaseDatabase.cached()
                page.crosswalk = [
                    crosswalk.ExperienceCrosswalk(database=databases[slug], identifier=identifier)
                    for slug, identifier in value
                ]
            else:
                setattr(page, name, value)

    def _changes(self, current, values):
        for name, value in values.items():
            if name in ("topics", "mechanisms", "target_groups", *MANY_CODED):
                new = sorted(term.slug for term in value)
            elif name == "crosswalk":
                new = [f"{slug}:{identifier}" for slug, identifier in value]
            elif name == "legal_frameworks":
                new = sorted(framework.identifier for framework in value)
            elif name in ("country", "government_level", *SINGLE_CODED):
                new = (value.code if name == "country" else value.slug) if value else None
            else:
                new = value
            # The export writes an empty value as None; the importer reads it as "" or None.
            if _or_none(current[name]) != _or_none(new):
                return True
        return False


def _organisations(page, names):
    """The file lists the organisations the export showed: those it could not show (members
    without consent) stay, and a name kept keeps its member link and website."""
    existing = list(page.organisations.all()) if page.pk else []
    shown = {organisation.name: organisation for organisation in existing if organisation.is_public}
    return [
        *(shown.get(name) or ExperienceOrganisation(name=name) for name in names),
        *(organisation for organisation in existing if not organisation.is_public),
    ]


def _messages(error):
    return [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]


def _or_none(value):
    return None if value == "" else value
