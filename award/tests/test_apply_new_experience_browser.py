"""A member's contact applies to the open call in Chromium with an experience the repository does
not hold yet: signed in through the login form, they describe it in the application form (a
mistake first, which loses nothing they typed), see their candidacy, and sign out; the
coordinator then finds the candidacy and opens the draft experience it created. Only the
accounts are set up through the ORM."""

import re

import pytest

from tests.test_editorial_journeys import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Neighbourhood climate assemblies of Porto Alegre"
SUMMARY = "Residents drawn by lot in each district propose climate measures."


@pytest.fixture
def people(demo_live):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    # Porto Alegre's contact address (network/data/demo_members.json) and a coordinator.
    for name, group in {"ana.souza": "Member contacts", "carla": "Coordinators"}.items():
        user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def sign_out(page):
    """Through the account menu of the admin's sidebar, as a person signs out."""
    page.locator(".sidebar-footer__account").click()
    logout = page.get_by_role("link", name="Log out").or_(
        page.get_by_role("button", name="Log out")
    )
    logout.first.click()
    page.wait_for_url(re.compile(r"/admin/login/"))


def test_a_member_applies_with_a_new_experience_in_the_browser(people, live_server, browser):
    base = live_server.url
    ana = sign_in(browser, base, "ana.souza")
    ana.get_by_role("button", name="Award").click()
    ana.get_by_role("link", name="Apply").click()
    ana.get_by_label("A new experience, described below", exact=True).check()
    ana.locator("#id_category").select_option(label="Local governments")
    ana.locator("#id_statement").fill("Every district drew lots for its climate assembly.")
    ana.locator("#id_new-title").fill(TITLE)
    ana.locator("#id_new-summary").fill(SUMMARY)
    ana.locator("#id_new-description").fill("Seventeen assemblies met in 2024.")
    ana.locator("#id_new-country").select_option(label="Brazil")
    ana.locator("#id_new-city").fill("Porto Alegre")
    ana.locator("#id_new-start_year").fill("2024")
    # Sent without the member's agreement: refused, and nothing typed is lost.
    ana.get_by_role("button", name="Send the candidacy").click()
    ana.get_by_text("Without this agreement we cannot publish it.").wait_for()
    assert ana.locator("#id_new-title").input_value() == TITLE
    assert ana.locator("#id_new-summary").input_value() == SUMMARY
    assert ana.get_by_label("A new experience, described below", exact=True).is_checked()
    ana.locator("#id_new-consent").check()
    ana.get_by_role("button", name="Send the candidacy").click()

    # Her candidacy, awaiting the compliance check, with the experience she described.
    ana.wait_for_url(f"{base}/admin/award/mine/")
    row = ana.locator("table.listing tbody tr").filter(has_text=TITLE)
    assert "Awaiting compliance check" in row.inner_text()
    assert "Porto Alegre City Council" in row.inner_text()
    sign_out(ana)
    ana.goto(f"{base}/admin/award/mine/")
    ana.wait_for_url(re.compile(r"/admin/login/"))

    # The coordinator finds the candidacy and opens the draft it created, in review.
    carla = sign_in(browser, base, "carla")
    carla.goto(f"{base}/admin/award/candidacies/")
    carla.get_by_role("link", name=TITLE).click()
    carla.get_by_text("a draft proposed with the candidacy").wait_for()
    carla.locator("dd").get_by_role("link", name=TITLE).click()
    carla.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert carla.locator("#id_title").input_value() == TITLE
    assert carla.locator("#id_summary").input_value() == SUMMARY

    # Not public until the editors publish it: the repository does not list it.
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{base}/en/experiences/?sort=newest")
    visitor.get_by_role("heading", level=1).wait_for()
    assert TITLE not in visitor.locator("main").inner_text()
