"""A member's confirmation accepted on a translation reaches every language of the experience.

A member's contact may propose an update from the page in their own language, which may be a
translation. The confirmation it carries (the member as co-author, and the day) is a fact of
the experience, and translations take their facts from their source page: kept on the French
copy only, it would show in French alone and vanish the next time the source is synchronised.
So when an editor accepts such an update (publishes the translation), the confirmation is
written on the source page as well, whose publication passes it on to every language."""

from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from repository.models import ExperienceCoAuthor, ExperiencePage

from .models import Submission, SubmissionKind


def source_page(page):
    """The page `page` is translated from, or None when it is itself a source (or alone)."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is None or source.locale_id == page.locale_id:
        return None
    return ExperiencePage.objects.filter(
        translation_key=page.translation_key, locale_id=source.locale_id
    ).first()


def merge(page, confirmations):
    """Adds `confirmations` (co-authors of a member, with their day) to `page`'s co-authors in
    memory, as update.confirm does; returns whether anything changed."""
    authors = list(page.co_authors.all())
    changed = False
    for confirmed in confirmations:
        key = confirmed.member.translation_key
        author = next((a for a in authors if a.member_id and a.member.translation_key == key), None)
        if author is None:
            author = ExperienceCoAuthor(
                name=confirmed.name, organisation=confirmed.organisation, locale=page.locale
            )
            authors.append(author)
        elif author.confirmed_on and author.confirmed_on >= confirmed.confirmed_on:
            continue
        author.member = confirmed.member
        author.confirmed_on = confirmed.confirmed_on
        changed = True
    if changed:
        page.co_authors = authors
    return changed


def carry_to_source(sender, instance, revision=None, **kwargs):
    if not Submission.objects.filter(kind=SubmissionKind.UPDATE, page=instance).exists():
        return
    source = source_page(instance)
    if source is None:
        return
    confirmations = [
        author
        for author in instance.co_authors.select_related("member")
        if author.member_id and author.confirmed_on
    ]
    draft = source.get_latest_revision_as_object() if source.has_unpublished_changes else None
    if source.live and merge(source, confirmations):
        source.save_revision(log_action=True).publish()
    # An editor's pending draft of the source keeps the confirmation when it is published.
    if draft is not None and merge(draft, confirmations):
        draft.save_revision(log_action=True)


page_published.connect(carry_to_source, sender=ExperiencePage, dispatch_uid="submissions.carry")
