"""The award walked in Chromium through the admin, each person signed in through the login
form: a member's contact applies, a coordinator seats the jury and checks compliance, two
jurors score (one declares a conflict, which hides the candidacy), the coordinator moves the
best one to winner and publishes, and a visitor finds it through the award facet and on the
member's profile. Only the accounts are set up through the ORM."""

import datetime
import re

import pytest

from tests.test_editorial_journeys import PASSWORD, footer_action, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = {
    "ana.souza": "Member contacts",  # Porto Alegre's contact (network/data/demo_members.json)
    "carla": "Coordinators",
    "ines": "Jury",
    "jan": "Jury",
}
PORTO_ALEGRE = "Participatory budgeting in Porto Alegre"
CASCAIS = "Youth participatory budget"


@pytest.fixture
def people(demo_live):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    for name, group in PEOPLE.items():
        user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def close_the_call(carla, base, edition):
    """The coordinator moves the edition's timeline in its form: the call closed yesterday,
    the evaluation runs."""
    today = datetime.date.today()
    carla.goto(f"{base}/admin/pages/{edition.pk}/edit/")
    for field, days in (
        ("call_opens", -60),
        ("call_closes", -1),
        ("evaluation_ends", 10),
        ("results_on", 20),
    ):
        carla.locator(f"#id_{field}").fill((today + datetime.timedelta(days=days)).isoformat())
    footer_action(carla, "Publish")
    carla.get_by_text("has been published").wait_for()
    edition.refresh_from_db()
    assert edition.in_evaluation


def score(page, base, title, values):
    page.goto(f"{base}/admin/award/jury/")
    page.get_by_role("link", name=re.compile("Best Practice Award 20")).first.click()
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Save my scores").wait_for()
    for field, value in zip(page.get_by_role("spinbutton").all(), values, strict=True):
        field.fill(str(value))
    page.get_by_role("textbox").first.fill("Clear goals, measured results.")
    page.get_by_role("button", name="Save my scores").click()
    page.get_by_text("are saved").wait_for()


def test_from_a_candidacy_to_the_winner_on_the_public_site(people, live_server, browser):
    from award.models import AwardEditionPage
    from award.results import ordinal
    from search.indexing import deliver

    base = live_server.url
    ana = sign_in(browser, base, "ana.souza")
    carla = sign_in(browser, base, "carla")
    edition = AwardEditionPage.objects.filter(locale__language_code="en", year__gt=2021).get()

    # The member's contact applies through the Award menu.
    ana.get_by_role("button", name="Award").click()
    ana.get_by_role("link", name="Apply").click()
    ana.locator("#id_experience").select_option(label=PORTO_ALEGRE)
    ana.locator("#id_category").select_option(label="Local governments")
    ana.locator("#id_statement").fill("Thirty-five years of budgets decided together.")
    ana.get_by_role("button", name="Send the candidacy").click()
    ana.get_by_text("coordinators will check it").wait_for()
    assert "Awaiting compliance check" in ana.locator("table.listing tbody").inner_text()

    # The coordinator seats the jury in the edition's form and publishes it.
    carla.goto(f"{base}/admin/pages/{edition.pk}/edit/")
    carla.get_by_label("ines", exact=True).check()
    carla.get_by_label("jan", exact=True).check()
    footer_action(carla, "Publish")
    carla.get_by_text("has been published").wait_for()

    # She accepts both candidacies of the open call.
    for title in (PORTO_ALEGRE, CASCAIS):
        carla.goto(f"{base}/admin/award/candidacies/?edition={edition.pk}")
        carla.get_by_role("link", name=title).click()
        carla.get_by_label("Accept", exact=True).check()
        carla.get_by_role("button", name="Record the decision").click()
        carla.get_by_text("has been told by email").wait_for()

    close_the_call(carla, base, edition)

    # Jan declares a conflict with Cascais: it leaves his list; he scores Porto Alegre.
    jan = sign_in(browser, base, "jan")
    jan.goto(f"{base}/admin/award/jury/")
    jan.get_by_role("link", name=re.compile("Best Practice Award 20")).first.click()
    jan.get_by_role("link", name=CASCAIS).click()
    jan.locator("#id_reason").fill("I advised this project.")
    jan.get_by_role("button", name="Declare a conflict of interest").click()
    jan.get_by_text("is no longer yours to judge").wait_for()
    assert CASCAIS not in jan.locator("table.listing tbody").inner_text()
    assert PORTO_ALEGRE in jan.locator("table.listing tbody").inner_text()
    score(jan, base, PORTO_ALEGRE, [9, 8])

    # Inés scores both.
    ines = sign_in(browser, base, "ines")
    score(ines, base, PORTO_ALEGRE, [8, 9])
    score(ines, base, CASCAIS, [5, 4])
    assert ines.locator("table.listing tbody").inner_text().count("Scored") == 2

    # The coordinator reads the ranking, moves Porto Alegre to winner and publishes.
    carla.goto(f"{base}/admin/award/candidacies/")
    carla.get_by_role("link", name=f"Ranking {edition.year}").click()
    rows = carla.locator("table.listing tbody tr")
    assert PORTO_ALEGRE in rows.nth(0).inner_text() and CASCAIS in rows.nth(1).inner_text()
    for stage in ("Shortlisted", "Finalist", "Winner"):
        row = carla.locator("table.listing tbody tr").filter(has_text=PORTO_ALEGRE)
        row.get_by_role("button", name=stage, exact=True).click()
        carla.get_by_text(f"is now: {stage}").wait_for()
    carla.get_by_role("button", name="Publish the results").click()
    carla.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "IOPD Best Practice Award" in carla.locator("#id_title").input_value()

    # A visitor finds the winner through the award facet, on the edition and on the profile.
    deliver()
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{base}/en/search/?award=winner")
    assert visitor.get_by_role("link", name=PORTO_ALEGRE).count() >= 1
    visitor.goto(f"{base}{edition.url}")
    assert f"Winner: {PORTO_ALEGRE}" in " ".join(visitor.locator("main").inner_text().split())
    visitor.goto(f"{base}/en/members/porto-alegre-city-council/")
    awards = visitor.locator("section").filter(has_text="Awards").inner_text()
    nth = ordinal(edition.number)
    assert f"IOPD Best Practice Award: Winner, {nth} edition ({edition.year})" in awards
