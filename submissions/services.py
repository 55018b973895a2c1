"""A proposal becomes a draft experience in the editorial workflow, with its private record,
and the emails that say so."""

import html

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from core.i18n import language_in_text
from core.locales import active_locale
from editorial.roles import COORDINATORS, EDITORIAL_WORKFLOW
from repository.models import (
    ExperienceCoAuthor,
    ExperienceIndexPage,
    ExperienceOrganisation,
    ExperiencePage,
)

from .models import Submission, SubmissionFile, SubmissionKind


def submissions_parent(locale):
    """Proposals go under the repository of the visitor's language: an experience is only
    listed, filtered and exported there, and a draft is invisible to the public anyway, so a
    separate area would only mean moving (and re-addressing) every accepted page."""
    return ExperienceIndexPage.objects.filter(locale=locale).live().first()


def unique_slug(parent, title, reference):
    base = slugify(title)[:80] or "experience"
    taken = set(parent.get_children().values_list("slug", flat=True))
    return base if base not in taken else f"{base}-{reference.lower()}"


def fill_facts(page, data):
    """The facts both forms ask for (place, years, terms) onto a page or a draft."""
    page.title = data["title"]
    page.summary = data["summary"]
    page.country = data["country"]
    page.place = data["city"]
    page.start_year = data["start_year"]
    page.ongoing = data["ongoing"]
    page.end_year = None if data["ongoing"] else data["end_year"]
    page.topics = list(data["topics"])
    page.mechanisms = list(data["mechanisms"])


def fill_page(page, data, member=None):
    """A proposal's fields onto its new page: the facts, the description, links and the
    organisation that confirms them (the member, when a member's contact proposes it)."""
    fill_facts(page, data)
    if data["description"]:
        paragraphs = [part.strip() for part in data["description"].split("\n\n") if part.strip()]
        rich = "".join(f"<p>{html.escape(part)}</p>" for part in paragraphs)
        page.body = [("paragraph", rich)]
    page.sources = [("link", {"page": None, "url": url, "text": ""}) for url in data["links"]]
    page.organisations = [
        ExperienceOrganisation(
            name=data["organisation"], website=data["organisation_website"], member=member
        )
    ]
    # The local actor confirms the description as of today: the page says "co-produced with".
    page.co_authors = [
        ExperienceCoAuthor(
            name=data["organisation"],
            confirmed_on=timezone.localdate(),
            locale=page.locale,
            member=member,
        )
    ]


def start_workflow(page, submission):
    """Every proposal and update, in any language, goes to the coordinators' review. A
    translated page's own workflow is its translators': one of them would publish a stranger's
    text alone. Nobody signed in sent it: the review names the submission instead."""
    workflow = Workflow.objects.filter(name=EDITORIAL_WORKFLOW, active=True).first()
    if workflow is not None and not page.workflow_in_progress:
        # Wagtail writes to each reviewer in their account's language, else in the current
        # one: the site's, not the visitor's, as our own notice does.
        with translation.override(settings.LANGUAGE_CODE):
            workflow.start(page, None)


def create_draft(submission, data, locale, member=None):
    """The proposal as a draft experience under the repository of `locale`, in the editorial
    workflow, with its private record `submission` (saved here). With `member`, the
    organisation and the co-author that confirms the description are that member."""
    parent = submissions_parent(locale)
    page = ExperiencePage(locale=locale, live=False)
    fill_page(page, data, member)
    page.slug = unique_slug(parent, data["title"], submission.reference)
    parent.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    submission.page, submission.revision = page, revision
    submission.save()
    start_workflow(page, submission)
    return page


@transaction.atomic
def propose_experience(data, request):
    locale = active_locale()
    submission = Submission(
        kind=SubmissionKind.NEW,
        language=locale.language_code,
        organisation=data["organisation"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        consent_to_publish=data["consent"],
    )
    create_draft(submission, data, locale)
    for upload in data["files"]:
        SubmissionFile.objects.create(submission=submission, file=upload)
    return submission


def propose_for_member(data, member, user, language):
    """A member's contact describes a new experience of `member` (when applying to the award):
    a draft in the repository of the member's language, the contact being the person signed
    in. Returns the submission."""
    submission = Submission(
        kind=SubmissionKind.NEW,
        language=language,
        organisation=member.name,
        contact_name=user.get_full_name() or user.get_username(),
        contact_email=user.email,
        consent_to_publish=data["consent"],
    )
    data = {**data, "organisation": member.name, "organisation_website": member.website}
    create_draft(submission, {"links": [], **data}, member.locale, member=member)
    return submission


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def coordinators():
    users = get_user_model().objects.filter(groups__name=COORDINATORS, is_active=True)
    return users.exclude(email="").select_related("wagtail_userprofile").distinct()


def language_of(user):
    """The language `user` chose for the admin, else the site's (not the visitor's)."""
    with translation.override(settings.LANGUAGE_CODE):
        return UserProfile.get_for_user(user).get_preferred_language()


def notify(submission):
    """The submitter's confirmation in their language, each coordinator's notice in theirs."""
    context = {
        "submission": submission,
        "page": submission.page,
        "edit_url": admin_url("wagtailadmin_pages:edit", submission.page_id),
        "submission_url": admin_url("wagtailsnippets_submissions_submission:edit", submission.pk),
    }
    if submission.kind == SubmissionKind.UPDATE and submission.revision_id:
        context["compare_url"] = admin_url(
            "wagtailadmin_pages:revisions_compare",
            submission.page_id,
            "live",
            submission.revision_id,
        )
    with translation.override(submission.language):
        send_mail(
            render_to_string("submissions/email/confirmation_subject.txt", context).strip(),
            render_to_string("submissions/email/confirmation.txt", context),
            None,
            [submission.contact_email],
        )
    for user in coordinators():
        with translation.override(language_of(user)):
            context = {**context, "language": language_in_text(submission.language)}
            send_mail(
                render_to_string("submissions/email/coordinators_subject.txt", context).strip(),
                render_to_string("submissions/email/coordinators.txt", context),
                None,
                [user.email],
            )
