"""The database search's in-memory facets: counts and results pages agree with a plain
computation over the same rows, whichever path (a walk along the order, or a sort of few
matches) a page takes."""

import datetime
import random
import time
import uuid

import pytest
from django.core.cache import cache

from search import postings as module
from search.postings import Postings, bitset, positions_of, union

FACETS = ("topic", "country")


def rows(cases=400, seed=3):
    """Documents in English for every case, French for one in three, with facets and dates."""
    rng = random.Random(seed)
    documents, facet_rows, truth = [], [], []
    pk = 0
    for number in range(cases):
        key = uuid.UUID(int=rng.getrandbits(128))
        date = (
            None
            if number % 17 == 0
            else datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000))
        )
        title = rng.choice(["budget", "assembly", "jury", "forum"]) + f" {rng.randrange(50):02d}"
        for code in ("en", "fr") if number % 3 == 0 else ("en",):
            pk += 1
            year = date.year if date else None
            documents.append((pk, key, code, year, date, title))
            values = {"topic": rng.sample(["climate", "gender", "youth", "housing"], 2)}
            values["country"] = [rng.choice(["AR", "BR", "FR", "ES", "KE"])]
            for facet, chosen in values.items():
                facet_rows += [(pk, facet, value) for value in chosen]
            truth.append({"key": key, "code": code, "date": date, "title": title, **values})
    return documents, facet_rows, truth


@pytest.fixture(scope="module")
def data():
    documents, facet_rows, truth = rows()
    return Postings(documents, facet_rows), truth


def matching(truth, codes, topic=None, country=None):
    return [
        doc
        for doc in truth
        if doc["code"] in codes
        and (not topic or topic in doc["topic"])
        and (not country or country in doc["country"])
    ]


def within(postings, codes, topic=None, country=None):
    found = {}
    for code in codes:
        bits = postings.languages[code].present
        if topic:
            bits &= postings.selection(code, "topic", [topic])
        if country:
            bits &= postings.selection(code, "country", [country])
        found[code] = bits
    return found


@pytest.mark.parametrize("codes", [["en"], ["fr"], ["en", "fr"]], ids=str)
@pytest.mark.parametrize("topic", [None, "youth"])
def test_counts_count_each_case_once_across_languages(data, codes, topic):
    postings, truth = data
    expected = {}
    for doc in matching(truth, codes, topic):
        expected.setdefault(doc["country"][0], set()).add(doc["key"])
    counts = postings.counts(codes, "country", within(postings, codes, topic))
    assert counts == {value: len(keys) for value, keys in expected.items()}


# Broad selections walk the whole order; a narrow one (a few cases) sorts its matches.
SELECTIONS = [(None, None), ("youth", None), ("youth", "KE")]


@pytest.mark.parametrize("sort", ["newest", "oldest", "title"])
@pytest.mark.parametrize("codes", [["en"], ["fr"], ["en", "fr"]], ids=str)
@pytest.mark.parametrize("topic,country", SELECTIONS)
def test_every_page_is_the_slice_of_the_whole_sorted_list(data, sort, codes, topic, country):
    postings, truth = data
    # A case's date is its latest document's, its title the first of its titles.
    cases = {}
    for doc in matching(truth, codes, topic, country):
        case = cases.setdefault(doc["key"], {"dates": [], "titles": []})
        if doc["date"]:
            case["dates"].append(doc["date"])
        case["titles"].append(doc["title"])

    def key(item):
        key, case = item
        date = max(case["dates"]) if case["dates"] else None
        ordinal = date.toordinal() if date else 0
        sign = -1 if sort == "newest" else 1
        dated = (date is None, sign * ordinal) if sort != "title" else ()
        return (*dated, min(case["titles"]), str(key))

    expected = [key for key, _case in sorted(cases.items(), key=key)]
    matches = within(postings, codes, topic, country)
    shown = []
    for offset in range(0, len(expected), 20):
        shown += [postings.keys[p] for p in postings.page(matches, sort, offset, 20)]
    assert shown == expected


def test_relevance_puts_titles_holding_more_query_words_first(data):
    postings, _truth = data
    matches = within(postings, ["en"])
    page = postings.page(matches, "relevance", 0, 400, terms=["jury"])
    titles = [postings.languages["en"].titles[p] for p in page]
    holding = [title for title in titles if "jury" in title]
    assert titles[: len(holding)] == holding and holding


def test_bitsets_round_trip():
    positions = [0, 7, 8, 63, 64, 1000]
    bits = bitset(positions, 1001)
    assert positions_of(bits) == positions
    assert union([bitset([1], 8), bitset([3], 8)]) == 0b1010


def test_a_large_site_answers_from_its_postings_while_new_ones_are_read(monkeypatch, settings):
    documents, facet_rows, _truth = rows(cases=20)
    readings = iter([Postings(documents, facet_rows), Postings(documents[:5], facet_rows)])
    monkeypatch.setattr(module, "read", lambda: next(readings))
    monkeypatch.setattr(module, "generation", lambda: generation)
    monkeypatch.setattr(module, "_current", {**module._current, "generation": None})
    cache.delete(module.LEFT_KEY)  # no document left lately
    generation = "first"
    first = module.load()  # nothing to answer from yet: read at once
    settings.SEARCH_POSTINGS_BACKGROUND_AFTER = -1  # as if reading took long
    generation = "second"
    assert module.load() is first  # answered at once, from what it had
    for _ in range(200):
        if module._current["generation"] == "second":
            break
        time.sleep(0.01)
    assert module.load() is not first
    assert module.load().size == len({row[1] for row in documents[:5]})


@pytest.mark.django_db
def test_a_page_made_private_is_not_counted_even_while_postings_are_read_in_background(
    settings, client
):
    from repository.models import ExperiencePage
    from tests.fixtures import sign_in

    settings.SEARCH_POSTINGS_BACKGROUND_AFTER = -1  # as if reading took long on a large site
    page = ExperiencePage.objects.get(
        slug="porto-alegre-participatory-budgeting", locale__language_code="en"
    )
    search = {"q": "Porto Alegre", "lang": "all"}
    assert page.title in client.get("/en/search/", search).content.decode()
    editor = sign_in("privacy-search", superuser=True)
    response = editor.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    # Neither listed nor counted: a facet value or a total would tell that it exists.
    found = client.get("/en/search/", search).content.decode()
    assert page.title not in found
    assert "0 results" in found
