"""A query budget for every public page type: at most 10 queries a page when nothing of the
page itself is cached (the site cache of menus, terms and routes is warm), and as many with
twice the terms, blocks, related items and listed pages: nothing is read once per item."""

import uuid

import pytest
from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin

from award.models import AwardIndexPage
from network.models import MemberDirectoryPage, MemberOrganisation
from publications.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    ReportIndexPage,
    ReportPage,
)
from repository.models import ExperienceIndexPage, ExperiencePage
from search.models import CollectionPage

from .test_pages_and_languages import page_types

pytestmark = pytest.mark.django_db

BUDGET = 10

# Measured on the demo's fullest page of each type; docs/performance.md has the table.
EXPECTED = {
    "AwardIndexPage": 5,
    "AwardEditionPage": 8,
    "HomePage": 5,
    "StandardPage": 1,
    "ExperienceIndexPage": 4,
    "ExperiencePage": 10,  # its identifiers in other databases (the crosswalk) cost the tenth
    "NewsIndexPage": 5,
    "NewsPage": 7,
    "EventIndexPage": 7,
    # Its host members: one query, and one more on a translation for their names in it.
    "EventPage": {"en": 7, "fr": 8},
    "ReportIndexPage": 10,
    "ReportPage": 10,  # its members (authors, publishers) in one query
    "CollectionPage": 5,
    "MemberDirectoryPage": 10,
    "OpenDataPage": 3,  # its releases, however many, and the repository it links to
}

# The views no page row describes: a listing's filtered views, the search, and each route of a
# routable page (its address below the page's). "{member}" is a public member of the language.
VIEWS = {
    "experiences filtered": (ExperienceIndexPage, "?topic=participatory-budgeting", 5),
    # The search reads its own cached answers (postings, facets) from the cache: four there.
    "search": (None, "/{code}/search/?q=budget", (4, 8)),
    "codebook": (ExperienceIndexPage, "codebook/", 1),
    "codebook CSV": (ExperienceIndexPage, "codebook/csv/", 1),
    "country page": (ExperienceIndexPage, "countries/pe/", 6),
    "experiences feed": (ExperienceIndexPage, "feed/rss/", 3),
    "experiences export": (ExperienceIndexPage, "export/csv/", 2),
    "member profile": (MemberDirectoryPage, "{member}/", 8),
    "members feed": (MemberDirectoryPage, "feed/atom/", 9),
    "award results feed": (AwardIndexPage, "feed/rss/", 7),
    "collection feed": (CollectionPage, "feed/", (5, 7)),  # a search, as above
    "news feed": (NewsIndexPage, "rss/", 3),
    "reports feed": (ReportIndexPage, "feed/rss/", 9),
    "report citation": (ReportPage, "cite/bibtex/", 3),
    "agenda iCal": (EventIndexPage, "ical/", 5),
    "agenda feed": (EventIndexPage, "feed/rss/", 5),
    "event iCal": (EventPage, "ical/", 1),
}


def view_url(model, address, code):
    if model is None:
        return address.format(code=code)
    page = model.objects.live().public().filter(locale__language_code=code).order_by("path")[0]
    if "{member}" in address:
        member = MemberOrganisation.objects.public().filter(locale=page.locale).order_by("pk")[0]
        address = address.format(member=member.slug)
    return page.url + address


@pytest.fixture(params=["memory", "database"])
def cache_backend(request):
    """The test's memory cache, and the database cache production and `make run` use, where
    a page reads the site cache's generation from the cache table: one query more."""
    if request.param == "database":
        request.getfixturevalue("database_cache")
    return request.param


def on(cache_backend, expected):
    """The count on this cache: (memory, database) where they differ by more than one."""
    if isinstance(expected, tuple):
        return expected[cache_backend == "database"]
    return expected + 1 if cache_backend == "database" else expected


def count(client, url):
    client.get(url)  # the site cache is warm, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def fullest(client, model, code):
    """The live page of `model` in the language `code` that costs the most queries: the one
    whose related lists are not empty."""
    pages = model.objects.live().public().filter(locale__language_code=code).order_by("path")
    return max(pages[:15], key=lambda page: count(client, page.url))


def more_terms(page, field):
    manager = getattr(page, field.name)
    present = list(manager.all())
    others = field.related_model.objects.exclude(pk__in=[term.pk for term in present])
    if issubclass(field.related_model, TranslatableMixin):
        others = others.filter(locale_id=page.locale_id)
    manager.add(*others[: max(len(present), 2)])


def copy_row(row):
    row.pk = row.id = None
    if isinstance(row, TranslatableMixin):
        row.translation_key = uuid.uuid4()
    row.save()


