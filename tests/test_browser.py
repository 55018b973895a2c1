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
    """On a phone the menu is folded behind "Menu" (so the page's content comes first) and opens
    from the keyboard; on a desktop it is shown without a click."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/es/")
    main_menu = page.get_by_role("navigation", name="Principal")
    assert not main_menu.is_visible()
    summary = page.locator("summary", has_text="Menú")
    for _ in range(5):  # the skip link, the site's name, then the menu
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the menu cannot be reached with Tab")
    page.keyboard.press("Enter")
    assert main_menu.is_visible()
    page.keyboard.press("Tab")
    first_link = main_menu.get_by_role("link").first
    assert first_link.evaluate("element => element === document.activeElement")
    main_menu.get_by_role("link", name="Noticias").focus()
    page.keyboard.press("Enter")
    # The link is followed once the news page starts to arrive; its load event (images and
    # all) is not what this test is about, and on a busy machine it outlasted the timeout.
    page.wait_for_url(re.compile(r"/es/noticias/$"), wait_until="commit")
    context.close()

    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    assert page.get_by_role("navigation", name="Principal").is_visible()
    assert not page.locator("summary", has_text="Menu").is_visible()
    context.close()


def test_javascript_folds_the_menu_on_small_screens(demo_live, live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    summary = page.locator("summary", has_text="Menu")
    menu = page.get_by_role("navigation", name="Main")
    assert not menu.is_visible()
    summary.click()
    assert menu.is_visible()
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert summary.evaluate("element => element === document.activeElement")
    # Wider, the menu unfolds by itself.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert menu.is_visible()
    assert not summary.is_visible()
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
