"""The laws, decrees, charters and constitutions that give experiences their legal basis.

A framework is a translatable snippet: its title is translated, while its facts (country,
level, kind, year, whether it binds, its link and its title in its own language) are those of
the source in every language."""

import copy
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import sitecache
from core.i18n import validate_language_tag
from core.locales import active_locale, default_locale


class FrameworkKind(models.TextChoices):
    CONSTITUTION = "constitution", _("Constitution")
    LAW = "law", _("Law")
    DECREE = "decree", _("Decree")
    ORDINANCE = "ordinance", _("Municipal ordinance")
    CHARTER = "charter", _("Charter")


class FrameworkLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LOCAL = "local", _("Local")


class LegalFramework(TranslatableMixin, models.Model):
    """A legal text that requires, allows or regulates participation in a country or a part
    of it."""

    identifier = models.SlugField(
        max_length=80,
        verbose_name=_("identifier"),
        help_text=_(
            "Short and stable, the same in every language: the value of the open data's "
            "legal_frameworks column, for example pe-ley-28056."
        ),
    )
    title = models.CharField(
        max_length=255,
        verbose_name=_("title"),
        help_text=_("The title in this language."),
    )
    original_title = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("original title"),
        help_text=_("The official title, in the language it was enacted in."),
    )
    original_language = models.CharField(
        max_length=20,
        blank=True,
        verbose_name=_("language of the original title"),
        help_text=_("Its language code, for example es, pt or de."),
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="legal_frameworks",
        verbose_name=_("country"),
    )
    subdivision = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("subdivision"),
        help_text=_(
            "Where it applies when not to the whole country: an ISO 3166-2 code such as "
            "GB-SCT, or the name of the region or city."
        ),
    )
    level = models.CharField(max_length=20, choices=FrameworkLevel.choices, verbose_name=_("level"))
    kind = models.CharField(max_length=20, choices=FrameworkKind.choices, verbose_name=_("kind"))
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1700)],
        verbose_name=_("year"),
        help_text=_("The year it was enacted."),
    )
    binding = models.BooleanField(
        default=True,
        verbose_name=_("binding"),
        help_text=_("Whether it obliges the authorities, or only allows or recommends."),
    )
    url = models.URLField(
        blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        verbose_name=_("link"),
        help_text=_("Where the official text can be read."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("identifier"),
        MultiFieldPanel(
            [FieldPanel("original_title"), FieldPanel("original_language")],
            heading=_("In its own language"),
        ),
        FieldRowPanel([FieldPanel("country"), FieldPanel("subdivision")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("binding")]),
        FieldPanel("url"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "identifier",
                "original_title",
                "original_language",
                "country",
                "subdivision",
                "level",
                "kind",
                "year",
                "binding",
                "url",
            )
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legal framework")
        verbose_name_plural = _("legal frameworks")
        ordering = ["-binding", "year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "locale"],
                name="legal_unique_identifier_per_locale",
                violation_error_message=_("Another legal framework already uses this identifier."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    @classmethod
    def cached(cls, pk):
        """A framework by primary key from the site cache: an experience page reads its own
        without a query (see ExperiencePage._terms)."""
        rows = sitecache.cached(
            None,
            "legal-frameworks",
            lambda: {row.pk: row for row in cls.objects.all()},
            per_language=False,
            reference=True,
        )
        return rows.get(pk)

    @classmethod
    def cached_translations(cls, locale_id):
        """The frameworks of one language by translation key, from the site cache."""
        return sitecache.cached(
            None,
            f"legal-framework-translations:{locale_id}",
            lambda: {row.translation_key: row for row in cls.objects.filter(locale_id=locale_id)},
            per_language=False,
            reference=True,
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.year and self.year > datetime.date.today().year:
            errors["year"] = _("A framework cannot be enacted in the future.")
        if self.original_language:
            try:
                validate_language_tag(self.original_language)
            except ValidationError as error:
                errors["original_language"] = error
        # The form leaves the locale out, so Django would not check this constraint itself.
        if (
            self.identifier
            and self.locale_id
            and LegalFramework.objects.filter(identifier=self.identifier, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["identifier"] = _("Another legal framework already uses this identifier.")
        if self.original_title and not self.original_language:
            errors["original_language"] = _("Say which language the original title is in.")
        if errors:
            raise ValidationError(errors)


def localized(frameworks):
    """The given frameworks in the visitor's language where translated, each once, binding ones
    first; from the site cache. An untranslated title says its language (`title_lang`)."""
    frameworks = list(frameworks)
    if not frameworks:
        return []
    active, source = active_locale(), default_locale()
    translated = LegalFramework.cached_translations(active.pk)
    # A framework sent to translation is copied with the source's words until a translator
    # translates it: those words still say their language.
    originals = LegalFramework.cached_translations(source.pk) if active != source else {}
    languages = sitecache.cached(
        None,
        "locale-codes",
        lambda: dict(Locale.objects.values_list("pk", "language_code")),
        per_language=False,
        reference=True,
    )
    shown = {}
    for framework in frameworks:
        key = framework.translation_key
        if key not in shown:
            shown[key] = copy.copy(translated.get(key, framework))  # cached rows stay as they are
            own = shown[key].locale_id == active.pk
            shown[key].title_lang = "" if own else languages.get(shown[key].locale_id, "")
            original = originals.get(key)
            if own and original is not None and original.title == shown[key].title:
                shown[key].title_lang = source.language_code
    return sorted(shown.values(), key=lambda item: (not item.binding, item.year, item.title))


def for_country(country):
    """A country's frameworks, each once, in the visitor's language where translated."""
    return localized(LegalFramework.objects.filter(country=country))
