"""What a member's profile shows: its experiences, the events it hosted and the reports it
wrote or published, each live and public page once, in the directory's language (else its
source's); the awards its experiences received, and the schema.org Organization."""

from core import seo
from core.locales import default_locale
from core.privacy import public
from publications.models import EventPage, ReportMember, ReportPage
from repository.models import ExperienceAward, ExperiencePage
from taxonomy.models import localize_terms


def one_per_page(pages, locale):
    """Each page once: in `locale` when translated there, else in the default language (the
    source), else in whichever language it is live."""
    preference = {locale.pk: 0, default_locale().pk: 1}
    found = {}
    for page in pages:
        current = found.get(page.translation_key)
        rank = preference.get(page.locale_id, 2)
        if current is None or rank < preference.get(current.locale_id, 2):
            found[page.translation_key] = page
    return list(found.values())


def member_events(source, locale):
    """The live public events this member hosted, the latest first. The link may be on any
    language's copy: translations follow their source's hosts only once synchronised."""
    keys = EventPage.objects.filter(hosts__member__translation_key=source.translation_key).values(
        "translation_key"
    )
    pages = public(EventPage.objects.live().filter(translation_key__in=keys)).select_related(
        "locale"
    )
    return sorted(one_per_page(pages, locale), key=lambda page: page.start, reverse=True)


def member_reports(source, locale):
    """(report, role labels) for the live public reports this member wrote or published,
    the latest first."""
    links = ReportMember.objects.filter(member__translation_key=source.translation_key)
    roles = {}
    for key, role in links.values_list("report__translation_key", "role").order_by("sort_order"):
        roles.setdefault(key, set()).add(role)
    pages = public(ReportPage.objects.live().filter(translation_key__in=roles)).select_related(
        "locale"
    )
    reports = sorted(
        one_per_page(pages, locale), key=lambda page: page.publication_date, reverse=True
    )
    labels = dict(ReportMember._meta.get_field("role").flatchoices)
    return [
        (report, [labels[role] for role in labels if role in roles[report.translation_key]])
        for report in reports
    ]


def member_experiences(source, locale):
    """The live public experiences that name this member, one per experience, in `locale`
    where translated."""
    pages = (
        public(ExperiencePage.objects.live())
        .filter(organisations__member__translation_key=source.translation_key)
        .distinct()
        .select_related("country", "locale")
    )
    found = {}
    for page in pages:
        if page.translation_key not in found or page.locale_id == locale.pk:
            found[page.translation_key] = page
    return sorted(found.values(), key=lambda page: (-(page.start_year or 0), page.title))


def organization_data(request, member, profile_url):
    data = {
        "@type": "Organization",
        "name": member.name,
        "url": member.website or profile_url,
        "mainEntityOfPage": profile_url,
    }
    if member.country_id or member.city:
        address = {"@type": "PostalAddress"}
        if member.country_id:
            address["addressCountry"] = member.country.code
        if member.city:
            address["addressLocality"] = member.city
        data["address"] = address
    if member.logo_id:
        data["logo"] = seo.image_url(request, member.logo, "max-400x400")
    return data


def profile_context(directory, request, source, member):
    experiences = member_experiences(source, directory.locale)
    by_key = {page.translation_key: page for page in experiences}
    awards = {}  # each language's copy of an experience carries the same awards
    for award in ExperienceAward.objects.filter(page__translation_key__in=by_key).select_related(
        "page"
    ):
        key = (award.page.translation_key, award.year, award.distinction, award.award)
        awards.setdefault(key, (award, by_key[award.page.translation_key]))
    profile_url = seo.absolute(request, directory.profile_url(member, request))
    directory.profile_data = organization_data(request, member, profile_url)
    directory.canonical_subpath = f"{member.slug}/"
    return {
        "member": member,
        "member_type": localize_terms([member.member_type])[0],
        "experiences": experiences,
        "awards": list(awards.values()),
        "events": member_events(source, directory.locale),
        "reports": member_reports(source, directory.locale),
        "social_title": member.name,
    }
