"""A member's change reaches the experiences that name it: their search documents are rebuilt
(a member who withdraws consent leaves the search at once)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from search.indexing import record

from .models import MemberOrganisation


@receiver(post_save, sender=MemberOrganisation)
def _member_changed(sender, instance, created, **kwargs):
    from repository.models import ExperienceOrganisation

    if created:
        return
    members = MemberOrganisation.objects.filter(translation_key=instance.translation_key)
    record(
        ExperienceOrganisation.objects.filter(member__in=members).values_list("page_id", flat=True)
    )
