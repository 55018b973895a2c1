"""The Best Practice Award: an edition page per year with its call, criteria, timeline and
jury; the candidacies members send with their experiences, the jury's scores and the results.

Candidacies, scores and conflicts hang on the edition in the default language (its source):
every language's page is the same edition. They are never on a public surface except what
publishing the results makes public (winners and special mentions)."""

import datetime
from types import SimpleNamespace

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import seo
from core.locales import default_locale, in_default_language
from core.models import BasePage, SectionIndexPage
from editorial.roles import JURY

SCORE_MAX = 10


class AwardIndexPage(RoutablePageMixin, SectionIndexPage):
    """The award's front page in one language: its editions, the newest first, and the feed
    of their results."""

    changes_with_clock = True  # each edition's status

    subpage_types = ["award.AwardEditionPage"]
    max_count_per_parent = 1
    cached_subpaths = ("feed/rss/", "feed/atom/")

    class Meta:
        verbose_name = _("award index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(AwardEditionPage.objects.live().public().child_of(self).order_by("-year"))
        # Each edition's status needs to know whether its results are out: one query for all.
        sources = dict(
            AwardEditionPage.objects.filter(
                locale=default_locale(),
                translation_key__in=[edition.translation_key for edition in editions],
            ).values_list("translation_key", "pk")
        )
        published = set(
            ResultsPublication.objects.filter(edition_id__in=sources.values()).values_list(
                "edition_id", flat=True
            )
        )
        for edition in editions:
            edition._results_published = sources.get(edition.translation_key) in published
        context["editions"] = editions
        # A list of pages, described to search engines as the other indexes are.
        context["listed"] = seo.listing(
            [SimpleNamespace(url=edition.url, title=edition.title) for edition in editions]
        )
        return context

    @path("feed/<str:kind>/", name="feed")
    def feed(self, request, kind):
        """The published results of the editions as RSS or Atom."""
        from .feeds import ResultsFeed

        if kind not in ("rss", "atom"):
            raise Http404
        return ResultsFeed(self, kind)(request)


class EditionStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    CALL_OPEN = "call_open", _("Call for candidacies open")
    EVALUATION = "evaluation", _("Evaluation")
    RESULTS = "results", _("Results published")


class AwardEditionPage(BasePage):
    """One year's award: the call, the criteria and their weights, the timeline, the
    categories, the jury and, once published, the results."""

    changes_with_clock = True  # its status by the timeline's dates

    number = models.PositiveSmallIntegerField(
        verbose_name=_("edition number"), help_text=_("15 for the 15th edition.")
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000)], verbose_name=_("year")
    )
    call_text = RichTextField(
        features=["bold", "italic", "link", "ol", "ul", "h3"], verbose_name=_("call text")
    )
    call_opens = models.DateField(verbose_name=_("call opens"))
    call_closes = models.DateField(verbose_name=_("call closes"))
    evaluation_ends = models.DateField(verbose_name=_("evaluation ends"))
    results_on = models.DateField(
        verbose_name=_("results announced"),
        help_text=_("The date announced; the results show once a coordinator publishes them."),
    )
    jury = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="award_editions",
        limit_choices_to={"groups__name": JURY},
        verbose_name=_("jury members"),
        help_text=_("People of the Jury group; each scores every accepted candidacy."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("call_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("call_opens"), FieldPanel("call_closes")]),
                FieldRowPanel([FieldPanel("evaluation_ends"), FieldPanel("results_on")]),
            ],
            heading=_("Timeline"),
        ),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
        InlinePanel("categories", label=_("Categories")),
        FieldPanel("jury", widget=forms.CheckboxSelectMultiple),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("call_text"),
        TranslatableField("criteria"),
        TranslatableField("categories"),
        SynchronizedField("number"),
        SynchronizedField("year"),
        SynchronizedField("call_opens"),
        SynchronizedField("call_closes"),
        SynchronizedField("evaluation_ends"),
        SynchronizedField("results_on"),
        SynchronizedField("jury"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("call_text")]
    parent_page_types = ["award.AwardIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("award edition")

    def clean(self):
        super().clean()
        dates = [self.call_opens, self.call_closes, self.evaluation_ends, self.results_on]
        if all(dates) and dates != sorted(dates):
            raise ValidationError(
                _(
                    "The timeline must run in order: the call opens, closes, the evaluation "
                    "ends, then the results are announced."
                )
            )

    @cached_property
    def source(self):
        """The edition in the default language, which candidacies belong to."""
        return in_default_language(self)

    def source_filter(self, prefix):
        """Lookups that reach the source edition through a relation, without reading it first."""
        return {
            f"{prefix}translation_key": self.translation_key,
            f"{prefix}locale_id": default_locale().pk,
        }

    @property
    def results_published(self):
        known = getattr(self, "_results_published", None)  # the index reads all at once
        if known is not None:
            return known
        return ResultsPublication.objects.filter(**self.source_filter("edition__")).exists()

    def status_on(self, day):
        # Results are public only once a coordinator publishes them, whatever the date says.
        if self.results_published:
            return EditionStatus.RESULTS
        if day < self.call_opens:
            return EditionStatus.UPCOMING
        if day <= self.call_closes:
            return EditionStatus.CALL_OPEN
        return EditionStatus.EVALUATION

    @property
    def status(self):
        return self.status_on(datetime.date.today())

    @property
    def call_is_open(self):
        return self.status == EditionStatus.CALL_OPEN

    @property
    def in_evaluation(self):
        return self.status == EditionStatus.EVALUATION

    def get_status_display(self):
        return EditionStatus(self.status).label

    def get_context(self, request, *args, **kwargs):
        from .results import localized_results

        context = super().get_context(request, *args, **kwargs)
        # The status line and the results both ask; read it once for this rendering.
        self._results_published = None
        self._results_published = self.results_published
        context["results"] = localized_results(self)
        context["index_url"] = self.parent_url(request)
        jury = get_user_model().objects.filter(**self.source_filter("award_editions__"))
        context["jury_names"] = sorted(person.get_full_name() or person.username for person in jury)
        return context

    def structured_data(self, request):
        return {
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "url": seo.canonical_url(request, self),
            "inLanguage": self.locale.language_code,
            "description": self.search_description or self.title,
            "publisher": seo.organization(request),
        }


class AwardCriterion(TranslatableMixin, Orderable):
    """What the jury weighs, such as "Innovation", with its weight in the final score."""

    page = ParentalKey(AwardEditionPage, related_name="criteria", on_delete=models.CASCADE)
    name = models.CharField(max_length=150, verbose_name=_("name"))
    description = models.TextField(blank=True, max_length=600, verbose_name=_("description"))
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        verbose_name=_("weight"),
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("weight"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name


class AwardCategory(TranslatableMixin, Orderable):
    """A category candidacies compete in, such as "Local governments"."""

    page = ParentalKey(AwardEditionPage, related_name="categories", on_delete=models.CASCADE)
    name = models.CharField(max_length=150, verbose_name=_("name"))

    panels = [FieldPanel("name")]
    translatable_fields = [TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class Stage(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting compliance check")
    REFUSED = "refused", _("Refused")
    ACCEPTED = "accepted", _("Accepted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    FINALIST = "finalist", _("Finalist")
    WINNER = "winner", _("Winner")
    SPECIAL_MENTION = "special_mention", _("Special mention")


IN_COMPETITION = (
    Stage.ACCEPTED,
    Stage.SHORTLISTED,
    Stage.FINALIST,
    Stage.WINNER,
    Stage.SPECIAL_MENTION,
)
# Where a coordinator may move an accepted candidacy during the evaluation.
MOVES = {
    Stage.ACCEPTED: (Stage.SHORTLISTED,),
    Stage.SHORTLISTED: (Stage.ACCEPTED, Stage.FINALIST),
    Stage.FINALIST: (Stage.SHORTLISTED, Stage.WINNER, Stage.SPECIAL_MENTION),
    Stage.WINNER: (Stage.FINALIST,),
    Stage.SPECIAL_MENTION: (Stage.FINALIST,),
}


class Candidacy(models.Model):
    """A member's experience proposed to an edition of the award. Deleting the experience or
    the member deletes it: a distinction already given stays on the experience's page."""

    edition = models.ForeignKey(
        AwardEditionPage,
        on_delete=models.CASCADE,
        related_name="candidacies",
        verbose_name=_("edition"),
    )
    member = models.ForeignKey(
        "network.MemberOrganisation",
        on_delete=models.CASCADE,
        related_name="candidacies",
        verbose_name=_("member"),
    )
    experience = models.ForeignKey(
        "repository.ExperiencePage",
        on_delete=models.CASCADE,
        related_name="candidacies",
        verbose_name=_("experience"),
    )
    category = models.ForeignKey(
        AwardCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("category"),
    )
    statement = models.TextField(
        max_length=3000,
        verbose_name=_("why this experience"),
        help_text=_("How the experience meets the criteria of the call."),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("applicant"),
    )
    applied_at = models.DateTimeField(auto_now_add=True, verbose_name=_("applied on"))
    stage = models.CharField(
        max_length=20, choices=Stage.choices, default=Stage.SUBMITTED, verbose_name=_("stage")
    )
    refusal_reason = models.TextField(blank=True, verbose_name=_("reason for refusal"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )
    checked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("checked on"))

    class Meta:
        ordering = ["edition", "applied_at"]
        verbose_name = _("candidacy")
        verbose_name_plural = _("candidacies")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "experience"], name="award_one_candidacy_per_experience"
            )
        ]

    def __str__(self):
        return f"{self.experience.title} ({self.edition.year})"


def visible_to_juror(user, edition):
    """The candidacies `user` may read and score in `edition`: accepted ones (or further on),
    of an edition whose jury they sit on, without a conflict they declared."""
    if not edition.source.jury.filter(pk=user.pk).exists():
        return Candidacy.objects.none()
    return (
        Candidacy.objects.filter(edition_id=edition.source.pk, stage__in=IN_COMPETITION)
        .exclude(conflicts__juror=user)
        .select_related("experience", "member", "category")
    )


class ConflictOfInterest(models.Model):
    """A juror's declaration that they cannot judge a candidacy (their own city, a client...)."""

    candidacy = models.ForeignKey(Candidacy, on_delete=models.CASCADE, related_name="conflicts")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("reason"))
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidacy", "juror"], name="award_one_conflict")
        ]

    def __str__(self):
        return f"{self.juror} / {self.candidacy}"


class Score(models.Model):
    """One juror's mark of one candidacy on one criterion, with a comment. Private: read by
    its juror and, as a weighted ranking, by coordinators."""

    candidacy = models.ForeignKey(Candidacy, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(AwardCriterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(SCORE_MAX)], verbose_name=_("score")
    )
    comment = models.TextField(blank=True, max_length=2000, verbose_name=_("comment"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidacy", "juror", "criterion"], name="award_one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.juror} / {self.candidacy} / {self.criterion}: {self.value}"


class ResultsPublication(models.Model):
    """That a coordinator published an edition's results, and the news draft it wrote. Kept
    beside the page: a page revision published later would otherwise reset it."""

    edition = models.OneToOneField(
        AwardEditionPage, on_delete=models.CASCADE, related_name="publication"
    )
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    news = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return str(self.edition)


def member_contact_of(user):
    """The members (in the default language) whose contact email is this person's."""
    from network.models import MemberOrganisation

    if not user.is_authenticated or not user.email:
        return MemberOrganisation.objects.none()
    return MemberOrganisation.objects.filter(
        Q(contact_email__iexact=user.email), locale=default_locale()
    )
