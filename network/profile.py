"""What a member's profile shows: its experiences in the directory's language (else their
source's), the awards those experiences received, and the schema.org Organization."""

from core import seo
from core.privacy import public
from repository.models import ExperienceAward, ExperiencePage
from taxonomy.models import localize_terms


def member_experiences(source, locale):
    """The live public experiences that name this member, one per experience, in `locale`
    where translated."""
    pages = (
        public(ExperiencePage.objects.live())
        .filter(organisations__member__translation_key=source.translation_key)
        .distinct()
        .select_related("country")
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
        "social_title": member.name,
    }
