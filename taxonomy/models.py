"""The controlled vocabularies that classify experiences, reports and news.

Terms are translatable snippets: each language has its own name, description and synonyms,
while the slug is shared by all translations so that a filtered URL works in every language."""

import gettext
import re
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import sitecache
from core.locales import active_locale, default_locale
from core.text import fold


class TermQuerySet(models.QuerySet):
    def localized_terms(self):
        """One term per translation key, in the visitor's language where it is translated,
        else in the default language; in editorial order."""
        active, default = active_locale(), default_locale()
        terms = {}
        for term in self.filter(locale__in={active.pk, default.pk}):
            if term.translation_key not in terms or term.locale_id == active.pk:
                terms[term.translation_key] = term
        return sorted(terms.values(), key=lambda term: (term.sort_order, term.name.casefold()))


def localize_terms(terms):
    """The given terms in the visitor's language where translated, from the site cache."""
    terms = list(terms)
    if not terms:
        return []
    active = active_locale()
    if all(term.locale_id == active.pk for term in terms):
        return terms
    translations = type(terms[0]).cached_translations(active.pk)
    return [translations.get(term.translation_key, term) for term in terms]


class Term(index.Indexed, TranslatableMixin, models.Model):
    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120,
        allow_unicode=False,
        verbose_name=_("slug"),
        help_text=_("Used in addresses; the same in every language."),
    )
    description = models.TextField(blank=True, max_length=1000, verbose_name=_("description"))
    sort_order = models.IntegerField(default=0, verbose_name=_("order"))

    objects = TermQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="%(app_label)s_%(class)s_unique_slug_per_locale",
                violation_error_message=_("Another term of this list already uses this slug."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)

    @classmethod
    def cached(cls, pk):
        """A term by primary key from the site cache: vocabularies are small and rarely change."""
        terms = sitecache.cached(
            None,
            f"terms:{cls._meta.label_lower}",
            lambda: {term.pk: term for term in cls.objects.all()},
            per_language=False,
            reference=True,
        )
        return terms.get(pk)

    @classmethod
    def cached_localized(cls):
        """Every term of the vocabulary as `localized_terms()` gives them, from the site cache."""
        return sitecache.cached(
            None,
            f"localized-terms:{cls._meta.label_lower}",
            cls.objects.localized_terms,
            reference=True,
        )

    @classmethod
    def cached_translations(cls, locale_id):
        """The terms of one language by translation key, from the site cache."""
        return sitecache.cached(
            None,
            f"term-translations:{cls._meta.label_lower}:{locale_id}",
            lambda: {
                term.translation_key: term for term in cls.objects.filter(locale_id=locale_id)
            },
            per_language=False,
            reference=True,
        )


class Topic(Term):
    """What an experience is about: climate, gender, youth, legal frameworks, sortition..."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("broader topic"),
    )
    synonyms = models.TextField(
        blank=True,
        verbose_name=_("synonyms"),
        help_text=_("Other words for this topic in this language, separated by commas."),
    )

    panels = [*Term.panels, FieldPanel("parent"), FieldPanel("synonyms")]
    translatable_fields = [
        *Term.translatable_fields,
        TranslatableField("synonyms"),
        TranslatableField("parent"),
    ]

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A topic cannot be placed under itself.")})
            ancestor = ancestor.parent

    @property
    def synonym_list(self):
        return [word.strip() for word in self.synonyms.split(",") if word.strip()]

    def descendant_slugs(self):
        """This topic's slug and those of every narrower topic, for filtering."""
        from .tree import with_narrower  # the tree module reads this model

        return with_narrower([self.slug])


class Mechanism(Term):
    """How people take part: participatory budgeting, citizens' assembly, consultation..."""

    class Meta(Term.Meta):
        verbose_name = _("participation mechanism")
        verbose_name_plural = _("participation mechanisms")


class TargetGroup(Term):
    """Who an experience is meant for: youth, women, migrants, people with disabilities..."""

    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class GovernmentLevel(Term):
    """Which government runs an experience: municipal, metropolitan, regional, national..."""

    class Meta(Term.Meta):
        verbose_name = _("government level")
        verbose_name_plural = _("government levels")


class Code(Term):
    """A value of a coded variable of the research tier: its description is its definition,
    shown to editors as help and to researchers in the codebook."""

    class Meta(Term.Meta):
        abstract = True


class Purpose(Code):
    """What an experience is for: accountability, inclusion, social equality..."""

    class Meta(Code.Meta):
        verbose_name = _("purpose")
        verbose_name_plural = _("purposes")


class Means(Code):
    """How participants act: deliberation, direct vote, digital participation, representation."""

    class Meta(Code.Meta):
        verbose_name = _("means of participation")
        verbose_name_plural = _("means of participation")


