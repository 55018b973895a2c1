"""What publishing an edition's results does: the experiences receive their distinction
(ExperienceAward rows, so their pages, the award facet and the members' profiles show it),
the edition page lists the results, and a news item is drafted for the communication
officers to finish and submit."""

import json

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import frontcache
from core.locales import active_locale, default_locale
from core.privacy import is_public
from network.models import localized
from publications.models import NewsIndexPage, NewsPage
from repository.models import AwardDistinction, ExperienceAward, ExperiencePage

from .models import Candidacy, ResultsPublication, Stage

# The stages that become a public distinction, in the order results are listed.
DISTINCTION_OF = {
    Stage.WINNER: AwardDistinction.WINNER,
    Stage.SPECIAL_MENTION: AwardDistinction.SPECIAL_MENTION,
    Stage.FINALIST: AwardDistinction.FINALIST,
}


def ordinal(number):
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def award_name(edition):
    # Written once for every language, as ExperienceAward.award always is.
    return f"{ordinal(edition.number)} IOPD Best Practice Award"


def distinguished(edition):
    """The candidacies that receive a distinction, winners first."""
    order = list(DISTINCTION_OF)
    found = Candidacy.objects.filter(
        **edition.source_filter("edition__"), stage__in=order
    ).select_related("experience", "member", "category")
    return sorted(found, key=lambda candidacy: (order.index(candidacy.stage), candidacy.pk))


def _with_award(page, award):
    if not any(
        (a.year, a.distinction, a.award) == (award.year, award.distinction, award.award)
        for a in page.awards.all()
    ):
        page.awards.add(
            ExperienceAward(year=award.year, distinction=award.distinction, award=award.award)
        )
    return page


def give_award(experience, award, user):
    """Add the distinction to the live page as a published revision; a draft in progress
    keeps it too, without being published by it. A page never published (proposed with its
    candidacy, taken offline since) gets it in its draft only: publishing stays the editors'."""
    if not experience.live:
        draft = experience.get_latest_revision_as_object()
        _with_award(draft, award).save_revision(user=user)
        return
    draft = experience.get_latest_revision() if experience.has_unpublished_changes else None
    live = experience.live_revision.as_object() if experience.live_revision else experience
    _with_award(live, award).save_revision(user=user, log_action=True).publish(user=user)
    if draft is not None:
        _with_award(draft.as_object(), award).save_revision(user=user)


@transaction.atomic
def publish_results(edition, user, news=True):
    """Publish the results of `edition` (its source) once; returns the publication. `news`
    drafts the news item for the officers."""
    edition = edition.source
    existing = ResultsPublication.objects.filter(edition=edition).first()
    if existing is not None:
        return existing
    results = distinguished(edition)
    for candidacy in results:
        award = ExperienceAward(
            year=edition.year,
            distinction=DISTINCTION_OF[candidacy.stage],
            award=award_name(edition),
        )
        source = candidacy.experience.specific
        # A distinction is a fact, not words to translate: each live translation shows it at
        # once, while the text a translator has under review stays a draft.
        for page in [source, *source.get_translations().live().specific()]:
            give_award(page, award, user)
    news = draft_news(edition, results, user) if news else None
    publication = ResultsPublication.objects.create(edition=edition, published_by=user, news=news)
    # The experiences' publishes purge their own pages; the edition page and the award's
    # results feed change without a publish of theirs.
    if frontcache.enabled():
        frontcache.purge_after_commit(frontcache.affected(edition))
    return publication


def draft_news(edition, results, user):
    """A news item in the default language, left as a draft for the officers."""
    index = NewsIndexPage.objects.filter(locale=default_locale()).first()
    if index is None:
        return None
    with translation.override(default_locale().language_code):
        title = _("The winners of the %(edition)s IOPD Best Practice Award") % {
            "edition": ordinal(edition.number)
        }
        # Officers publish the draft as it is: a member without consent is not named in it.
        lines = [
            (
                _("%(distinction)s: %(experience)s (%(member)s)")
                if candidacy.member.is_public
                else _("%(distinction)s: %(experience)s")
            )
            % {
                "distinction": Stage(candidacy.stage).label,
                "experience": candidacy.experience.title,
                "member": candidacy.member.name,
            }
            for candidacy in results
        ]
        summary = _("The jury of the %(edition)s edition has chosen %(count)d experiences.") % {
            "edition": ordinal(edition.number),
            "count": len(results),
        }
    body = json.dumps([{"type": "paragraph", "value": "".join(f"<p>{line}</p>" for line in lines)}])
    slug = slugify(f"award-results-{edition.year}")
    taken = index.get_children().filter(slug__startswith=slug).count()
    news = NewsPage(
        title=title,
        slug=f"{slug}-{taken + 1}" if taken else slug,
        summary=summary[:400],
        body=body,
        locale=index.locale,
        live=False,
        owner=user,
    )
    index.add_child(instance=news)
    news.save_revision(user=user, log_action=True)
    return news


def localized_results(edition):
    """The published results as the edition's readers see them: each experience in the
    page's language where a live translation exists, members named only when public."""
    if not edition.results_published:
        return []
    results = distinguished(edition)
    locale = active_locale()
    members = {m.translation_key: m for m in localized([c.member for c in results])}
    # The live translations of every distinguished experience in one query, not one each.
    translations = {
        page.translation_key: page
        for page in ExperiencePage.objects.live().filter(
            locale=locale, translation_key__in=[c.experience.translation_key for c in results]
        )
    }
    shown = []
    for candidacy in results:
        experience = translations.get(candidacy.experience.translation_key, candidacy.experience)
        if not experience.live or not is_public(experience):
            continue
        member = members.get(candidacy.member.translation_key)
        shown.append(
            {
                "stage": candidacy.stage,
                "distinction": Stage(candidacy.stage).label,
                "experience": experience.specific,
                "member": member if member is not None and member.is_public else None,
            }
        )
    return shown
