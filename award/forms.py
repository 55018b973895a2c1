from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import TermPicker
from core.locales import default_locale
from core.privacy import public
from network.models import MemberOrganisation
from repository.models import ExperiencePage
from submissions.forms import ContactForm, ExperienceForm
from taxonomy.models import Mechanism, Topic

from .models import SCORE_MAX, AwardCategory, AwardEditionPage, Candidacy, Stage


def open_editions():
    editions = AwardEditionPage.objects.live().filter(locale=default_locale()).order_by("-year")
    return [edition for edition in editions if edition.call_is_open]


EXISTING, NEW = "existing", "new"


class ApplicationForm(forms.ModelForm):
    """A candidacy: one of the member's experiences (in the repository's source language), or
    a new one described in NewExperienceForm, to an edition whose call is open."""

    source = forms.ChoiceField(
        choices=[
            (EXISTING, _("One of the member's experiences in the repository")),
            (NEW, _("A new experience, described below")),
        ],
        initial=EXISTING,
        required=False,  # a form without the choice applies with an existing experience
        widget=forms.RadioSelect,
        label=_("Which experience?"),
    )

    class Meta:
        model = Candidacy
        fields = ["edition", "member", "source", "experience", "category", "statement"]

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        editions = open_editions()
        self.fields["edition"].queryset = AwardEditionPage.objects.filter(
            pk__in=[edition.pk for edition in editions]
        )
        self.fields["edition"].empty_label = None
        self.fields["member"].queryset = members
        if len(members) == 1:  # a member's contact applies for their one member
            self.fields["member"].empty_label = None
        self.fields["experience"].queryset = public(
            ExperiencePage.objects.live().filter(
                locale=default_locale(), organisations__member__in=members
            )
        ).distinct()
        self.fields["category"].queryset = AwardCategory.objects.filter(
            page__in=[edition.pk for edition in editions]
        )
        self.fields["experience"].required = False
        self.fields["experience"].help_text = _(
            "Only experiences of the repository that name the member can be proposed."
        )

    @property
    def wants_new(self):
        return self.data.get(self.add_prefix("source")) == NEW

    def clean(self):
        data = super().clean()
        edition, member, experience = (data.get(k) for k in ("edition", "member", "experience"))
        if self.wants_new and experience is not None:
            self.add_error(
                "experience",
                _("Choose one of the member's experiences or describe a new one, not both."),
            )
        elif not self.wants_new and experience is None and "experience" not in self.errors:
            self.add_error("experience", _("Choose one of the member's experiences."))
        category = data.get("category")
        if category is not None and edition is not None and category.page_id != edition.pk:
            self.add_error("category", _("This category belongs to another edition."))
        if member and experience and not experience.organisations.filter(member=member).exists():
            self.add_error("experience", _("This experience does not name the member."))
        if (
            edition
            and experience
            and Candidacy.objects.filter(edition=edition, experience=experience).exists()
        ):
            self.add_error("experience", _("This experience already applies to this edition."))
        return data


class NewExperienceForm(ExperienceForm):
    """A new experience of the member, described by its contact: it becomes a draft in the
    submissions area (submissions.services.propose_for_member), which editors review as any
    proposal, and the candidacy links to it. The organisation is the member itself."""

    homepage = None  # signed in: no robot to catch
    organisation = None
    organisation_website = None
    links = None
    consent = ContactForm.base_fields["consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The repository's source language, as the candidacies' experiences are: so the
        # terms are marked as such on an admin page in another language.
        locale = default_locale()
        for name, model in (("topics", Topic), ("mechanisms", Mechanism)):
            field = self.fields[name]
            field.widget = TermPicker(list_label=field.label, lang=locale.language_code)
            # Set after the widget, which receives the choices from it.
            field.queryset = model.objects.filter(locale=locale).order_by("sort_order", "name")


class CheckForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(Stage.ACCEPTED, _("Accept")), (Stage.REFUSED, _("Refuse"))],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Reason (sent to the applicant)"),
    )

    def __init__(self, *args, experience, **kwargs):
        super().__init__(*args, **kwargs)
        self.experience = experience

    def clean(self):
        data = super().clean()
        if data.get("decision") == Stage.REFUSED and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why the candidacy is refused: the applicant reads it."))
        if data.get("decision") == Stage.ACCEPTED and not self.experience.live:
            # The jury reads the experience on the site.
            self.add_error(
                "decision",
                _(
                    "The experience is still a draft: publish it through its review before "
                    "accepting the candidacy."
                ),
            )
        return data


class ScoreForm(forms.Form):
    """One field pair per criterion: the score and a comment."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            existing = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                min_value=0,
                max_value=SCORE_MAX,
                label=_("%(criterion)s (weight %(weight)d), from 0 to %(max)d")
                % {"criterion": criterion.name, "weight": criterion.weight, "max": SCORE_MAX},
                initial=existing.value if existing else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                initial=existing.comment if existing else "",
            )

    def pairs(self):
        return [(self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


class ConflictForm(forms.Form):
    reason = forms.CharField(
        required=False, max_length=300, label=_("Why (seen by the coordinators only)")
    )


class MoveForm(forms.Form):
    candidacy = forms.IntegerField()
    stage = forms.ChoiceField(choices=Stage.choices)


def all_members():
    return MemberOrganisation.objects.filter(locale=default_locale())
