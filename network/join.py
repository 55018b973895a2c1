"""Joining the observatory: the public form creates a pending member, with its consent to
publish left unticked, for a coordinator to admit from the member admin (status "Active" and,
if the applicant agreed, "consent to publish", which then records who admitted it)."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from core.locales import active_locale, default_locale
from core.public_forms import HoneypotForm, over_rate_limit, rate_limit_message
from taxonomy.models import Country, country_choices

from .models import MemberOrganisation, MemberStatus, MemberType

COORDINATORS = "Coordinators"  # editorial.roles.COORDINATORS


class JoinForm(HoneypotForm):
    member_type = forms.ModelChoiceField(
        queryset=MemberType.objects.none(),
        to_field_name="slug",
        empty_label="—",
        label=_("Type of organisation"),
    )
    name = forms.CharField(max_length=200, label=_("Name of the organisation"))
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(max_length=120, required=False, label=_("City"))
    website = forms.URLField(required=False, assume_scheme="https", label=_("Website"))
    contact_person = forms.CharField(max_length=150, label=_("Contact person"))
    contact_email = forms.EmailField(label=_("Contact email"))
    needs = forms.CharField(
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("What do you expect from the network?"),
        help_text=_("Exchanges with other cities, training, research, visibility..."),
    )
    consent = forms.BooleanField(
        required=False,
        label=_(
            "The observatory may publish our organisation's name, type, place and website "
            "in the member directory once we are admitted."
        ),
        help_text=_("Your contact details are never published."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        self.fields["member_type"].queryset = MemberType.objects.filter(
            locale=active_locale()
        ).order_by("sort_order", "name")

    def clean_country(self):
        return Country.objects.filter(code=self.cleaned_data["country"]).first()


def free_slug(name):
    base = slugify(name)[:100] or "member"
    slug, number = base, 1
    while MemberOrganisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_pending_member(data):
    # The member is written in the default language, the source its translations follow.
    source_type = MemberType.objects.filter(
        translation_key=data["member_type"].translation_key, locale=default_locale()
    ).first()
    return MemberOrganisation.objects.create(
        locale=default_locale(),
        name=data["name"],
        slug=free_slug(data["name"]),
        member_type=source_type or data["member_type"],
        country=data["country"],
        city=data["city"],
        website=data["website"],
        contact_person=data["contact_person"],
        contact_email=data["contact_email"],
        status=MemberStatus.PENDING,
        consent_to_publish=False,
        applied_at=timezone.now(),
        application_needs=data["needs"],
        application_consent=data["consent"],
        application_language=translation.get_language(),
    )


def notify(member):
    context = {
        "member": member,
        "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_network_memberorganisation:edit", args=[member.pk]),
    }
    send_mail(
        render_to_string("network/email/join_confirmation_subject.txt", context).strip(),
        render_to_string("network/email/join_confirmation.txt", context),
        None,
        [member.contact_email],
    )
    users = get_user_model().objects.filter(groups__name=COORDINATORS, is_active=True)
    recipients = sorted({user.email for user in users if user.email})
    if recipients:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(
                render_to_string("network/email/join_coordinators_subject.txt", context).strip(),
                render_to_string("network/email/join_coordinators.txt", context),
                None,
                recipients,
            )


@never_cache  # the form carries a CSRF token: no page cache may keep it
@csrf_protect
def join(request):
    status = 200
    if request.method == "POST":
        form = JoinForm(request.POST)
        form.is_valid()
        # Only a post that would be accepted counts: corrections are not abuse.
        if not form.errors and over_rate_limit(request, "join"):
            form.add_error(None, rate_limit_message())
            status = 429
        if not form.errors:
            member = create_pending_member(form.cleaned_data)
            notify(member)
            return redirect("join_sent")
        status = status if status != 200 else 400
    else:
        form = JoinForm()
    return render(
        request, "network/join.html", {"form": form, "translatable_view": True}, status=status
    )


@never_cache
def join_sent(request):
    return render(request, "network/join_sent.html", {"translatable_view": True})
