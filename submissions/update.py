"""A member proposes an update to one of its experiences.

Members have no accounts: from the experience page, the organisation asks for a link with its
email; when the address is the contact of a member named on the experience, or of the person
who proposed it, a signed link valid for a week is sent there. The link opens the experience's
facts for editing; sending them saves a draft revision, never published, and starts the
workflow, so the editor compares it with the live version (Wagtail's revision compare view)
before accepting."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from core.public_forms import HoneypotForm, over_rate_limit, rate_limit_message
from repository.models import ExperienceCoAuthor, ExperiencePage

from .forms import ExperienceForm
from .models import Submission, SubmissionKind
from .services import fill_facts, notify, start_workflow

SALT = "submissions.update"
LINK_DAYS = 7
UPDATED_FIELDS = [
    "title",
    "summary",
    "country",
    "city",
    "start_year",
    "ongoing",
    "end_year",
    "topics",
    "mechanisms",
]


class LinkRequestForm(HoneypotForm):
    email = forms.EmailField(
        label=_("Your organisation's email"),
        help_text=_("The address the observatory has for your organisation."),
    )


class UpdateForm(ExperienceForm):
    """The facts of the experience; the description, sources and organisations stay the
    editors' (they are rich text and links a plain form would flatten)."""

    organisation = None
    organisation_website = None
    description = None
    links = None
    contact_name = forms.CharField(max_length=150, label=_("Your name"))
    note = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("What changed?"),
        help_text=_("A word for the editors: what is new, and where it comes from."),
    )


def contacts_for(page):
    """The addresses that may ask to update the page: its members' contacts and its
    submitters', in every language of the page."""
    pages = ExperiencePage.objects.filter(translation_key=page.translation_key)
    members = {
        organisation.member.contact_email.lower()
        for candidate in pages
        for organisation in candidate.organisations.select_related("member")
        if organisation.member_id and organisation.member.contact_email
    }
    submitters = Submission.objects.filter(page__in=pages).values_list("contact_email", flat=True)
    return members | {address.lower() for address in submitters}


def live_experience(page_id):
    return get_object_or_404(ExperiencePage.objects.live(), pk=page_id)


@never_cache
@csrf_protect
def request_link(request, page_id):
    page = live_experience(page_id)
    sent, status = False, 200
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST":
        form.is_valid()
        # Only a post that would be accepted counts: corrections are not abuse.
        if not form.errors and over_rate_limit(request, "update-link"):
            form.add_error(None, rate_limit_message())
            status = 429
        if not form.errors:
            email = form.cleaned_data["email"].lower()
            if email in contacts_for(page):
                token = signing.dumps({"page": page.pk, "email": email}, salt=SALT)
                link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                    "propose_update", args=[token]
                )
                context = {"page": page, "link": link, "days": LINK_DAYS}
                send_mail(
                    render_to_string("submissions/email/update_link_subject.txt", context).strip(),
                    render_to_string("submissions/email/update_link.txt", context),
                    None,
                    [email],
                )
            # The same answer either way: the form tells no one which addresses we hold.
            sent = True
        elif status == 200:
            status = 400
    return render(
        request,
        "submissions/request_link.html",
        {"form": form, "experience": page, "sent": sent, "translatable_view": True},
        status=status,
    )


def initial_from(page):
    return {
        "title": page.title,
        "summary": page.summary,
        "country": page.country.code if page.country_id else "",
        "city": page.place,
        "start_year": page.start_year,
        "ongoing": page.ongoing,
        "end_year": page.end_year,
        "topics": [topic.slug for topic in page.topics.all()],
        "mechanisms": [mechanism.slug for mechanism in page.mechanisms.all()],
    }


def confirming_members(page, email):
    """The members named on the page whose contact is `email`: the update comes from them."""
    return [
        organisation.member
        for organisation in page.organisations.select_related("member")
        if organisation.member_id and organisation.member.contact_email.lower() == email
    ]


def confirm(draft, email):
    """The local actor confirms the description today. A member's contact confirms as that
    member: its co-author (one typed under its name, else a new one) is linked to it, so once
    an editor accepts, the page says "co-produced with" the member in every language. A
    submitter confirms the co-authors they wrote in."""
    today = timezone.localdate()
    authors = list(draft.co_authors.all())
    members = confirming_members(draft, email)
    for member in members:
        names = set(
            type(member)
            .objects.filter(translation_key=member.translation_key)
            .values_list("name", flat=True)
        )
        author = next(
            (
                author
                for author in authors
                if (author.member_id and author.member.translation_key == member.translation_key)
                or (not author.member_id and {author.name, author.organisation} & names)
            ),
            None,
        )
        if author is None:
            author = ExperienceCoAuthor(name=member.name, locale=draft.locale)
            authors.append(author)
        author.member = member
        author.confirmed_on = today
    if not members:
        for author in authors:
            author.confirmed_on = today
    draft.co_authors = authors


@transaction.atomic
def propose_update(page, data, email):
    draft = page.get_latest_revision_as_object()
    fill_facts(draft, data)
    confirm(draft, email)
    organisation = next((o.name for o in draft.organisations.all()), "")
    revision = draft.save_revision(log_action=True)
    submission = Submission.objects.create(
        kind=SubmissionKind.UPDATE,
        page=page,
        revision=revision,
        language=get_language(),
        organisation=organisation,
        contact_name=data["contact_name"],
        contact_email=email,
        consent_to_publish=True,
    )
    page.refresh_from_db()
    start_workflow(page, submission)
    return submission


@never_cache
@csrf_protect
def update(request, token):
    try:
        signed = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
    except signing.BadSignature:
        return render(
            request, "submissions/link_expired.html", {"translatable_view": True}, status=400
        )
    page = live_experience(signed["page"])
    if signed["email"] not in contacts_for(page):
        raise Http404  # the member's contact changed since the link was sent
    status = 200
    if request.method == "POST":
        form = UpdateForm(request.POST)
        form.is_valid()
        # Only a post that would be accepted counts: corrections are not abuse.
        if not form.errors and over_rate_limit(request, "update"):
            form.add_error(None, rate_limit_message())
            status = 429
        if not form.errors:
            submission = propose_update(page, form.cleaned_data, signed["email"])
            notify(submission)
            request.session["submission_reference"] = submission.reference
            return redirect("propose_experience_sent")
        status = status if status != 200 else 400
    else:
        form = UpdateForm(initial=initial_from(page.get_latest_revision_as_object()))
    return render(
        request,
        "submissions/update.html",
        {"form": form, "experience": page, "translatable_view": True},
        status=status,
    )
