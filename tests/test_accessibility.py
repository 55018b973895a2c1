"""axe-core, run in Chromium, finds no WCAG 2.2 A/AA violation on the public pages."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from award.models import AwardEditionPage
from tests.fixtures import in_ci

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/en/",
    "/fr/",
    "/es/",
    "/en/about/",
    "/en/experiences/",
    "/fr/experiences/budget-participatif-porto-alegre/",
    "/es/experiencias/codebook/",
    "/fr/donnees-ouvertes/",
    "/en/experiences/countries/be/",
    "/fr/experiences/countries/be/",
    "/es/experiencias/countries/be/",
    "/en/members/?type=local-government&region=nowhere",
    "/fr/membres/",
    "/es/miembros/porto-alegre-city-council/",
    "/en/members/cascais-municipality/",
    "/en/award/",
    "/fr/prix/2021/",
    "/es/premio/2021/",
    "/en/news/",
    "/en/news/?topic=climate&topic=nonsense",
    "/es/noticias/premio-convocatoria/",
    "/en/agenda/",
    "/fr/agenda/conference-2021/",
    "/en/reports/",
    "/es/informes/?type=annual&topic=nada",
    "/fr/rapports/rapport-annuel-2021/",
    "/en/search/?q=budget",
    "/fr/search/?q=budget&topic=participatory-budgeting&lang=all&year_from=1980",
    "/en/search/?q=" + "x" * 300,
    "/en/search/map/?q=budget",
    "/es/jovenes-america-latina/",
    "/en/propose-an-experience/",
    "/es/proponer-una-experiencia/",
    "/fr/adherer/",
    "/fr/nowhere/",
]
# WCAG 2.2 A and AA, and axe's best practices (heading order, landmarks), which axe runs by default.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def axe_source():
    path = os.environ.get("AXE_CORE_PATH")
    if not path or not Path(path).is_file():
        message = "AXE_CORE_PATH is not set: `make test` fetches axe-core"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return Path(path).read_text()


@pytest.mark.parametrize("viewport", [(1280, 900), (375, 800)], ids=["desktop", "mobile"])
def test_public_pages_have_no_wcag_violations(
    demo_live, live_server, browser, axe_source, viewport
):
    width, height = viewport
    # axe is injected as an inline script, which the site's Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    failures = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        found = violations(page, axe_source)
        if found:
            failures[path] = found
    context.close()
    assert failures == {}


def violations(page, axe_source):
    """What axe finds wrong on the page as it stands."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("viewport", [(1280, 900), (375, 800)], ids=["desktop", "mobile"])
def test_a_members_update_and_the_open_call_have_no_wcag_violations(
    demo_live, live_server, browser, axe_source, viewport
):
    """The pages a member's contact goes through to update its experience, in French, each in
    the state it meets (with a mistake, then sent), and the open call's edition page."""
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    failures = {}

    def check(label):
        found = violations(page, axe_source)
        if found:
            failures[label] = found

    for edition in AwardEditionPage.objects.live().filter(locale__language_code__in=["en", "es"]):
        if edition.call_is_open:
            page.goto(live_server.url + edition.url)
            check(edition.url)
    page.goto(f"{live_server.url}/fr/experiences/budget-participatif-porto-alegre/")
    page.locator(".propose-update a").click()
    check("asking for the link")
    mail.outbox.clear()
    page.locator("#id_email").fill("ana.souza@example.org")
    page.locator(".public-form button[type=submit]").click()
    page.get_by_role("status").wait_for()
    check("link sent")
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0).split("8000", 1)[1]
    page.goto(live_server.url + link)
    check("update form")
    page.locator("#id_ongoing").uncheck()
    page.locator("#id_start_year").fill("1989")
    page.locator("#id_end_year").fill("1980")
    page.locator("#id_contact_name").fill("Ana")
    page.locator(".public-form button[type=submit]").click()
    page.locator("#form-errors").wait_for()
    check("update form with a mistake")
    page.locator("#id_end_year").fill("")
    page.locator("#id_ongoing").check()
    page.locator(".public-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/proposer-une-experience/envoyee/"))
    check("update sent")
    context.close()
    assert failures == {}
