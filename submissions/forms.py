import datetime

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.locales import active_locale
from core.public_forms import HoneypotForm
from repository.models import FIRST_YEAR
from taxonomy.models import Country, Mechanism, Topic, country_choices

MAX_LINKS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each was already checked while it streamed in
    (core.public_forms.CheckedUploadHandler)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.gif,.webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def term_choices(model):
    return model.objects.filter(locale=active_locale()).order_by("sort_order", "name")


class ExperienceForm(HoneypotForm):
    """The facts of an experience as a local actor describes them: the same structured fields
    an editor fills in, so the draft needs completing rather than retyping."""

    title = forms.CharField(max_length=200, label=_("Name of the experience"))
    summary = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Summary"),
        help_text=_("Two or three sentences: what it is and who takes part."),
    )
    description = forms.CharField(
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        label=_("Description"),
        help_text=_("How it works, its objectives and its results."),
    )
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(max_length=200, required=False, label=_("City or region"))
    start_year = forms.IntegerField(required=False, min_value=FIRST_YEAR, label=_("Start year"))
    ongoing = forms.BooleanField(required=False, initial=True, label=_("Still running"))
    end_year = forms.IntegerField(required=False, min_value=FIRST_YEAR, label=_("End year"))
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
    )
    mechanisms = forms.ModelMultipleChoiceField(
        queryset=Mechanism.objects.none(),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        label=_("Participation mechanisms"),
    )
    organisation = forms.CharField(
        max_length=200,
        label=_("Organisation that runs it"),
        help_text=_("Shown on the page once published, as the organisation that co-produced it."),
    )
    organisation_website = forms.URLField(
        required=False, assume_scheme="https", label=_("Organisation's website")
    )
    links = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Links"),
        help_text=_("Up to five addresses where the experience is described, one per line."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.fields["topics"].queryset = term_choices(Topic)
        self.fields["mechanisms"].queryset = term_choices(Mechanism)

    def clean_country(self):
        code = self.cleaned_data["country"]
        return Country.objects.filter(code=code).first()

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(_("Give at most %(count)s links.") % {"count": MAX_LINKS})
        field = forms.URLField(assume_scheme="https")
        return [field.clean(line) for line in lines]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        latest = datetime.date.today().year + 5
        for name in ("start_year", "end_year"):
            if cleaned.get(name) and cleaned[name] > latest:
                self.add_error(name, _("Enter a year no later than %(year)s.") % {"year": latest})
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        if cleaned.get("ongoing") and end:
            self.add_error(
                "end_year",
                _("An ongoing experience has no end year: clear one of the two."),
            )
        return cleaned


class ContactForm(forms.Form):
    """Who proposes it: kept apart from the page and never published."""

    contact_name = forms.CharField(max_length=150, label=_("Your name"))
    contact_email = forms.EmailField(label=_("Your email"))
    contact_phone = forms.CharField(max_length=40, required=False, label=_("Your phone"))
    consent = forms.BooleanField(
        label=_(
            "I confirm that my organisation agrees to the observatory publishing this "
            "description, after review, with the name of the organisation."
        ),
        error_messages={"required": _("Without this agreement we cannot publish it.")},
    )


class ProposalForm(ExperienceForm, ContactForm):
    files = MultipleFileField(required=False, label=_("Files"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, in the visitor's language, not once at import.
        self.fields["files"].help_text = _(
            "Optional: up to %(count)s PDF documents or images (JPEG, PNG, GIF, WebP), "
            "%(size)s MB each. If the form comes back with an error, choose them again."
        ) % {
            "count": settings.PUBLIC_FORM_MAX_FILES,
            "size": settings.PUBLIC_FORM_MAX_FILE_BYTES // (1024 * 1024),
        }

    field_order = [
        "title",
        "summary",
        "description",
        "country",
        "city",
        "start_year",
        "ongoing",
        "end_year",
        "topics",
        "mechanisms",
        "organisation",
        "organisation_website",
        "links",
        "files",
        "contact_name",
        "contact_email",
        "contact_phone",
        "consent",
    ]
