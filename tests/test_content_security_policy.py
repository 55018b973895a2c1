"""Content-Security-Policy: public pages run no inline script or style, the admin works under
its own policy, and no address a page renders can run a script."""

import re

import pytest
from django.contrib.auth import get_user_model

from repository.models import ExperiencePage
from tests.test_accessibility import PAGES

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def violations_on(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_breaks_its_content_security_policy(demo_live, live_server, browser):
    get_user_model().objects.create_superuser("csp-editor", "csp@example.org", "csp-pass-12345")
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    found = {}
    for path in PAGES:
        if violations := violations_on(page, live_server.url + path):
            found[path] = violations
    # An editor: the login form, the admin's busiest screens, and public pages with the userbar.
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "csp-editor")
    page.fill("#id_password", "csp-pass-12345")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    experience = ExperiencePage.objects.filter(locale__language_code="en").first()
    for path in (
        "/admin/",
        f"/admin/pages/{experience.get_parent().pk}/",
        f"/admin/pages/{experience.pk}/edit/",
        f"/admin/pages/{experience.pk}/history/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/reports/translations/",
        "/admin/locked-sign-ins/",
        "/en/",
        experience.url,
    ):
        if violations := violations_on(page, live_server.url + path):
            found[path] = violations
    # The page preview in the editor's side panel.
    page.goto(live_server.url + f"/admin/pages/{experience.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    page.wait_for_timeout(1500)
    if violations := page.evaluate("window.__violations"):
        found["preview"] = violations
    context.close()
    assert found == {}, "\n".join(f"{path}: {v}" for path, v in found.items())


@pytest.mark.django_db
def test_public_pages_carry_a_policy_without_inline_script_or_style(client):
    for path in PAGES:
        response = client.get(path, follow=True)
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", path
        assert directives["style-src"] == "'self'", path
        assert directives["object-src"] == "'none'", path
        html = response.content.decode()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/ld+json"' in attrs for attrs in scripts), (path, scripts)
        assert not re.search(r"<[^>]+\sstyle=", html), path
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path


@pytest.mark.django_db
def test_an_address_that_would_run_a_script_is_never_a_link(client):
    """Code, not the admin, wrote the addresses: an import, a migration or a shell."""
    from repository.models import ExperienceOrganisation

    page = ExperiencePage.objects.get(slug="youth-participatory-budget")
    organisation = ExperienceOrganisation.objects.create(
        page=page, name="Youth Council of Ciudad Sur", website="https://example.org/"
    )
    hostile = [
        "javascript:alert(1)",
        " JavaScript:alert(2)",
        "java\tscript:alert(3)",
        "vbscript:msgbox(4)",
        "data:text/html,<script>alert(5)</script>",
    ]
    for url in hostile:
        type(organisation).objects.filter(pk=organisation.pk).update(website=url)
        html = client.get(page.url).content.decode()
        assert organisation.name in html
        assert not re.search(r"(?i)href=\"\s*(java|vb|data)", html.replace("\t", "")), url
    type(organisation).objects.filter(pk=organisation.pk).update(website="https://example.org/")
    assert 'href="https://example.org/"' in client.get(page.url).content.decode()
