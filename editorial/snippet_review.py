"""The review of a translated snippet (a term, a criterion's words, a legal framework's title).

Pages go through Wagtail's workflow (editorial/review.py). Snippets could too, with
DraftStateMixin and WorkflowMixin, but then every public query of terms (facets, pickers,
feeds, search documents) would have to ask for `live` ones. Instead the translated words stay
where wagtail-localize keeps them, its string translations, until a reviewer approves; only
then are they written to the snippet, by wagtail-localize (`save_target(publish=True)`). A
SnippetTranslationReview row records each submission and its decision.

The rules are those of the page review: a translator submits; a second translator of the
language (not the submitter, nor anyone who changed its words since) or a coordinator approves
or asks for changes with a comment, which the translator reads in the editor."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as i18n
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_user_display_name
from wagtail.users.models import UserProfile

from core.i18n import language_in_text

from .admin_access import may_edit_language, may_manage_sync
from .models import SnippetTranslationReview, translated_since
from .roles import COORDINATORS, translators_group


class ReviewRefused(Exception):
    """The person may not take this step of the review now: the reason is the message."""


def current(translation):
    """The submission still open (awaiting review, or sent back for changes), or None."""
    latest = translation.snippet_reviews.select_related("submitted_by", "decided_by").first()
    if latest is None or latest.status == SnippetTranslationReview.APPROVED:
        return None
    return latest


def authors(translation, review):
    """Who submitted, and who changed the translated words since: none of them approves."""
    edited = translated_since(
        translation.source.object_id, translation.target_locale, review.submitted_at
    )
    return {review.submitted_by_id, *edited} - {None}


def may_translate(user, instance):
    """A translator of the instance's language holding the right to change such snippets."""
    perm = f"{instance._meta.app_label}.change_{instance._meta.model_name}"
    return user.has_perm(perm) and may_edit_language(user, instance)


def may_review(user, translation, review):
    if review is None or review.status != SnippetTranslationReview.AWAITING_REVIEW:
        return False
    if user.pk in authors(translation, review):
        return False
    return (
        user.is_superuser
        or may_manage_sync(user)
        or (may_translate(user, translation.get_target_instance()))
    )


def publishes_directly(user):
    """Coordinators publish translated snippets as they publish translated pages."""
    return user.is_superuser or may_manage_sync(user)


@dataclass
class SnippetReview:
    """What the review bar (editorial/includes/review_bar.html) shows one person for one
    translated snippet; the same names as the page review's."""

    translation: object
    review: SnippetTranslationReview | None
    can_submit: bool
    may_approve: bool
    live = True  # a translated snippet is what visitors read from its creation
    preview_url = None

    @property
    def may_reject(self):
        return self.may_approve

    @property
    def actions(self):
        return self.may_approve

    @property
    def awaiting_review(self):
        return self.review is not None and self.review.status == self.review.AWAITING_REVIEW

    @property
    def state(self):
        # The page review's names: who requested the review, and when.
        return (
            {"requested_by": self.review.submitted_by, "created_at": self.review.submitted_at}
            if self.review
            else None
        )

    @property
    def changes_requested(self):
        if self.review is None or self.review.status != self.review.CHANGES_REQUESTED:
            return None
        return {"finished_by": self.review.decided_by, "comment": self.review.comment}

    @property
    def approve_url(self):
        return reverse("editorial_approve_translation", args=[self.translation.pk])

    @property
    def reject_url(self):
        return reverse("editorial_request_translation_changes", args=[self.translation.pk])


def review_for(translation, instance, user):
    review = current(translation)
    waiting = review is not None and review.status == SnippetTranslationReview.AWAITING_REVIEW
    return SnippetReview(
        translation=translation,
        review=review,
        can_submit=not waiting and not publishes_directly(user) and may_translate(user, instance),
        may_approve=may_review(user, translation, review),
    )


@transaction.atomic
def submit(translation, user):
    instance = translation.get_target_instance()
    if not review_for(translation, instance, user).can_submit:
        raise ReviewRefused(
            _("You cannot submit this translation: it is already awaiting review, or not yours.")
        )
    review = SnippetTranslationReview.objects.create(translation=translation, submitted_by=user)
    transaction.on_commit(lambda: notify_reviewers(review))
    return review


