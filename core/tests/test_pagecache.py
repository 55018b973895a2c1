"""The page cache as visitors and editors meet it: a visitor's second request is answered from
the cache without a query, every change an editor makes in the admin shows at the next
request, and nothing personal (a session, a CSRF token) is ever kept or served."""

import re
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation

from home.models import NavigationMenuItem, StandardPage
from opendata.models import OpenDataPage
from publications.models import NewsPage, ReportPage
from publications.models.reports import reports_studying
from repository.models import ExperiencePage
from search.models import CollectionPage
from taxonomy.models import Country
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_TIMEOUT = 300


def visit(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def cached(url, client=None):
    """Visits `url` twice as a visitor; the second answer comes from the cache."""
    client = client or Client()
    first = client.get(url)
    assert first.status_code == 200, url
    second, queries = visit(client, url)
    assert (second["X-Page-Cache"], queries) == ("hit", 0), url
    assert second.content == first.content
    return second


def french(page):
    return page.get_translation(Locale.objects.get(language_code="fr"))


def test_a_visitor_is_served_from_the_cache_without_a_query_in_each_language():
    for url in ["/en/", "/fr/", "/en/about/", "/fr/a-propos/", "/en/members/", "/en/news/"]:
        response = cached(url)
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url
        assert b"csrfmiddlewaretoken" not in response.content, url
        assert "Cookie" in response["Vary"], url


def test_what_is_never_kept():
    client = Client()
    # Query strings no page vouches for (combinations of filters, values it ignored, anything
    # appended), and the search page (another view).
    for url in [
        "/en/experiences/?topic=participatory-budgeting&region=europe",
        "/en/experiences/?topic=no-such-topic",
        "/en/experiences/?topic=participatory-budgeting&utm_source=newsletter",
        "/en/experiences/?page=abc",
        "/en/search/?q=budget",
    ]:
        client.get(url)
        assert client.get(url).get("X-Page-Cache") is None, url
    # A form with a CSRF token: the password form of a protected page.
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    officer = sign_in("privacy-officer", superuser=True)
    response = officer.post(
        f"/admin/pages/{about.pk}/privacy/", {"restriction_type": "password", "password": "pw1"}
    )
    assert response.status_code == 200
    form = client.get("/en/about/")
    assert b"csrfmiddlewaretoken" in form.content
    assert client.get("/en/about/").get("X-Page-Cache") is None
    # A signed-in editor always reads the live page, never the visitors' copy.
    cached("/en/news/")
    assert officer.get("/en/news/").get("X-Page-Cache") is None


def test_every_change_an_editor_makes_shows_at_the_next_request(
    subtests, django_capture_on_commit_callbacks
):
    editor = sign_in("cache-editor", superuser=True)
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    experience = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    experience_url = experience.url
    topic = experience.topics.first()
    news = NewsPage.objects.live().filter(locale=about.locale).order_by("-date").first()

    with subtests.test("own publish"):
        cached("/en/about/")
        post_form(
            editor, f"/admin/pages/{about.pk}/edit/", {"title": "About us, new"}, "action-publish"
        )
        assert "About us, new" in Client().get("/en/about/").content.decode()

    with subtests.test("translation published"):
        # The translator types the French title in wagtail-localize's editor and publishes.
        fr_about = french(about)
        cached(fr_about.url)
        translation = Translation.objects.get(
            source__object_id=about.translation_key, target_locale=fr_about.locale
        )
        title = translation.source.stringsegment_set.get(context__path="title")
        response = editor.put(  # what the editor's script sends
            f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/",
            urlencode({"value": "À propos, nouveau"}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        response = editor.post(f"/admin/pages/{fr_about.pk}/edit/", {"action": "publish"})
        assert response.status_code == 302
        assert "À propos, nouveau" in Client().get(fr_about.url).content.decode()

    with subtests.test("taxonomy term renamed"):
        cached(experience_url)
        post_form(
            editor,
            f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/",
            {"name": "Budgets by the people"},
        )
        assert "Budgets by the people" in Client().get(experience_url).content.decode()

    with subtests.test("related page published: the home page's latest news"):
        cached("/en/")
        post_form(
            editor,
            f"/admin/pages/{news.pk}/edit/",
            {"title": "Fresh news of the day"},
            "action-publish",
        )
        assert "Fresh news of the day" in Client().get("/en/").content.decode()

    with subtests.test("related page published: related experiences"):
        cached(experience_url)
        related = experience.related_experiences(language="en")[0]
        # The cards come from the search documents, rebuilt once the publish is committed;
        # visitors keep coming meanwhile, between each step that follows the commit.
        with django_capture_on_commit_callbacks() as after_commit:
            post_form(
                editor,
                f"/admin/pages/{related.page_id}/edit/",
                {"title": "A related case, renamed"},
                "action-publish",
            )
        for step in after_commit:
            Client().get(experience_url)
            step()
        assert "A related case, renamed" in Client().get(experience_url).content.decode()

    with subtests.test("related page published: reports on this experience"):
        cached(experience_url)
        report = reports_studying(experience)[0]
        post_form(
            editor,
            f"/admin/pages/{report.pk}/edit/",
            {"title": "A study of the case, renamed"},
            "action-publish",
        )
        assert "A study of the case, renamed" in Client().get(experience_url).content.decode()

    with subtests.test("menu edited"):
        item = NavigationMenuItem.objects.filter(locale=about.locale).order_by("sort_order")[0]
        cached("/en/about/")
        menu_url = f"/admin/snippets/home/navigationmenu/edit/{item.menu_id}/"
        post_form(editor, menu_url, {"items-0-label": "Who we are"})
        assert "Who we are" in Client().get("/en/about/").content.decode()

    with subtests.test("site settings edited"):
        cached("/en/about/")
        site = Site.objects.get(is_default_site=True)
        post_form(
            editor,
            f"/admin/settings/home/sitesettings/{site.pk}/",
            {"contact_email": "hello@observatory.example"},
        )
        assert "hello@observatory.example" in Client().get("/en/about/").content.decode()

    with subtests.test("moved"):
        collection = CollectionPage.objects.get(locale=about.locale)
        old_url = collection.url
        cached(old_url)
        response = editor.post(f"/admin/pages/{collection.pk}/move/{about.pk}/confirm/")
        assert response.status_code == 302
        response = Client().get(old_url)  # Wagtail's redirect to the new address
        assert (response.status_code, response["Location"]) == (
            301,
            f"{about.url}{collection.slug}/",
        )

    with subtests.test("unpublished"):
        cached("/en/about/")
        response = editor.post(f"/admin/pages/{about.pk}/unpublish/")
        assert response.status_code == 302
        assert Client().get("/en/about/").status_code == 404


def test_a_page_made_private_leaves_the_cache_in_every_language_at_once():
    editor = sign_in("privacy-editor", superuser=True)
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    urls = [news.url, french(news).url]
    for url in urls:
        cached(url)
    response = editor.post(f"/admin/pages/{news.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    for url in urls:
        response = Client().get(url)
        assert response.get("X-Page-Cache") is None, url
        assert response.status_code == 302 and re.search(r"/login/", response["Location"]), url


def test_a_draft_saved_keeps_the_visitors_cache_and_its_publish_replaces_it():
    # Saving a draft (or locking a page) changes nothing a visitor sees: it emptied the whole
    # cache, so on a working day the cache was empty as often as an editor pressed Save.
    editor = sign_in("draft-editor", superuser=True)
    experience = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    url = experience.url
    cached("/en/")
    cached(url)
    edit = f"/admin/pages/{experience.pk}/edit/"
    post_form(editor, edit, {"title": "Porto Alegre, a draft"})
    assert editor.post(f"/admin/pages/{experience.pk}/lock/").status_code == 302
    for address in ("/en/", url):
        response, queries = visit(Client(), address)
        assert (response["X-Page-Cache"], queries) == ("hit", 0), address
        assert "Porto Alegre, a draft" not in response.content.decode()
    assert editor.post(f"/admin/pages/{experience.pk}/unlock/").status_code == 302
    post_form(editor, edit, {"title": "Porto Alegre, published"}, "action-publish")
    assert "Porto Alegre, published" in Client().get(url).content.decode()


def test_a_one_filter_view_of_the_repository_is_kept_and_replaced_at_a_publish():
    # The views experience pages link to ("Topic: ...") and crawlers follow, a set the
    # vocabularies bound: every visitor of one of them rendered it again.
    url = "/en/experiences/?topic=participatory-budgeting"
    first = cached(url)
    assert "noindex" not in first.get("X-Robots-Tag", "")
    cached("/en/experiences/?sort=title&region=europe")
    response, queries = visit(Client(), "/en/experiences/?region=europe&sort=title")
    assert (response["X-Page-Cache"], queries) == ("hit", 0)  # the same view, either order
    editor = sign_in("listing-editor", superuser=True)
    experience = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    post_form(
        editor,
        f"/admin/pages/{experience.pk}/edit/",
        {"title": "Porto Alegre, budgets decided together"},
        "action-publish",
    )
    assert "Porto Alegre, budgets decided together" in Client().get(url).content.decode()


def test_media_introductions_and_releases_show_at_the_next_request(subtests):
    # Models a page shows without being a page or a term: their edits kept the cached page.
    editor = sign_in("media-editor", superuser=True)
    report = next(
        page
        for page in ReportPage.objects.live().filter(locale__language_code="en")
        if page.cover_image_id and page.pdfs.exists()
    )

    with subtests.test("image renamed"):
        cached(report.url)
        image = report.cover_image
        post_form(editor, f"/admin/images/{image.pk}/", {"title": "A cover, renamed"})
        assert 'content="A cover, renamed"' in Client().get(report.url).content.decode()

    with subtests.test("document replaced"):
        cached(report.url)
        document = report.pdfs.first().document
        pdf = b"%PDF-1.4\n" + b"0" * 4321 + b"\n%%EOF\n"
        post_form(
            editor,
            f"/admin/documents/edit/{document.pk}/",
            {"file": SimpleUploadedFile("replaced.pdf", pdf, "application/pdf")},
        )
        assert "replaced" in Client().get(report.url).content.decode()

    with subtests.test("country introduction written"):
        url = "/en/experiences/countries/pe/"
        cached(url)
        peru = Country.objects.get(code="PE")
        post_form(
            editor,
            "/admin/snippets/taxonomy/countryintroduction/add/?locale=en",
            {"country": str(peru.pk), "text": "Peru pioneered participatory budgeting laws."},
        )
        assert "Peru pioneered" in Client().get(url).content.decode()

    with subtests.test("release made"):
        page = OpenDataPage.objects.get(locale__language_code="en")
        cached(page.url)
        call_command("make_release", "--release-version", "2026-r1", stdout=StringIO())
        assert "2026-r1" in Client().get(page.url).content.decode()


def test_a_hit_on_the_database_cache_reads_it_once(database_cache):
    # Production's cache: the generation and the page come in one read of the cache table.
    for url in ["/en/", "/fr/a-propos/", "/en/experiences/porto-alegre-participatory-budgeting/"]:
        client = Client()
        client.get(url)
        response, queries = visit(client, url)
        assert (response["X-Page-Cache"], queries) == ("hit", 1), url
