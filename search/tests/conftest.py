import os
from pathlib import Path

import pytest

from iopd_site.settings.base import search_engine_from_env
from legal.models import LegalFramework
from repository.coding import CODED_VARIABLES
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage
from taxonomy.models import Country, GovernmentLevel, Mechanism, TargetGroup, Topic
from tests.fixtures import in_ci

from .cluster import Cluster

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
    # Legal frameworks on every third case, two on some (the legal-basis facet counts cases).
    frameworks = list(LegalFramework.objects.filter(locale=locale).order_by("identifier"))
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
            # A duration too, so that the inclusion criteria are met by some (the ninth).
            page.duration_days = number + 1
        if number % 3 == 1:
            page.legal_frameworks = frameworks[number % len(frameworks) :][: 1 + number % 2]
        page.save()
        created.append(page)
    return created


@pytest.fixture
def engine(cases, search_engine):
    """The engine with a fresh index of the demo content and the spread of cases."""
    return search_engine


@pytest.fixture
def search_cluster(request, settings, monkeypatch):
    """The three-node cluster that `make test` starts for the `cluster` tests, as the site's
    engine with a fresh index of the demo content; all its nodes up and green at the start and
    again at the end, whatever the test stopped."""
    run_dir = os.environ.get("IOPD_CLUSTER_RUN_DIR", "")
    if not (run_dir and (Path(run_dir) / "env").is_file()):
        message = (
            f"no cluster in IOPD_CLUSTER_RUN_DIR={run_dir!r}: `make test` starts one with "
            "scripts/search-cluster.sh for these tests (-m cluster)"
        )
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    cluster = Cluster(run_dir)
    # The settings read the cluster's three addresses as a deployment gives them.
    monkeypatch.setenv("SEARCH_ENGINE_URL", cluster.url)
    monkeypatch.delenv("SEARCH_REPLICAS", raising=False)
    settings.SEARCH_ENGINE_FOR_TESTS = search_engine_from_env("iopd_test_cluster")
    assert settings.SEARCH_ENGINE_FOR_TESTS["REPLICAS"] == 1
    cluster.engine = request.getfixturevalue("search_engine")
    assert cluster.health(wait_for_status="green", wait_for_nodes="3")["status"] == "green"
    yield cluster
    if cluster.down:
        cluster.start(*sorted(cluster.down))
    health = cluster.health(wait_for_status="green", wait_for_nodes="3")
    assert health["status"] == "green", health
