"""The editorial process walked in Chromium through the admin, each person signed in through
the login form and clicking what they would click: an officer writes, a coordinator reviews,
a translator translates and a second translator reviews. Nothing under test is set up through
the ORM (only the accounts); every state is reached through the interface."""

import re

import pytest

from core.text import fold

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"
PEOPLE = {
    "olga": "Communication officers",
    "carla": "Coordinators",
    "francoise": "Translators (French)",
    "fabien": "Translators (French)",
}
TITLE = "Neighbourhood assemblies of Lyonesse"
# Whether a text box is wide enough to show its whole value (and a number box's arrows).
FITS = """field => {
    const style = getComputedStyle(field);
    const context = document.createElement("canvas").getContext("2d");
    context.font = style.font;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    return context.measureText(field.value).width + padding + 24 <= field.clientWidth;
}"""
TITLE_FR = "Assemblées de quartier de Lyonesse"
TITLE_2 = "Neighbourhood assemblies of Lyonesse, 2019–2024"
TITLE_FR_2 = "Assemblées de quartier de Lyonesse, 2019-2024"


@pytest.fixture
def people(demo_live):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    for name, group in PEOPLE.items():
        user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def sign_in(browser, base, name):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    return page


def footer_action(page, name):
    """A button of the editor's action menu, unfolding "More actions" when it is folded away."""
    button = page.locator("footer").get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name="More actions").click()
    button.click()


def report_state(page, base, title, language="fr"):
    """The state the Translations report gives the page in a language, as a coordinator reads it."""
    page.goto(f"{base}/admin/reports/translations/?language={language}")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))
    return row.locator("td[data-state]").first.get_attribute("data-state")


