"""The cache of what every page needs, with the shared database cache production and `make run`
use: a page must not pay a query for each cached answer, and a change made by another process
must still show at the next request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import sitecache
from editorial.roles import COORDINATORS
from home.models import FooterText
from repository.models import ExperiencePage
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db


def cache_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries if "iopd_test_cache" in q["sql"]]


def test_a_page_reads_the_generation_once_and_its_answers_from_the_process(database_cache):
    client = Client()
    for path in ("/en/", "/en/experiences/", "/fr/", "/en/reports/", "/en/members/"):
        cache_queries(client, path)  # the first visit computes and stores every answer
        again = cache_queries(client, path)
        # Wagtail's own answers too (the sites' root paths, read once per card's address)
        assert len(again) == 1, (path, again)
        assert sitecache.GENERATION_KEY in again[0]


def test_a_page_seen_again_writes_nothing_to_the_cache(database_cache):
    # Wagtail wrote each picture's rendition back to the cache at every view: five queries a
    # card, 60 of the reports index's 85.
    client = Client()
    for path in ("/en/", "/en/reports/", "/fr/rapports/", "/en/experiences/", "/en/news/"):
        cache_queries(client, path)
        writes = [
            sql
            for sql in cache_queries(client, path)
            if sql.startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == [], (path, writes)


def test_a_change_saved_by_another_process_shows_at_the_next_request(database_cache):
    client = Client()
    assert "Observatory of tomorrow" not in client.get("/en/").content.decode()
    # Another process saves the footer: the row changes and its signal starts a generation in
    # the shared cache; nothing happens in this process.
    FooterText.objects.filter(locale__language_code="en").update(
        body="<p>Observatory of tomorrow</p>"
    )
    cache.set(sitecache.GENERATION_KEY, "started-by-another-process", None)
    assert "Observatory of tomorrow" in client.get("/en/").content.decode()


def test_a_change_saved_during_a_request_shows_at_the_next_one(database_cache):
    client = Client()
    client.get("/en/")
    footer = FooterText.objects.get(locale__language_code="en")
    footer.body = "<p>Edited in this process</p>"
    footer.save()
    assert "Edited in this process" in client.get("/en/").content.decode()


def test_a_request_reads_each_answer_once_and_the_next_request_gets_its_own_copy(database_cache):
    # An experience page asked for the countries six times, each time unpickling all 249 of
    # them: a fifth of its rendering.
    # The signals' own receivers (request_finished closes the test's database connection).
    calls = []

    def compute():
        calls.append(1)
        return {"names": ["Brazil"]}

    sitecache._start_request()
    first = sitecache.cached(None, "test:memo", compute)
    assert sitecache.cached(None, "test:memo", compute) is first
    first["names"].append("changed by this request")
    sitecache._end_request()

    sitecache._start_request()
    assert sitecache.cached(None, "test:memo", compute) == {"names": ["Brazil"]}
    sitecache._end_request()
    assert len(calls) == 1


CHILD = "saved with the page it belongs to (ParentalKey), whose save starts a new generation"
# Every installed model that does not start a new generation, and why no public page is
# stale for it. A new model fails the test below until it is watched or listed here.
NOT_WATCHED = {
    "admin.LogEntry": "Django admin's history, shown only in the admin",
    "auth.Group": "permissions, never on a public page",
    "auth.Permission": "permissions, never on a public page",
    "award.AwardCategory": CHILD,
    "award.AwardCriterion": CHILD,
    "award.ConflictOfInterest": "the jury's declarations, shown only in the admin",
    "award.Score": "the jury's scores, shown only in the admin",
    "axes.AccessAttempt": "sign-in throttling",
    "axes.AccessAttemptExpiration": "sign-in throttling",
    "axes.AccessFailureLog": "sign-in throttling",
    "axes.AccessLog": "sign-in throttling",
    "contenttypes.ContentType": "written at migrations only, which restart the site",
    "core.FormRateCount": "form throttling counters",
    "django_tasks_database.DBTaskResult": "the background queue",
    "editorial.ReviewByAnotherTask": "the moderation workflow, shown only in the admin",
    "editorial.SnippetTranslationReview": "a term's review, in the admin; approval saves the term",
    "publications.EventHost": CHILD,
    "publications.EventRelatedExperience": CHILD,
    "publications.EventRelatedPage": CHILD,
    "publications.NewsPageKeyword": CHILD,
    "publications.NewsRelatedPage": CHILD,
    "publications.PdfText": "a PDF's extracted text, read by the search only (not cached)",
    "publications.ReportAuthor": CHILD,
    "publications.ReportMember": CHILD,
    "publications.ReportPageKeyword": CHILD,
    "publications.ReportPdf": CHILD,
    "publications.ReportRelatedPage": CHILD,
    "repository.ExperienceAward": CHILD,
    "repository.ExperienceCoAuthor": CHILD,
    "repository.ExperienceCrosswalk": CHILD,
    "repository.ExperienceOrganisation": CHILD,
    "repository.ExperiencePageKeyword": CHILD,
    "search.DocumentFacet": "written in bulk with the documents (see IndexedDocument)",
    "search.IndexChange": "the search's outbox of pages to index again",
    "search.IndexedDocument": "written in bulk; search.indexing starts a new generation itself",
    "sessions.Session": "visitors with a session are never served from the cache",
    "submissions.Submission": "proposals under review, shown only in the admin",
    "submissions.SubmissionFile": "proposals under review, shown only in the admin",
    "taggit.Tag": "keywords are written with the page that tags them (its publish)",
    "taggit.TaggedItem": "keywords are written with the page that tags them (its publish)",
    "wagtail_localize.LocaleSynchronization": "translation tooling; a translation shows at publish",
    "wagtail_localize.OverridableSegment": "translation tooling; a translation shows at publish",
    "wagtail_localize.RelatedObjectSegment": "translation tooling; a translation shows at publish",
    "wagtail_localize.SegmentOverride": "translation tooling; a translation shows at publish",
    "wagtail_localize.String": "translation tooling; a translation shows at publish",
    "wagtail_localize.StringSegment": "translation tooling; a translation shows at publish",
    "wagtail_localize.StringTranslation": "translation tooling; a translation shows at publish",
    "wagtail_localize.Template": "translation tooling; a translation shows at publish",
    "wagtail_localize.TemplateSegment": "translation tooling; a translation shows at publish",
    "wagtail_localize.TranslatableObject": "translation tooling; a translation shows at publish",
    "wagtail_localize.Translation": "translation tooling; a translation shows at publish",
    "wagtail_localize.TranslationContext": "translation tooling; a translation shows at publish",
    "wagtail_localize.TranslationLog": "translation tooling; a translation shows at publish",
    "wagtail_localize.TranslationSource": "translation tooling; a translation shows at publish",
    "wagtailadmin.Admin": "the admin's own permissions",
    "wagtailadmin.EditingSession": "editors' presence in the admin",
    "wagtailadmin.FormState": "the admin's saved form states",
    "wagtailcore.APIToken": "the API's tokens, never shown",
    "wagtailcore.Collection": "media folders, shown only in the admin",
    "wagtailcore.CollectionViewRestriction": "media permissions; the files are served uncached",
    "wagtailcore.Comment": "editors' comments on drafts",
    "wagtailcore.CommentReply": "editors' comments on drafts",
    "wagtailcore.GroupApprovalTask": "the moderation workflow",
    "wagtailcore.GroupCollectionPermission": "permissions, never on a public page",
    "wagtailcore.GroupPagePermission": "permissions, never on a public page",
    "wagtailcore.GroupSitePermission": "permissions, never on a public page",
    "wagtailcore.ModelLogEntry": "the admin's history",
    "wagtailcore.PageLogEntry": "the admin's history",
    "wagtailcore.PageSubscription": "editors' notification choices",
    "wagtailcore.ReferenceIndex": "the admin's usage counts",
    "wagtailcore.Revision": "drafts; what visitors see changes at publish, a page save",
    "wagtailcore.Task": "the moderation workflow",
    "wagtailcore.TaskState": "the moderation workflow",
    "wagtailcore.UploadedFile": "files being uploaded in the admin",
    "wagtailcore.Workflow": "the moderation workflow",
    "wagtailcore.WorkflowContentType": "the moderation workflow",
    "wagtailcore.WorkflowPage": "the moderation workflow",
    "wagtailcore.WorkflowState": "the moderation workflow",
    "wagtailcore.WorkflowTask": "the moderation workflow",
    "wagtailembeds.Embed": "fetched as a page renders, like a rendition: must not empty the cache",
    "wagtailimages.Rendition": "made as a page renders: must not empty the cache it fills",
    "wagtailredirects.Redirect": "answers only addresses no page serves (404s are not cached)",
    "wagtailsearch.IndexEntry": "Wagtail's search index, for the admin's search",
    "wagtailsearchpromotions.Query": "search statistics; promotions themselves are watched",
    "wagtailsearchpromotions.QueryDailyHits": "search statistics",
    "wagtailusers.UserProfile": "editors' admin preferences",
}


def test_every_model_is_watched_or_shown_on_no_public_page():
    from django.apps import apps

    unclassified = {
        model._meta.label
        for model in apps.get_models()
        if not sitecache.watched(model) and model._meta.label not in NOT_WATCHED
    }
    assert unclassified == set()
    # And none listed as unwatched is watched after all, or gone.
    listed = {model._meta.label: model for model in apps.get_models()}
    assert {label for label in NOT_WATCHED if label not in listed} == set()
    assert {label for label in NOT_WATCHED if sitecache.watched(listed[label])} == set()


def test_a_publish_keeps_the_vocabularies_and_a_renamed_term_still_shows_at_once(database_cache):
    # Each publish made every process read every vocabulary again (the first page after it
    # cost four times its usual rendering); the published page must still show at once, and so
    # must a term renamed in the admin.
    coordinator = sign_in("carla", COORDINATORS)
    visitor = Client()
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    topic = page.topics.first()
    listing, search = "/en/experiences/", "/en/search/?q=porto+alegre"
    visitor.get(listing)
    assert topic.name in visitor.get(search).content.decode()  # each process derives its labels

    post_form(
        coordinator,
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Porto Alegre, republished"},
        "action-publish",
    )
    with CaptureQueriesContext(connection) as queries:
        content = visitor.get(listing).content.decode()
    assert "Porto Alegre, republished" in content
    assert topic.name in content
    # The topics' usage counts are read again (they count pages), the vocabulary is not.
    reread = [q["sql"] for q in queries if 'FROM "taxonomy_topic"' in q["sql"]]
    assert [sql for sql in reread if "wagtailcore_page" not in sql] == []

    post_form(
        coordinator,
        f"/admin/snippets/taxonomy/topic/edit/{topic.pk}/",
        {"name": "Budgets decided together"},
    )
    content = visitor.get(listing).content.decode()
    option = f'name="topic" value="{topic.slug}">'
    assert f"{option} Budgets decided together</label>" in content
    assert f"{option} {topic.name}</label>" not in content
    assert "Budgets decided together" in visitor.get(page.get_url()).content.decode()
    content = visitor.get(search).content.decode()
    assert f"{option} <span>Budgets decided together <span" in content
    assert f"{option} <span>{topic.name} <span" not in content


def test_an_answer_said_to_read_no_page_that_reads_one_is_kept_with_the_pages(
    database_cache, caplog
):
    # The mistake is in the code (a `reference=True` on an answer built from pages): its
    # answer must not outlive the pages it came from.
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")

    def titles():
        return sorted(ExperiencePage.objects.live().values_list("title", flat=True))

    assert page.title in sitecache.cached(None, "test:titles", titles, reference=True)
    assert "reads repository_experiencepage, wagtailcore_page" in caplog.text
    page.title = "Porto Alegre, renamed"
    page.save_revision().publish()
    assert "Porto Alegre, renamed" in sitecache.cached(None, "test:titles", titles, reference=True)


def test_a_derived_value_said_to_read_no_page_that_reads_one_is_kept_with_the_pages(
    database_cache, caplog
):
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")

    def titles():
        return tuple(sorted(ExperiencePage.objects.live().values_list("title", flat=True)))

    assert page.title in sitecache.derived(None, "test:titles", titles, reference=True)
    assert "reads repository_experiencepage, wagtailcore_page" in caplog.text
    page.title = "Porto Alegre, renamed"
    page.save_revision().publish()
    assert "Porto Alegre, renamed" in sitecache.derived(None, "test:titles", titles, reference=True)


def test_the_answers_said_to_read_no_page_read_none(database_cache, caplog):
    client = Client()
    page = ExperiencePage.objects.get(slug="porto-alegre-participatory-budgeting")
    paths = ["/en/", "/fr/", "/es/", "/en/experiences/?topic=participatory-budgeting"]
    paths += ["/en/search/?q=budget", "/fr/search/?q=budget", "/en/agenda/", "/en/reports/"]
    paths += ["/en/members/", "/en/award/", "/en/open-data/", page.get_url()]
    paths += ["/en/experiences/codebook/"]
    paths += ["/en/experiences/export/csv/", "/fr/experiences/", "/fr/membres/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    assert "not only reference models" not in caplog.text