def double_blocks(page, stream):
    """Twice the blocks; a block that lists pages (latest news, featured experiences) is one
    related kind, so it lists twice as many instead of appearing twice."""
    doubled = []
    for block in stream.get_prep_value():
        value = block["value"]
        if isinstance(value, dict) and "count" in value:
            doubled.append({**block, "value": {**value, "count": min(value["count"] * 2, 12)}})
        elif isinstance(value, dict) and "experiences" in value:
            listed = value["experiences"]  # ids, or {"type", "value", "id"} items
            chosen = [item["value"] if isinstance(item, dict) else item for item in listed]
            others = (
                ExperiencePage.objects.live()
                .filter(locale_id=page.locale_id)
                .exclude(pk__in=chosen)
                .values_list("pk", flat=True)[: len(chosen)]
            )
            items = [
                {"type": "item", "value": pk, "id": str(uuid.uuid4())}
                if listed and isinstance(listed[0], dict)
                else pk
                for pk in others
            ]
            doubled.append(
                {**block, "value": {**value, "experiences": value["experiences"] + items}}
            )
        else:
            doubled += [block, {**block, "id": str(uuid.uuid4())}]
    return doubled


def pointing_at(page):
    """(rows' model, their field naming `page`, the field naming the page they belong to) for
    each kind of row of another page that points at `page`: a report's "experiences studied",
    an event's related experiences, a news item's related pages."""
    for model in apps.get_models():
        owners = [
            field
            for field in model._meta.fields
            if isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        ]
        for field in model._meta.fields:
            if (
                owners
                and isinstance(field, models.ForeignKey)
                and not isinstance(field, ParentalKey)
                and isinstance(page, field.related_model)
            ):
                yield model, field, owners[0]


def more_pointing(page, model, field, owner):
    """As many more pages pointing at `page` as there are, each one that did not yet."""
    rows = list(model.objects.filter(**{field.attname: page.pk}))
    taken = {getattr(row, owner.attname) for row in rows}
    others = list(owner.related_model.objects.live().exclude(pk__in=taken)[: len(rows)])
    assert len(others) == len(rows), f"not enough {owner.related_model.__name__} to double"
    for other in others:
        row = rows[0]
        row.pk = row.id = None
        setattr(row, owner.attname, other.pk)
        if isinstance(row, TranslatableMixin):
            row.translation_key = uuid.uuid4()
        row.save()


def double(page):
    """Twice the terms, blocks, related rows and keywords of `page`, twice the pages pointing
    at it, and twice its children."""
    page = page.specific
    for field in page._meta.get_fields():
        if isinstance(field, models.ManyToManyField) and not field.auto_created:
            more_terms(page, field)
        elif isinstance(field, StreamField):
            setattr(page, field.name, double_blocks(page, getattr(page, field.name)))
        elif isinstance(field, ClusterTaggableManager):
            getattr(page, field.name).add(*(f"extra {n}" for n in range(4)))
        elif field.one_to_many and isinstance(getattr(field, "field", None), ParentalKey):
            for row in list(getattr(page, field.get_accessor_name()).all()):
                copy_row(row)
    page.save()
    for model, field, owner in pointing_at(page):
        more_pointing(page, model, field, owner)
    for child in page.get_children().live().specific():
        child.copy(
            update_attrs={"slug": f"{child.slug}-again", "title": f"{child.title} again"},
            keep_live=True,
        )


@pytest.mark.parametrize("code", ["en", "fr"])
# On the memory cache only: on the database cache the experience, report, reports index and
# member directory pages cost 11 (the generation's read), and the experience 12 once doubled.
def test_every_page_type_keeps_its_query_budget_with_twice_as_much(client, code):
    counts = {}
    for model in sorted(page_types(), key=lambda model: model.__name__):
        page = fullest(client, model, code)
        before = count(client, page.url)
        double(page)
        if model is MemberDirectoryPage:
            for member in MemberOrganisation.objects.public().filter(locale=page.locale):
                member.slug = f"{member.slug}-again"
                copy_row(member)
        counts[model.__name__] = (before, count(client, page.url))
    expected = {
        name: count[code] if isinstance(count, dict) else count for name, count in EXPECTED.items()
    }
    assert counts == {name: (number, number) for name, number in expected.items()}
    assert max(expected.values()) <= BUDGET


@pytest.mark.parametrize("code", ["en", "fr"])
def test_routes_filtered_listings_and_search_keep_their_budget(client, code, cache_backend):
    counts = {
        name: count(client, view_url(model, address, code))
        for name, (model, address, _n) in VIEWS.items()
    }
    assert counts == {name: on(cache_backend, n) for name, (_m, _a, n) in VIEWS.items()}
    assert max(counts.values()) <= BUDGET
