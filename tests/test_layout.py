"""The public pages on a desktop screen (1280 px) in Chromium: rows that fill the width and
line up, an agenda laid out in columns of months, hints that fit their boxes, maps on cards."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def box(locator):
    found = locator.bounding_box()
    return round(found["x"]), round(found["x"] + found["width"])


def test_the_home_page_rows_span_the_content_width_on_the_heros_edges(
    demo_live, live_server, desktop
):
    desktop.goto(f"{live_server.url}/en/")
    hero = box(desktop.locator(".hero"))
    grids = desktop.locator(".home-body .cards")
    assert grids.count() >= 3
    for number in range(grids.count()):
        grid = grids.nth(number)
        assert box(grid) == hero, f"grid {number}: {box(grid)} against the hero's {hero}"
        cards = grid.locator(".card")
        if cards.count() >= 3:
            # Three cards fill the row: the last one ends where the grid ends.
            assert box(cards.nth(2))[1] == hero[1]


def test_the_agenda_lays_its_months_side_by_side(demo_live, live_server, desktop):
    desktop.goto(f"{live_server.url}/en/agenda/")
    months = desktop.locator("#past-heading ~ .agenda-months .agenda-month")
    tops = [round(months.nth(n).bounding_box()["y"]) for n in range(months.count())]
    assert months.count() >= 3
    assert len(set(tops)) < len(tops), "at least two months share a row"


# One page of several types per language: the header is the same, its hint is not.
HINT_PAGES = {
    "en": ["/en/", "/en/experiences/", "/en/search/?q=budget", "/en/news/", "/en/about/"],
    "fr": ["/fr/", "/fr/experiences/budget-participatif-jeunes/", "/fr/search/?q=budget"],
    "es": ["/es/", "/es/noticias/", "/es/search/?q=presupuesto", "/es/experiencias/"],
}
# The hint as the field shows it: typed into the field, where Chromium also keeps room for
# the search field's clear button, the text must not scroll (a canvas measure of the text
# against the padding box missed that room, and a letter was cut).
HINT_OVERFLOW = """field => {
    const typed = field.value;
    field.value = field.placeholder;
    const overflow = field.scrollWidth - field.clientWidth;
    field.value = typed;
    return [field.placeholder, overflow];
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_header_search_hint_fits_its_box(demo_live, live_server, browser, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    cut = []
    for path in HINT_PAGES[language]:
        page.goto(f"{live_server.url}{path}")
        hint, overflow = page.locator("#site-search-q").evaluate(HINT_OVERFLOW)
        assert hint, path
        if overflow > 0:
            cut.append(f"{path}: “{hint}” is {overflow} px too wide")
    context.close()
    assert cut == []


def test_experience_cards_show_where_they_took_place(demo_live, live_server, desktop):
    desktop.goto(f"{live_server.url}/en/experiences/")
    maps = desktop.locator(".cards .card__map")
    assert maps.count() >= 3
    first = maps.first
    first.scroll_into_view_if_needed()
    assert first.evaluate("image => image.complete && image.naturalWidth > 0"), "the map loads"
    card = desktop.locator(".cards .card").first
    (left, right), (card_left, card_right) = box(first), box(card)
    assert left - card_left <= 1 and card_right - right <= 1, (
        "the map spans its card (inside its border)"
    )


# Listings whose filters have lists longer than FOLD_AFTER options in the demo.
FACETED = ["/en/experiences/", "/fr/experiences/", "/en/search/?q=participation", "/es/miembros/"]
# The last option shown in each list of a fieldset, and whether it lies inside the fieldset
# and no list scrolls (a scroll box cut its last option).
LAST_OPTIONS = """fieldset => {
    const shown = [...fieldset.querySelectorAll("li")].filter((li) => li.checkVisibility());
    const last = shown.at(-1).getBoundingClientRect();
    const box = fieldset.getBoundingClientRect();
    const scrolls = [...fieldset.querySelectorAll("ul")].some(
        (list) => list.checkVisibility() && list.scrollHeight > list.clientHeight + 1);
    return {
        shown: shown.length,
        inside: last.top >= box.top && last.bottom <= box.bottom && last.height > 0,
        scrolls,
    };
}"""


def test_filter_lists_show_their_options_whole_and_fold_the_rest(demo_live, live_server, browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    for path in FACETED:
        page.goto(f"{live_server.url}{path}")
        fieldsets = page.locator(".filters fieldset:has(input[type=checkbox])")
        assert fieldsets.count() >= 3, path
        folded = 0
        for fieldset in fieldsets.all():
            name = f"{path} {fieldset.locator('legend').inner_text()}"
            found = fieldset.evaluate(LAST_OPTIONS)
            assert found["inside"] and not found["scrolls"], f"{name}: {found}"
            more = fieldset.locator(".filters__more > summary")
            if not more.count():
                continue
            folded += 1
            total = fieldset.locator("input[type=checkbox]").count()
            assert found["shown"] < total, name
            assert re.search(rf"\b{total}\b", more.inner_text()), name
            more.click()  # "Show all 40 options", a native disclosure
            found = fieldset.evaluate(LAST_OPTIONS)
            assert found == {"shown": total, "inside": True, "scrolls": False}, name
        assert folded, f"{path}: no long list folded"
    context.close()


def test_a_ticked_option_of_a_folded_list_is_shown(demo_live, live_server, browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/experiences/")
    folded = page.locator("fieldset:has(.filters__more)").first
    hidden = folded.locator(".filters__more input[type=checkbox]").last
    name, value = hidden.get_attribute("name"), hidden.get_attribute("value")
    assert not hidden.is_visible()
    folded.locator(".filters__more > summary").click()
    hidden.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(rf"{name}={value}"))
    ticked = page.locator(f"input[name={name}][value={value}]")
    assert ticked.is_visible() and ticked.is_checked()
    context.close()
