"""A page per country: the laws its experiences rest on and how its public experiences spread
over the decades (of their start year) and over the mechanisms, each count a link to the
listing that shows the same experiences."""

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse

from core.privacy import public
from legal.models import for_country
from taxonomy.models import Country, CountryIntroduction, Mechanism

ISO_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    url: str


def country_or_404(code):
    """The country of a lower-case ISO code in the address; anything else is not found."""
    if not ISO_CODE.fullmatch(code):
        raise Http404
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise Http404
    return country


def summary(index, country):
    """What the country's page shows in the index's language; 404 when the repository knows
    nothing of the country (no framework, and no public experience in any language)."""
    from .models import ExperiencePage

    everywhere = public(ExperiencePage.objects.live()).filter(country=country)
    frameworks = for_country(country)
    if not frameworks and not everywhere.exists():
        raise Http404
    experiences = everywhere.child_of(index)
    code = country.code
    years = Counter(
        year - year % 10 if year else None
        for year in experiences.values_list("start_year", flat=True)
    )
    search = reverse("search")
    decades = [
        Row(
            f"{decade}–{decade + 9}",
            years[decade],
            f"{search}?"
            + urlencode(
                {"type": "experience", "country": code, "year_from": decade, "year_to": decade + 9}
            ),
        )
        for decade in sorted(year for year in years if year is not None)
    ]
    through = ExperiencePage.mechanisms.through
    used = Counter(
        through.objects.filter(experiencepage__in=experiences.values("pk")).values_list(
            "mechanism__slug", flat=True
        )
    )
    mechanisms = [
        Row(
            term.name,
            used[term.slug],
            f"{index.url}?" + urlencode({"country": code, "mechanism": term.slug}),
        )
        for term in Mechanism.cached_localized()
        if used[term.slug]
    ]
    mechanisms.sort(key=lambda row: -row.count)  # stable: editorial order on a tie
    return {
        "country": country,
        "introduction": CountryIntroduction.for_country(code),
        "frameworks": frameworks,
        "total": sum(years.values()),  # the decades counted every one (undated too)
        "undated": years[None],
        "decades": decades,
        "mechanisms": mechanisms,
        "listing_url": f"{index.url}?" + urlencode({"country": code}),
    }
