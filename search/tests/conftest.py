import pytest

from repository.coding import CODED_VARIABLES
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic

# More countries than a top-ten facet would show, on several continents.
COUNTRIES = ["AR", "AU", "CA", "CL", "DE", "ES", "FR", "IN", "JP", "KE", "MX", "SN", "UY", "ZA"]


@pytest.fixture
def cases(db):
    """Fourteen English experiences spread over countries, topics, mechanisms and years."""
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    locale = index.locale
    topics = list(Topic.objects.filter(locale=locale).order_by("sort_order", "slug"))
    mechanisms = list(Mechanism.objects.filter(locale=locale).order_by("slug"))
    groups = list(TargetGroup.objects.filter(locale=locale).order_by("slug"))
    levels = list(GovernmentLevel.objects.filter(locale=locale).order_by("slug"))
    codes = {
        variable: list(variable.model.objects.filter(locale=locale).order_by("slug"))
        for variable in CODED_VARIABLES
    }
    created = []
    for number, code in enumerate(COUNTRIES):
        page = ExperiencePageFactory(
            parent=index,
            title=f"Neighbourhood forum of {code}",
            summary=f"Residents of {code} decide together on local priorities.",
            country=Country.objects.get(code=code),
            start_year=2005 + number,
            ongoing=number % 3 != 0,
            end_year=None if number % 3 else 2006 + number,
            government_level=levels[number % len(levels)],
        )
        page.topics = [topics[number % len(topics)], topics[(number + 5) % len(topics)]]
        page.mechanisms = [mechanisms[number % len(mechanisms)]]
        page.target_groups = [groups[number % len(groups)]]
        # Coded variables on three cases in four; the fourth stays unknown.
        for variable, terms in codes.items() if number % 4 != 3 else ():
            first, second = terms[number % len(terms)], terms[(number + 1) % len(terms)]
            setattr(page, variable.field, [first, second] if variable.many else first)
        page.save()
        created.append(page)
    return created


@pytest.fixture
def engine(cases, search_engine):
    """The engine with a fresh index of the demo content and the spread of cases."""
    return search_engine
