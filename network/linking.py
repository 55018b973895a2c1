"""Linking the free-text organisations of experiences to the members they name.

Names are compared without case, accents or extra spaces, against every language's name of
every member. A link is written the way an editor would write it: a new revision of the
experience, published when the page had no draft in progress (its translations then follow
through their sync); with a draft, the draft gets the link in a new revision and the live
rows are linked at once."""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from core.text import fold
from repository.models import ExperienceOrganisation, ExperiencePage
from search.indexing import record

from .models import MemberOrganisation


def key(name):
    return re.sub(r"\s+", " ", fold(name)).strip()


@dataclass
class Report:
    matched: list = field(default_factory=list)  # (page, organisation name, member)
    left: list = field(default_factory=list)  # (page, organisation name, reason)


def member_index():
    """Folded name -> the member's source row, or None when two members share the name."""
    firsts = {
        member.translation_key: member
        for member in MemberOrganisation.objects.all().one_per_member()
    }
    index = {}
    for translation_key, name in MemberOrganisation.objects.values_list("translation_key", "name"):
        member = firsts[translation_key]
        found = index.get(key(name), member)
        index[key(name)] = member if found == member else None
    return index


def link_organisations(dry_run=False, user=None):
    index = member_index()
    report = Report()
    matches = defaultdict(dict)  # page id -> {folded name: member}
    unlinked = ExperienceOrganisation.objects.filter(member__isnull=True).select_related("page")
    for organisation in unlinked.order_by("page__locale_id", "page_id", "sort_order"):
        folded = key(organisation.name)
        if folded not in index:
            report.left.append((organisation.page, organisation.name, "no member of this name"))
        elif index[folded] is None:
            report.left.append((organisation.page, organisation.name, "several members"))
        else:
            matches[organisation.page_id][folded] = index[folded]
            report.matched.append((organisation.page, organisation.name, index[folded]))
    if dry_run:
        return report
    for page in ExperiencePage.objects.filter(pk__in=matches).order_by("locale_id", "pk"):
        with transaction.atomic():
            _link(page, matches[page.pk], user)
    return report


def _link(page, members, user):
    draft = page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    changed = False
    organisations = list(latest.organisations.all())
    for organisation in organisations:
        member = members.get(key(organisation.name))
        if organisation.member_id is None and member is not None:
            organisation.member = member
            changed = True
    if changed:
        latest.organisations = organisations  # held in memory, for the revision to carry
        revision = latest.save_revision(user=user, log_action=True)
        if not draft:
            revision.publish(user=user)
            return
    for organisation in ExperienceOrganisation.objects.filter(page=page, member__isnull=True):
        member = members.get(key(organisation.name))
        if member is not None:
            ExperienceOrganisation.objects.filter(pk=organisation.pk).update(member=member)
    record([page.pk])
