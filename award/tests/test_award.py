"""The award from call to results over HTTP, with the POSTs the admin's forms send, each
person signed in through the login form: a member's contact applies, a coordinator checks
compliance, two jurors score (one declares a conflict), the coordinator ranks and publishes,
and the results reach the edition page, the experience, the member's profile and search."""

import datetime
import html
import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import Locale

from award.models import AwardEditionPage, Candidacy, Score, Stage
from award.results import ordinal, publish_results
from editorial.roles import COORDINATORS, JURY, MEMBER_CONTACTS
from publications.models import NewsPage
from repository.models import ExperiencePage
from search.indexing import deliver
from tests.fixtures import post_form, sign_in

pytestmark = pytest.mark.django_db


def open_edition():
    """The demo's open call, in the default language."""
    return AwardEditionPage.objects.filter(locale__language_code="en").order_by("-year").first()


def close_the_call(edition):
    """Time passes: the call closed yesterday and the evaluation runs."""
    today = datetime.date.today()
    AwardEditionPage.objects.filter(translation_key=edition.translation_key).update(
        call_opens=today - datetime.timedelta(days=60),
        call_closes=today - datetime.timedelta(days=1),
        evaluation_ends=today + datetime.timedelta(days=10),
        results_on=today + datetime.timedelta(days=20),
    )
    edition.refresh_from_db()


def seat_jury(edition, *clients):
    """Jurors chosen in the edition's form, as the coordinator publishes it."""
    page = edition.get_latest_revision_as_object()
    page.jury.add(*(client.user for client in clients))
    page.save_revision().publish()
    edition.refresh_from_db()


def experience(slug):
    return ExperiencePage.objects.get(slug=slug, locale__language_code="en")


