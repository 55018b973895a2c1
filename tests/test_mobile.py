"""The listings on a phone (390 by 844 px in Chromium): results come first, the filters wait behind
a "Filters (n)" disclosure that works with and without JavaScript, and on a desktop the filters
stand beside the results without a click.

Each test walks every listing in one browser context: loading the demo is the costly part."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LISTINGS = {
    "search": ("/en/search/?q=budget", "#search-results .search-result"),
    "experiences": ("/en/experiences/", ".results .card"),
    "experiences, filtered": ("/en/experiences/?region=europe", ".results .card"),
    # Three chips and a longer title: with the site menu unfolded (no JavaScript) the first
    # card once started 877 px down.
    "experiences in French, three filters": (
        "/fr/experiences/?region=europe&topic=sortition&mechanism=citizens-assembly",
        ".results .card",
    ),
    "members": ("/en/members/", ".results .card"),
    "reports": ("/en/reports/", ".results .card"),
    # The topic filter once stood unfolded above the news: the first card at 1,000 px.
    "news": ("/en/news/", ".results .card"),
    "news in French, one topic": ("/fr/actualites/?topic=climate", ".results .card"),
}
PANEL = "[data-filters-panel]"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_on_a_phone_the_first_result_is_on_the_first_screen(
    demo_live, live_server, browser, javascript
):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    phone = context.new_page()
    for name, (path, results) in LISTINGS.items():
        phone.goto(f"{live_server.url}{path}")
        first = phone.locator(results).first
        assert first.is_visible(), f"{name}: no result shown"
        top = first.bounding_box()["y"]
        assert top < PHONE["height"], f"{name}: the first result starts {top:.0f} px down"
        # The filters are one tap away, and open where the visitor is.
        summary = phone.locator(f"{PANEL} > summary")
        assert summary.is_visible(), name
        control = phone.locator(f"{PANEL} input, {PANEL} select").first
        assert not control.is_visible(), f"{name}: the filters are not folded"
        summary.click()
        assert control.is_visible(), f"{name}: the disclosure does not open"

    phone.goto(f"{live_server.url}/en/experiences/?status=finished&from=2000")
    assert phone.locator(f"{PANEL} > summary").inner_text().strip() == "Filters (2)"
    phone.goto(f"{live_server.url}/fr/experiences/")
    assert phone.locator(f"{PANEL} > summary").inner_text().strip() == "Filtres"
    context.close()


def test_on_a_desktop_the_filters_stand_beside_the_results(demo_live, live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for name, (path, _results) in LISTINGS.items():
        page.goto(f"{live_server.url}{path}")
        assert not page.locator(f"{PANEL} > summary").is_visible(), name
        assert page.locator(f"{PANEL} input, {PANEL} select").first.is_visible(), name
    context.close()


def test_a_filter_ticked_on_a_phone_keeps_the_filters_open(demo_live, live_server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/search/?q=budget")
    page.locator(f"{PANEL} > summary").click()
    page.locator(f"{PANEL} input[type=checkbox]").first.check()
    page.wait_for_url("**/search/?*q=budget*&*")
    page.wait_for_function(
        "!document.querySelector('[data-search-form]').hasAttribute('aria-busy')"
    )
    assert page.locator(PANEL).evaluate("panel => panel.open")
    assert "(1)" in page.locator(f"{PANEL} > summary").inner_text()
    context.close()