def journey(browser, base):
    olga = sign_in(browser, base, "olga")
    carla = sign_in(browser, base, "carla")

    # The officer writes a new experience and submits it; she cannot publish.
    olga.goto(f"{base}/admin/pages/")
    olga.get_by_role("link", name="Repository of experiences").first.click()
    olga.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    index_id = re.search(r"/admin/pages/(\d+)/edit/", olga.url).group(1)
    olga.goto(f"{base}/admin/pages/{index_id}/")
    olga.locator(f'a[href="/admin/pages/{index_id}/add_subpage/"]').first.click()
    olga.locator("#id_title").fill(TITLE)
    olga.locator("#id_summary").fill(
        "Assemblies in every neighbourhood decide a share of the budget."
    )
    budget = olga.locator("#id_budget_amount")
    budget.fill("500000")
    assert budget.evaluate(FITS), "the budget's box is too narrow to show the amount"
    olga.locator("#id_budget_currency").select_option("EUR")
    # The topics are the page's language's only, by name, and narrowed by what she types.
    topics = olga.locator("#id_topics label")
    names = [name.strip() for name in topics.all_inner_texts()]
    assert len(names) == len(set(names)) > 10
    assert names == sorted(names, key=fold), names
    olga.get_by_label("Find in topics").fill("BUDG")
    assert [
        name.strip() for name in olga.locator("#id_topics label:visible").all_inner_texts()
    ] == [
        "Participatory budgeting",
        "Participatory budgeting for youth",
    ]
    olga.get_by_text(f"2 of {len(names)} shown").wait_for()
    olga.locator("#id_topics").get_by_label("Participatory budgeting", exact=True).check()
    olga.get_by_label("Find in topics").press("Enter")  # narrows, does not submit the page
    olga.get_by_label("Find in topics").fill("")
    assert topics.count() == len(names) and olga.locator("#id_topics label:visible").count() == len(
        names
    )
    # She previews the page as visitors will read it: the preview shows what she typed.
    olga.get_by_role("button", name="Toggle preview").click()
    preview = olga.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name=TITLE).wait_for()
    preview.get_by_text("Assemblies in every neighbourhood decide").first.wait_for()
    olga.get_by_role("button", name="Toggle preview").click()
    olga.locator("footer").get_by_role("button", name="More actions").click()
    assert olga.locator("footer").get_by_role("button", name="Publish").count() == 0
    olga.locator("footer").get_by_role("button", name="Submit to Editorial approval").click()
    olga.get_by_text("created and submitted for moderation").wait_for()

    # The coordinator asks for a change from the page's editor.
    carla.goto(f"{base}/admin/")
    carla.get_by_role("link", name=TITLE).click()
    carla.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/", carla.url).group(1)
    edit_url = f"{base}/admin/pages/{page_id}/edit/"
    footer_action(carla, "Request changes")
    dialog = carla.get_by_role("dialog")
    dialog.get_by_label("Comment", exact=True).fill("Please say which year the assemblies began.")
    dialog.get_by_role("button", name="Request changes").click()
    carla.get_by_text("has been updated").wait_for()
    assert report_state(carla, base, TITLE) == "missing"  # no French page yet

    # The officer reads the comment on her editor, changes the page and resubmits.
    olga.goto(edit_url)
    olga.locator(".messages").get_by_text(
        "carla asked for changes: “Please say which year the assemblies began.”"
    ).wait_for()
    olga.locator("#id_summary").fill(
        "Since 2019, assemblies in every neighbourhood decide a share of the budget."
    )
    footer_action(olga, "Resubmit to Coordinator review")
    olga.get_by_text("submitted for moderation").wait_for()

    # The coordinator approves with a comment: the page is published, with no draft left
    # behind (the editor's autosave once added an empty revision after an approval).
    carla.goto(edit_url)
    footer_action(carla, "Approve with comment and Publish")
    dialog = carla.get_by_role("dialog")
    dialog.get_by_label("Comment", exact=True).fill("Thank you.")
    dialog.get_by_role("button", name="Approve with comment").click()
    carla.get_by_text("has been updated").wait_for()
    carla.wait_for_timeout(2000)  # longer than the autosave's delay
    carla.goto(f"{base}/admin/pages/{index_id}/")
    row = carla.get_by_role("row").filter(has=carla.get_by_role("link", name=TITLE, exact=True))
    status = row.inner_text().lower()
    assert "live" in status and "draft" not in status, status
    assert report_state(carla, base, TITLE) == "missing"
    visitor = browser.new_context(locale="fr-FR").new_page()
    english_url = f"{base}/en/experiences/neighbourhood-assemblies-of-lyonesse/"
    assert visitor.goto(english_url).ok
    visitor.get_by_text("Since 2019, assemblies").first.wait_for()
    visitor.locator("main").get_by_role(
        "link", name="Participatory budgeting", exact=True
    ).wait_for()

    # The coordinator has it translated into French: a draft, so visitors still read English.
    carla.goto(edit_url)
    carla.locator("header").get_by_role("button", name="Actions").click()
    carla.locator("header").get_by_role("link", name="Translate this page").click()
    carla.get_by_label("Français").check()
    carla.get_by_role("button", name="Submit").click()
    carla.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    french_id = re.search(r"/admin/pages/(\d+)/edit/", carla.url).group(1)
    french_edit = f"{base}/admin/pages/{french_id}/edit/"
    assert report_state(carla, base, TITLE) == "in_progress"

    french_url = english_url.replace("/en/", "/fr/", 1)
    visitor.goto(french_url)
    visitor.get_by_text("pas encore disponible en français").wait_for()

    # The translator translates the title and submits the translation for review.
    francoise = sign_in(browser, base, "francoise")
    francoise.goto(french_edit)
    translate_segment(francoise, TITLE, "Assemblées de quartier de Lyonnesse")
    submit_for_review(francoise)
    assert report_state(carla, base, TITLE) == "awaiting_review"
    assert francoise.get_by_role("button", name="Approve and publish").count() == 0

    # A second translator asks for a change; the first reads it, fixes and resubmits.
    fabien = sign_in(browser, base, "fabien")
    fabien.goto(french_edit)
    fabien.get_by_label("What should change?").fill("« Lyonesse » s’écrit comme dans la source.")
    fabien.get_by_role("button", name="Request changes").click()
    francoise.goto(french_edit)
    review = francoise.locator(".translation-review")
    review.get_by_text("fabien asked for changes:").wait_for()
    review.get_by_text("« Lyonesse » s’écrit comme dans la source.").wait_for()
    translate_segment(francoise, TITLE, TITLE_FR, again=True)
    submit_for_review(francoise)

    # Approved: only now does the French page go live, with the reviewed words.
    visitor.goto(french_url)
    visitor.get_by_text("pas encore disponible en français").wait_for()
    approve(fabien, french_edit)
    visitor.goto(french_url)
    visitor.get_by_role("heading", level=1, name=TITLE_FR).wait_for()
    assert "pas encore disponible en français" not in visitor.content()
    # Live, and still "in progress": the summary is not translated yet.
    assert report_state(carla, base, TITLE) == "in_progress"

    # The officer changes the source's title; once approved, the French page is out of date.
    olga.goto(edit_url)
    olga.locator("#id_title").fill(TITLE_2)
    footer_action(olga, "Submit to Editorial approval")
    olga.get_by_text("submitted for moderation").wait_for()
    carla.goto(edit_url)
    footer_action(carla, "Approve and Publish")
    carla.get_by_text("has been updated").wait_for()
    assert report_state(carla, base, TITLE_2) == "out_of_date"

    # The translator sees the old and the new source and her previous translation...
    francoise.goto(french_edit)
    changes = francoise.locator(".translation-changes")
    changes.get_by_text("1 text changed in the source since it was translated").wait_for()
    assert changes.locator("dd").nth(0).inner_text() == TITLE
    assert changes.locator("ins").inner_text() == ", 2019–2024"  # what was added
    assert changes.locator("del").count() == 0
    assert changes.locator("dd").nth(2).inner_text().startswith(TITLE_FR)
    # ...starts from it, has the machine translate the rest, and submits again; once
    # approved the French page follows, every text translated and reviewed.
    translate_segment(francoise, TITLE_2, TITLE_FR_2)
    francoise.reload()
    assert francoise.locator(".translation-changes").count() == 0
    francoise.get_by_role("button", name="Translate with Dummy translator").click()
    francoise.get_by_text("Successfully translated with Dummy translator.").wait_for()
    submit_for_review(francoise)
    assert report_state(carla, base, TITLE_2) == "awaiting_review"
    approve(fabien, french_edit)
    visitor.goto(french_url)
    visitor.get_by_role("heading", level=1, name=TITLE_FR_2).wait_for()
    assert report_state(carla, base, TITLE_2) == "up_to_date"

    # The coordinator reads who did what to the French page, from its creation on.
    carla.goto(f"{base}/admin/reports/translations/?language=fr")
    carla.get_by_role("link", name=f"history of the translations of {TITLE_2}").click()
    table = carla.get_by_role(
        "table", name="Every change to this page in each language, newest first"
    )
    table.wait_for()  # evaluate_all does not wait
    rows = [
        [cell.strip() for cell in row]
        for row in table.locator("tbody tr").evaluate_all(
            "rows => rows.map(row => [...row.cells].map(cell => cell.innerText))"
        )
    ]
    french = [row for row in rows if row[1] == "Français"]
    first = french[-1]  # newest first
    assert first[2] == "carla", first
    assert not any(row[2] == "olga" for row in french), french
    assert any(row[2] == "fabien" and "Published" in row[3] for row in french), french


def submit_for_review(page):
    page.get_by_role("button", name="Submit the French translation for review").click()
    page.get_by_text("was submitted for review").wait_for()


def approve(page, edit_url):
    page.goto(edit_url)
    # Until the approval's POST has answered, the page is not published yet: waiting for the
    # load state alone let a visitor under load arrive first (CI once saw the notice).
    with page.expect_navigation():
        page.get_by_role("button", name="Approve and publish").click()
    page.wait_for_load_state()


def translate_segment(page, source_text, translation, again=False):
    """Type a translation into wagtail-localize's editor for the segment showing `source_text`."""
    editor = page.locator(".js-translation-editor")
    # The innermost list item holding the source text is the segment.
    segment = editor.locator("li", has=page.get_by_text(source_text, exact=True)).last
    segment.get_by_role("button", name="Edit" if again else "Translate").first.click()
    field = segment.locator("textarea").first
    field.fill(translation)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_text(translation, exact=True).wait_for()


def test_from_an_officers_draft_to_a_reviewed_french_page(people, live_server, browser, settings):
    # The words-reversing translator stands in for a service (no network in tests).
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
    journey(browser, live_server.url)
