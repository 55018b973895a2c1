"""A translation is created by whoever asked for it.

Wagtail copies the source page to make a translation, owner included, and logs the copy's
creation in the owner's name: the translation history said the officer who wrote the English
page had created the French one, which a coordinator had. The admin's log context knows who
asked."""

from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry
from wagtail.signals import copy_for_translation_done


def credit_the_requester(sender, source_obj, target_obj, **kwargs):
    user = get_active_log_context().user
    if user is None or not isinstance(target_obj, Page):
        return  # a command or a task: the copy keeps what Wagtail gave it
    Page.objects.filter(pk=target_obj.pk).update(owner=user)
    target_obj.owner = user
    PageLogEntry.objects.filter(page_id=target_obj.pk, action="wagtail.create").update(user=user)


def connect():
    copy_for_translation_done.connect(credit_the_requester, dispatch_uid="editorial.attribution")