class Recruitment(Code):
    """How participants come to take part: open to all, drawn by lot, invited, elected."""

    class Meta(Code.Meta):
        verbose_name = _("recruitment of participants")
        verbose_name_plural = _("recruitment of participants")


class DecisionPower(Code):
    """How far the participants decide: informs, consults, co-decides, decides."""

    class Meta(Code.Meta):
        verbose_name = _("decision power")
        verbose_name_plural = _("decision powers")


class CommissionerKind(Code):
    """Who commissioned an experience: a local, regional or national government, civil society..."""

    class Meta(Code.Meta):
        verbose_name = _("kind of commissioner")
        verbose_name_plural = _("kinds of commissioner")


class Evaluation(Code):
    """Whether and how an experience was evaluated."""

    class Meta(Code.Meta):
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")


class FundingSource(Code):
    """Where the money for an experience comes from."""

    class Meta(Code.Meta):
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")


class Frequency(Code):
    """How often an experience takes place: once, in periodic cycles, permanently."""

    class Meta(Code.Meta):
        verbose_name = _("frequency")
        verbose_name_plural = _("frequencies")


class WorldRegion(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    NORTHERN_AMERICA = "northern_america", _("Northern America")
    OCEANIA = "oceania", _("Oceania")


@lru_cache(maxsize=16)
def _iso3166_catalogue(language):
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@lru_cache(maxsize=16)
def _common_names(language):
    """CLDR's names of territories in `language` (through Babel): the short names people use,
    "South Korea" where ISO 3166 says "Korea, Republic of"."""
    try:
        return Locale.parse(to_locale(language)).territories
    except (UnknownLocaleError, ValueError):
        return {}


class Country(models.Model):
    """A country of ISO 3166-1, named in each language by CLDR's common name, else by the ISO
    catalogues."""

    code = models.CharField(max_length=2, unique=True, verbose_name=_("ISO code"))
    name_en = models.CharField(max_length=100, verbose_name=_("English name"))
    region = models.CharField(
        max_length=20, blank=True, choices=WorldRegion.choices, verbose_name=_("world region")
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        language = get_language() or "en"
        return _common_names(language).get(self.code) or _iso3166_catalogue(language).gettext(
            self.name_en
        )

    def names(self):
        """Every name the country goes by here: the visitor's, English common and ISO."""
        return {self.name, _common_names("en").get(self.code, ""), self.name_en} - {""}

    @classmethod
    def cached(cls, pk):
        """A country by primary key from the site cache: the table is small and rarely changes."""
        countries = sitecache.cached(
            None,
            "countries",
            lambda: {c.pk: c for c in cls.objects.all()},
            per_language=False,
            reference=True,
        )
        return countries.get(pk)

    @classmethod
    def sorted_for_display(cls, queryset=None):
        # Accents and case aside, as a reader looks a name up: "Équateur" between "Danemark"
        # and "Espagne", not after "Zambie".
        countries = queryset if queryset is not None else cls.objects.all()
        return sorted(countries, key=lambda country: fold(country.name))


def place_line(*parts, country=None):
    """ "Place, Country" from the parts that are filled in, naming the country once: not
    "Denmark, Denmark" when the place is the country itself, or already says which it is."""
    parts = [part for part in parts if part]
    if country is not None:
        said = " ".join(parts).casefold()
        if not any(
            re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", said)
            for name in country.names()
        ):
            parts.append(country.name)
    return ", ".join(parts)


class CountryIntroduction(TranslatableMixin, models.Model):
    """A short text heading the repository when visitors browse one country, one per language."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="introductions", verbose_name=_("country")
    )
    text = models.TextField(max_length=1000, verbose_name=_("introduction"))

    panels = [FieldPanel("country"), FieldPanel("text")]
    translatable_fields = [TranslatableField("text"), SynchronizedField("country")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country introduction")
        verbose_name_plural = _("country introductions")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "locale"], name="taxonomy_one_country_introduction_per_locale"
            )
        ]

    def __str__(self):
        return self.country.name

    @classmethod
    def for_country(cls, code):
        """The introduction in the visitor's language, else in the default language. `lang` is
        the language of its words when they are not the visitor's: the default language's text
        shown instead, or a copy sent to translation and not translated yet."""
        active, default = active_locale(), default_locale()
        found = {
            intro.locale_id: intro
            for intro in cls.objects.filter(country__code=code, locale__in=[active.pk, default.pk])
        }
        intro = found.get(active.pk) or found.get(default.pk)
        if intro is not None:
            source = found.get(default.pk)
            foreign = active != default and source is not None and source.text == intro.text
            intro.lang = default.language_code if foreign else ""
        return intro


def country_choices():
    """Every country as (ISO code, name), in the visitor's language and alphabetical order."""
    countries = sorted(Country.objects.all(), key=lambda country: country.name)
    return [("", "—"), *((country.code, country.name) for country in countries)]