def text(response):
    """The words of a page as a reader sees them: inline tags join, others separate."""
    content = re.sub(r"</?(strong|a|em|span)\b[^>]*>", "", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", content)))


def refused(response):
    """The admin's refusals: a 403 page, or Wagtail's return to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def rows(response):
    """The rows of the admin listing on the page, without its messages."""
    body = re.search(r"<tbody>(.*?)</tbody>", response.content.decode(), re.S).group(1)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def apply(client, edition, member, page, statement="It works."):
    return client.post(
        "/admin/award/apply/",
        {
            "edition": edition.pk,
            "member": member.pk,
            "experience": page.pk,
            "category": edition.categories.first().pk,
            "statement": statement,
        },
    )


def test_editions_are_counted_in_english_ordinals():
    numbers = [1, 2, 3, 4, 11, 12, 13, 15, 21, 22, 23, 111, 112]
    expected = [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "15th",
        "21st",
        "22nd",
        "23rd",
        "111th",
        "112th",
    ]
    assert [ordinal(n) for n in numbers] == expected


def test_the_demo_holds_a_finished_edition_and_an_open_call(client):
    editions = AwardEditionPage.objects.filter(locale__language_code="en").order_by("year")
    assert [edition.status for edition in editions] == ["results", "call_open"]
    for url in ("/en/award/", "/fr/prix/", "/es/premio/"):
        with_status = text(client.get(url))
        assert (
            "Results published" in with_status
            or "Résultats publiés" in with_status
            or ("Resultados publicados" in with_status)
        ), url
    finished = text(client.get("/en/award/2021/"))
    winner = experience("east-belgium-citizens-dialogue")
    assert f"Winner: {winner.title}" in finished, finished
    assert "Innovation (weight 3)" in finished
    french = text(client.get("/fr/prix/2021/"))
    assert "Transférabilité" in french and "Gouvernements locaux" in french


def test_a_member_applies_a_coordinator_checks_the_jury_scores_and_results_are_published(
    client, django_capture_on_commit_callbacks
):
    edition = open_edition()
    assert edition.call_is_open
    porto_alegre = experience("porto-alegre-participatory-budgeting")
    member = porto_alegre.organisations.exclude(member=None).first().member
    contact = sign_in(member.contact_email.split("@")[0], MEMBER_CONTACTS)
    assert contact.user.email == member.contact_email

    # The form offers the member's experiences only, and refuses another member's.
    form = contact.get("/admin/award/apply/").content.decode()
    assert f'value="{porto_alegre.pk}"' in form
    assert f'value="{experience("east-belgium-citizens-dialogue").pk}"' not in form
    not_theirs = apply(contact, edition, member, experience("east-belgium-citizens-dialogue"))
    assert not_theirs.status_code == 200
    assert "Select a valid choice" in not_theirs.content.decode()
    response = apply(contact, edition, member, porto_alegre, "Thirty-five years of budgets.")
    assert response.status_code == 302
    candidacy = Candidacy.objects.get(edition=edition, experience=porto_alegre)
    assert candidacy.stage == Stage.SUBMITTED and candidacy.applicant == contact.user
    assert "Awaiting compliance check" in text(contact.get("/admin/award/mine/"))
    # The same experience cannot apply twice.
    again = apply(contact, edition, member, porto_alegre)
    assert "already applies" in again.content.decode()

    # A coordinator refuses one candidacy (the reason is mailed) and accepts the other.
    coordinator = sign_in("carla", COORDINATORS)
    listing = coordinator.get(f"/admin/award/candidacies/?edition={edition.pk}")
    assert porto_alegre.title in text(listing)
    cascais = Candidacy.objects.get(edition=edition, experience__slug="youth-participatory-budget")
    cascais.applicant = sign_in("rita.almeida", MEMBER_CONTACTS).user
    cascais.save()
    without_reason = coordinator.post(
        f"/admin/award/candidacies/{cascais.pk}/", {"decision": "refused"}
    )
    assert "Say why the candidacy is refused" in without_reason.content.decode()
    coordinator.post(
        f"/admin/award/candidacies/{cascais.pk}/",
        {"decision": "refused", "reason": "The experience started less than a year ago."},
    )
    coordinator.post(f"/admin/award/candidacies/{candidacy.pk}/", {"decision": "accepted"})
    cascais.refresh_from_db()
    candidacy.refresh_from_db()
    assert (cascais.stage, candidacy.stage) == (Stage.REFUSED, Stage.ACCEPTED)
    refusal, acceptance = mail.outbox[-2:]
    assert refusal.to == ["rita.almeida@example.org"]
    assert "The experience started less than a year ago." in refusal.body
    assert acceptance.to == [member.contact_email] and "accepted" in acceptance.subject
    # A decision stands: a second POST changes nothing.
    coordinator.post(f"/admin/award/candidacies/{cascais.pk}/", {"decision": "accepted"})
    cascais.refresh_from_db()
    assert cascais.stage == Stage.REFUSED

    # Another accepted candidacy, of a second experience, for the jury to compare.
    east_belgium = experience("east-belgium-citizens-dialogue")
    other = Candidacy.objects.create(
        edition=edition,
        member=east_belgium.organisations.exclude(member=None).first().member,
        experience=east_belgium,
        statement="Sortition.",
        stage=Stage.ACCEPTED,
    )

    # While the call is open nobody scores; then the call closes.
    ines = sign_in("ines", JURY)
    jan = sign_in("jan", JURY)
    seat_jury(edition, ines, jan)
    criteria = list(edition.criteria.all())
    scores = {f"score_{c.pk}": "7" for c in criteria} | {
        f"comment_{c.pk}": "Good" for c in criteria
    }
    ines.post(f"/admin/award/jury/candidacy/{candidacy.pk}/", scores)
    assert not Score.objects.exists()
    close_the_call(edition)

    # Jan declares a conflict with Porto Alegre: it leaves his list and his reach.
    jury_list = rows(jan.get(f"/admin/award/jury/{edition.pk}/"))
    assert porto_alegre.title in jury_list and east_belgium.title in jury_list
    assert "youth" not in jury_list.lower()  # refused: never shown to the jury
    jan.post(f"/admin/award/jury/candidacy/{candidacy.pk}/conflict/", {"reason": "I advise them"})
    jury_list = rows(jan.get(f"/admin/award/jury/{edition.pk}/"))
    assert porto_alegre.title not in jury_list and east_belgium.title in jury_list
    assert jan.get(f"/admin/award/jury/candidacy/{candidacy.pk}/").status_code == 404
    jan.post(f"/admin/award/jury/candidacy/{candidacy.pk}/", scores)
    assert not Score.objects.filter(juror=jan.user).exists()
    # Nor a refused candidacy, whose address a juror might guess.
    assert jan.get(f"/admin/award/jury/candidacy/{cascais.pk}/").status_code == 404

    # Scores: Innés rates both, Jan the one he may judge.
    def marks(values, who):
        data = {}
        for criterion, value in zip(criteria, values, strict=True):
            data[f"score_{criterion.pk}"] = str(value)
            data[f"comment_{criterion.pk}"] = f"{who} thinks {criterion.name} is fine"
        return data

    too_high = ines.post(f"/admin/award/jury/candidacy/{candidacy.pk}/", marks([11, 5], "Inés"))
    assert too_high.status_code == 200 and not Score.objects.exists()
    ines.post(f"/admin/award/jury/candidacy/{candidacy.pk}/", marks([9, 6], "Inés"))
    ines.post(f"/admin/award/jury/candidacy/{other.pk}/", marks([5, 5], "Inés"))
    jan.post(f"/admin/award/jury/candidacy/{other.pk}/", marks([7, 2], "Jan"))
    assert Score.objects.filter(juror=ines.user).count() == 4
    # A juror reads their own comments, never another juror's.
    own = jan.get(f"/admin/award/jury/candidacy/{other.pk}/").content.decode()
    assert own.count("Jan thinks") == len(criteria) and "Inés thinks" not in own
    values = re.findall(r'name="score_\d+" value="(\d+)"', own)
    assert values == ["7", "2"], values

    # The ranking weighs criteria: Impact weighs 2, Inclusion 1.
    weights = [c.weight for c in criteria]
    assert weights == [2, 1]
    ranking = text(coordinator.get(f"/admin/award/editions/{edition.pk}/ranking/"))
    porto_alegre_score = round((2 * 9 + 1 * 6) / 3, 2)
    other_score = round((2 * (5 + 7) / 2 + 1 * (5 + 2) / 2) / 3, 2)
    assert f"{porto_alegre.title} {member.name} {porto_alegre_score} 1 1" in ranking, ranking
    assert ranking.index(porto_alegre.title) < ranking.index(east_belgium.title)
    assert str(other_score) in ranking

    # Members and jurors cannot publish; a winner is needed before the coordinator can.
    for person in (contact, ines):
        assert refused(person.post(f"/admin/award/editions/{edition.pk}/publish/"))
        assert refused(person.get(f"/admin/award/editions/{edition.pk}/ranking/"))
    coordinator.post(f"/admin/award/editions/{edition.pk}/publish/")
    assert not edition.results_published
    url = f"/admin/award/editions/{edition.pk}/ranking/"
    wrong = coordinator.post(url, {"candidacy": candidacy.pk, "stage": "winner"}, follow=True)
    assert "cannot move to that stage" in wrong.content.decode()
    for stage in ("shortlisted", "finalist", "winner"):
        coordinator.post(url, {"candidacy": candidacy.pk, "stage": stage})
    for stage in ("shortlisted", "finalist", "special_mention"):
        coordinator.post(url, {"candidacy": other.pk, "stage": stage})
    # Translations follow their source after the commit (editorial/sync.py).
    with django_capture_on_commit_callbacks(execute=True):
        published = coordinator.post(f"/admin/award/editions/{edition.pk}/publish/")
    assert edition.results_published

    # The news draft opens for editing; it is not live.
    nth = ordinal(edition.number)
    news = NewsPage.objects.get(title=f"The winners of the {nth} IOPD Best Practice Award")
    assert published["Location"] == f"/admin/pages/{news.pk}/edit/"
    assert not news.live and porto_alegre.title in str(news.get_latest_revision_as_object().body)

    # The results, in every language: the edition page, the experience, the profile, search.
    page = text(client.get(edition.url))
    assert (
        f"Winner: {porto_alegre.title}" in page and f"Special mention: {east_belgium.title}" in page
    )
    award_line = f"IOPD Best Practice Award: Winner, {nth} edition ({edition.year})"
    assert award_line in text(client.get(porto_alegre.url))
    french = porto_alegre.get_translation(edition.get_translation(edition.locale).locale)
    for translated in ExperiencePage.objects.filter(translation_key=porto_alegre.translation_key):
        assert translated.awards.filter(year=edition.year, distinction="winner").exists()
    assert french is not None
    profile = text(client.get(f"/en/members/{member.slug}/"))
    assert award_line in profile
    deliver()
    # One facet value per distinction.
    winners = text(client.get("/en/search/", {"award": "winner"}))
    mentions = text(client.get("/en/search/", {"award": "special_mention"}))
    assert porto_alegre.title in winners and east_belgium.title in mentions
    assert "Special mention" not in text(client.get("/en/search/", {"q": "zzz"}))


def test_the_jury_sees_only_its_editions_accepted_candidacies(client):
    edition = open_edition()
    finished = AwardEditionPage.objects.get(locale__language_code="en", year=2021)
    juror = sign_in("ines", JURY)
    seat_jury(edition, juror)
    assert "Jury" in juror.get("/admin/").content.decode()
    # Not on the 2021 jury: neither its list nor its candidacies.
    assert refused(juror.get(f"/admin/award/jury/{finished.pk}/"))
    winner = Candidacy.objects.get(edition=finished, stage=Stage.WINNER)
    assert refused(juror.get(f"/admin/award/jury/candidacy/{winner.pk}/"))
    # The candidacy of the open call awaits its check: not yet the jury's.
    submitted = Candidacy.objects.get(edition=edition)
    assert submitted.experience.title not in text(juror.get(f"/admin/award/jury/{edition.pk}/"))
    assert juror.get(f"/admin/award/jury/candidacy/{submitted.pk}/").status_code == 404
    # Nor the coordinators' views, nor applying.
    for url in (
        "/admin/award/candidacies/",
        "/admin/award/apply/",
        f"/admin/award/editions/{edition.pk}/ranking/",
    ):
        assert refused(juror.get(url)), url
    # A juror without an edition has no Award menu.
    assert "/admin/award/jury/" not in sign_in("jan", JURY).get("/admin/").content.decode()


def test_scores_and_candidacies_are_on_no_public_surface(client):
    edition = AwardEditionPage.objects.get(locale__language_code="en", year=2021)
    published = text(client.get(edition.url))
    for candidacy in Candidacy.objects.filter(edition=edition):
        assert candidacy.statement not in published
    open_call = open_edition()
    submitted = Candidacy.objects.get(edition=open_call)
    assert submitted.experience.title not in text(client.get(open_call.url))
    assert Client().get("/admin/award/apply/").status_code == 302


def test_publishing_results_keeps_an_experiences_draft_a_draft():
    edition = open_edition()
    close_the_call(edition)
    page = experience("porto-alegre-participatory-budgeting")
    live_title = page.title
    draft = page.get_latest_revision_as_object()
    draft.title = "Porto Alegre, a draft in progress"
    draft.save_revision()
    member = page.organisations.exclude(member=None).first().member
    Candidacy.objects.create(
        edition=edition, member=member, experience=page, statement="-", stage=Stage.WINNER
    )
    publish_results(edition, None)
    page.refresh_from_db()
    assert page.title == live_title and page.has_unpublished_changes
    assert page.awards.filter(year=edition.year, distinction="winner").exists()
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Porto Alegre, a draft in progress"
    assert latest.awards.filter(year=edition.year, distinction="winner").exists()


def test_publishing_results_never_puts_back_online_an_experience_taken_offline():
    edition = open_edition()
    close_the_call(edition)
    page = experience("east-belgium-citizens-dialogue")
    coordinator = sign_in("carla", COORDINATORS)
    assert coordinator.post(f"/admin/pages/{page.pk}/unpublish/").status_code == 302
    member = page.organisations.exclude(member=None).first().member
    Candidacy.objects.create(
        edition=edition, member=member, experience=page, statement="-", stage=Stage.WINNER
    )
    coordinator.post(f"/admin/award/editions/{edition.pk}/publish/")
    assert edition.results_published
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().awards.filter(year=edition.year).exists()
    assert page.title not in text(Client().get(edition.url))


def test_results_reach_the_translations_live_while_their_text_waits_for_review(client):
    """A distinction is a fact, not words to translate: it shows on the French page at once,
    and the French text a translator has under review stays a draft."""
    edition = open_edition()
    close_the_call(edition)
    page = experience("porto-alegre-participatory-budgeting")
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    live_title = french.title
    under_review = french.get_latest_revision_as_object()
    under_review.title = "Budget participatif de Porto Alegre (en relecture)"
    under_review.save_revision()
    member = page.organisations.exclude(member=None).first().member
    Candidacy.objects.create(
        edition=edition, member=member, experience=page, statement="-", stage=Stage.WINNER
    )
    coordinator = sign_in("carla", COORDINATORS)
    coordinator.post(f"/admin/award/editions/{edition.pk}/publish/")
    shown = text(client.get(french.url))
    nth = f"{edition.number}e édition ({edition.year})"
    assert f"Prix OIDP de bonne pratique : Lauréate, {nth}" in shown
    assert live_title in shown and "(en relecture)" not in shown
    french.refresh_from_db()
    assert french.has_unpublished_changes
    latest = french.get_latest_revision_as_object()
    assert latest.title.endswith("(en relecture)")
    assert latest.awards.filter(year=edition.year, distinction="winner").exists()


def test_publishing_results_purges_the_edition_and_the_results_feed_in_every_language(
    proxy, django_capture_on_commit_callbacks
):
    edition = open_edition()
    close_the_call(edition)
    page = experience("porto-alegre-participatory-budgeting")
    member = page.organisations.exclude(member=None).first().member
    Candidacy.objects.create(
        edition=edition, member=member, experience=page, statement="-", stage=Stage.WINNER
    )
    coordinator = sign_in("carla", COORDINATORS)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(f"/admin/award/editions/{edition.pk}/publish/")
    assert response.status_code == 302
    purged = {path for _host, path in proxy.purged}
    for version in [edition, *edition.get_translations().live()]:
        index = version.get_parent()
        assert {version.url, index.url, f"{index.url}feed/rss/"} <= purged, version.url


@pytest.mark.parametrize("address_on_record", [True, False])
def test_a_decision_reaches_the_members_contact_or_says_nobody_was_told(address_on_record):
    """The demo's Cascais candidacy has no applicant on record: the decision goes to the
    member's contact; with no address at all, the coordinator reads that nobody was told."""
    edition = open_edition()
    cascais = Candidacy.objects.get(edition=edition, experience__slug="youth-participatory-budget")
    assert cascais.applicant is None
    coordinator = sign_in("carla", COORDINATORS)
    if not address_on_record:
        post_form(
            coordinator,
            f"/admin/snippets/network/memberorganisation/edit/{cascais.member_id}/",
            {"contact_email": ""},
        )
    mail.outbox.clear()
    response = coordinator.post(
        f"/admin/award/candidacies/{cascais.pk}/",
        {"decision": "refused", "reason": "The experience started less than a year ago."},
        follow=True,
    )
    said = text(response)
    if address_on_record:
        (told,) = mail.outbox
        assert told.to == ["rita.almeida@example.org"]
        assert "The experience started less than a year ago." in told.body
        assert "The member's contact has been told by email." in said
    else:
        assert mail.outbox == []
        assert "The applicant has been told" not in said
        assert "Nobody was told by email" in said


def test_the_award_facet_has_a_value_per_distinction_and_pages_name_the_edition(
    client, search_engine, subtests
):
    """The demo's finished edition: its winner and its special mention are two facet values,
    and each experience says which edition distinguished it, in the reader's language."""
    finished = AwardEditionPage.objects.get(locale__language_code="en", year=2021)
    winner = Candidacy.objects.get(edition=finished, stage=Stage.WINNER).experience
    mention = Candidacy.objects.get(edition=finished, stage=Stage.SPECIAL_MENTION).experience
    deliver()
    search_engine.refresh()
    search = text(client.get("/en/search/"))
    assert re.search(r"Winner \(\d+\)", search) and re.search(r"Special mention \(\d+\)", search)
    for value, shown, hidden in (
        ("winner", winner, mention),
        ("special_mention", mention, winner),
    ):
        with subtests.test(facet=value):
            found = text(client.get("/en/search/", {"award": value}))
            assert shown.title in found and hidden.title not in found
    expected = {
        "en": f"IOPD Best Practice Award: Winner, {ordinal(finished.number)} edition (2021)",
        "fr": f"Prix OIDP de bonne pratique : Lauréate, {finished.number}e édition (2021)",
        "es": f"Distinción OIDP de buena práctica: Ganadora, {finished.number}.ª edición (2021)",
    }
    for page in ExperiencePage.objects.filter(translation_key=winner.translation_key):
        with subtests.test(language=page.locale.language_code):
            assert expected[page.locale.language_code] in text(client.get(page.url))


def test_the_results_feed_dates_the_demos_results_when_they_were_announced(client):
    import feedparser

    feed = feedparser.parse(client.get("/en/award/feed/atom/").content)
    (entry,) = [entry for entry in feed.entries if "2021" in entry.title]
    assert entry.updated_parsed[:3] == (2021, 8, 25)