def _decide(translation, user, status, comment):
    review = current(translation)
    if not may_review(user, translation, review):
        raise ReviewRefused(
            _(
                "You cannot review this translation: you submitted or changed it, it is not "
                "awaiting review, or it is not in a language you translate."
            )
        )
    review.status, review.decided_by = status, user
    review.decided_at, review.comment = timezone.now(), comment
    review.save()
    return review


@transaction.atomic
def approve(translation, user, comment=""):
    """Write the reviewed words into the snippet and publish it, through wagtail-localize."""
    review = _decide(translation, user, SnippetTranslationReview.APPROVED, comment)
    translation.save_target(user=user, publish=True)
    transaction.on_commit(lambda: notify_submitter(review))
    return review


@transaction.atomic
def request_changes(translation, user, comment):
    review = _decide(translation, user, SnippetTranslationReview.CHANGES_REQUESTED, comment)
    transaction.on_commit(lambda: notify_submitter(review))
    return review


def reviewers(translation):
    """Second translators of the language and coordinators, with an address to write to."""
    code = translation.target_locale.language_code
    return (
        get_user_model()
        .objects.filter(
            Q(groups__name=translators_group(code)) | Q(groups__name=COORDINATORS),
            is_active=True,
        )
        .exclude(email="")
        .distinct()
    )


def _edit_link(instance):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + AdminURLFinder().get_edit_url(instance)


def notify_submitter(review):
    """The translator learns the decision, and the comment, as the page review tells them."""
    user = review.submitted_by
    if user is None or not user.email or not user.is_active:
        return
    instance = review.translation.get_target_instance()
    with i18n.override(UserProfile.get_for_user(user).get_preferred_language()):
        values = {"who": get_user_display_name(review.decided_by), "title": instance}
        if review.status == SnippetTranslationReview.APPROVED:
            subject = _("Translation approved: “%(title)s”") % values
            text = _("%(who)s approved and published your translation of “%(title)s”.") % values
        else:
            subject = _("Changes requested: “%(title)s”") % values
            text = _("%(who)s asked for changes to your translation of “%(title)s”.") % values
        if review.comment:
            text += f"\n\n{review.comment}"
        send_mail(subject, f"{text}\n\n{_edit_link(instance)}\n", None, [user.email])


def notify_reviewers(review):
    translation = review.translation
    instance = translation.get_target_instance()
    link = _edit_link(instance)
    who = get_user_display_name(review.submitted_by)
    for user in reviewers(translation).exclude(pk=review.submitted_by_id):
        with i18n.override(UserProfile.get_for_user(user).get_preferred_language()):
            send_mail(
                _("Translation to review: “%(title)s”") % {"title": instance},
                _(
                    "%(who)s submitted the %(language)s translation of “%(title)s” for review.\n\n"
                    "Approve it or request changes here:\n%(link)s\n"
                )
                % {
                    "who": who,
                    "language": language_in_text(translation.target_locale.language_code),
                    "title": instance,
                    "link": link,
                },
                None,
                [user.email],
            )


def awaiting(user, language=None):
    """The translated snippets awaiting review that `user` may open, for the Translations
    report: [{snippet, kind, language, review, url}]."""
    reviews = SnippetTranslationReview.objects.filter(
        status=SnippetTranslationReview.AWAITING_REVIEW
    ).select_related("translation__target_locale", "submitted_by")
    if language:
        reviews = reviews.filter(translation__target_locale__language_code=language)
    finder = AdminURLFinder(user)
    found = []
    for review in reviews[:200]:
        if review != current(review.translation):
            continue  # a later submission replaced it
        instance = review.translation.get_target_instance()
        url = finder.get_edit_url(instance)
        if url and may_edit_language(user, instance):
            code = review.translation.target_locale.language_code
            found.append(
                {
                    "snippet": instance,
                    "kind": capfirst(instance._meta.verbose_name),
                    "language": get_language_info(code)["name_translated"],
                    "code": code,
                    "review": review,
                    "url": url,
                }
            )
    return found
