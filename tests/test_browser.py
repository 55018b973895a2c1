"""The public site in a real Chromium: keyboard, language switching, with and without JavaScript."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_switches_language_with_the_switcher(demo_live, live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/a-propos/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "À propos de l'observatoire"


def test_keyboard_user_skips_to_the_content(demo_live, live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/en/news/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # it comes into view when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_navigation_works_without_javascript(demo_live, live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/es/")
    main_menu = page.get_by_role("navigation", name="Principal")
    assert main_menu.is_visible()
    assert not page.get_by_role("button", name="Menú").is_visible()
    main_menu.get_by_role("link", name="Noticias").click()
    page.wait_for_url(re.compile(r"/es/noticias/$"))
    context.close()


def test_javascript_collapses_the_menu_on_small_screens(demo_live, live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("navigation", name="Main").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("navigation", name="Main").is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    context.close()


def test_search_filters_update_in_place_and_announce_the_count(
    demo_live, live_server, browser_page
):
    page = browser_page
    page.goto(f"{live_server.url}/en/search/?q=budget")
    page.evaluate("window.notReloaded = true")
    before = page.locator("[data-count]").inner_text()
    brazil = page.locator("fieldset[data-facet='country']").get_by_label(re.compile(r"\bBrazil\b"))
    brazil.check()
    page.wait_for_url(re.compile(r"country=BR"))
    page.wait_for_function("document.getElementById('search-announcer').textContent !== ''")
    announced = page.locator("#search-announcer").inner_text()
    assert announced == page.locator("[data-count]").inner_text() != before
    assert page.evaluate("window.notReloaded") is True  # updated without a page load
    assert page.get_by_role("link", name=re.compile("remove Country filter")).is_visible()


def test_search_filters_work_without_javascript(demo_live, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/search/?q=budget")
    page.locator("fieldset[data-facet='country']").get_by_label(re.compile(r"\bBrazil\b")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"country=BR"))
    assert "Porto Alegre" in page.locator("#search-results").inner_text()
    context.close()
