"""The Nu HTML checker (vnu) finds no error on one page of every public page type in every
language: the same checker validator.w3.org runs, fed what a visitor's browser receives."""

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client

from award.models import AwardEditionPage
from repository.models import ExperiencePage
from tests.fixtures import in_ci

pytestmark = pytest.mark.django_db

# One page of each public type, as a visitor reaches it, in English, French and Spanish.
PAGES = {
    "en": [
        "/en/",
        "/en/about/",
        "/en/experiences/",
        "/en/experiences/?topic=participatory-budgeting&country=BR&sort=oldest",
        "/en/experiences/east-belgium-citizens-dialogue/",
        "/en/experiences/seoul-citizens-participatory-budget/",
        "/en/experiences/codebook/",
        "/en/open-data/",
        "/en/experiences/?badge=deliberative-mini-public",  # an inclusion criterion's landing
        "/en/experiences/countries/pe/",
        "/en/members/",
        "/en/members/?type=local-government&promoter=yes",
        "/en/members/porto-alegre-city-council/",
        "/en/award/",
        "/en/award/2021/",
        "/en/news/",
        "/en/news/?topic=climate&topic=nonsense",
        "/en/news/award-call-2027/",
        "/en/agenda/",
        "/en/agenda/conference-2021/",
        "/en/agenda/iberian-get-together-2021/",  # hosted by a member
        "/en/reports/",
        "/en/reports/agenda-for-local-democracy/",
        "/en/reports/participation-in-times-of-pandemic/",  # published by a member
        "/en/youth-latin-america/",
        "/en/search/?q=budget",
        "/en/search/?q=zzqxjv",
        "/en/propose-an-experience/",
        "/en/join/",
        "/en/nowhere/",
    ],
    "fr": [
        "/fr/",
        "/fr/a-propos/",
        "/fr/experiences/",
        "/fr/experiences/?status=ongoing&topic=inconnu",
        "/fr/experiences/budget-participatif-porto-alegre/",
        "/fr/experiences/loi-budget-participatif-republique-dominicaine/",
        "/fr/experiences/codebook/",
        "/fr/donnees-ouvertes/",
        "/fr/experiences/?badge=participatory-budgeting",
        "/fr/experiences/countries/ec/",
        "/fr/membres/",
        "/fr/membres/?country=BR&region=nulle-part",
        "/fr/membres/cascais-municipality/",
        "/fr/prix/",
        "/fr/prix/2021/",
        "/fr/actualites/",
        "/fr/actualites/appel-a-sessions-conference/",
        "/fr/agenda/",
        "/fr/agenda/conference-2021/",
        "/fr/rapports/",
        "/fr/rapports/?type=annual",
        "/fr/rapports/agenda-pour-la-democratie-locale/",
        "/fr/jeunes-amerique-latine/",
        "/fr/search/?q=budget&lang=all",
        "/fr/search/?q=zzqxjv",
        "/fr/proposer-une-experience/",
        "/fr/adherer/",
        "/fr/nulle-part/",
    ],
    "es": [
        "/es/",
        "/es/sobre/",
        "/es/experiencias/",
        "/es/experiencias/?region=latin-america&from=2000&to=2020",
        "/es/experiencias/dialogo-ciudadano-belgica-oriental/",
        "/es/experiencias/presupuesto-participativo-nueva-york/",
        "/es/experiencias/codebook/",
        "/es/datos-abiertos/",
        "/es/experiencias/countries/be/",
        "/es/miembros/",
        "/es/miembros/seoul-metropolitan-government/",
        "/es/premio/",
        "/es/premio/2021/",
        "/es/noticias/",
        "/es/noticias/acta-conferencia-2021/",
        "/es/agenda/",
        "/es/agenda/buro-ejecutivo-cglu-2021/",
        "/es/informes/",
        "/es/informes/agenda-para-la-democracia-local/",
        "/es/jovenes-america-latina/",
        "/es/search/?q=presupuesto",
        "/es/search/?q=zzqxjv",
        "/es/proponer-una-experiencia/",
        "/es/unirse/",
        "/es/ninguna-parte/",
    ],
}
NOT_FOUND = {"/en/nowhere/", "/fr/nulle-part/", "/es/ninguna-parte/"}
PROTECTED = ["/en/news/award-call-2027/", "/es/informes/agenda-para-la-democracia-local/"]


@pytest.fixture(scope="module")
def vnu_jar():
    path = os.environ.get("VNU_JAR_PATH")
    java = shutil.which("java")
    message = None
    if not path or not Path(path).is_file():
        message = "VNU_JAR_PATH is not set: `make test` fetches the Nu HTML checker (vnu-jar)"
    elif not java:
        message = "Java is required to run the Nu HTML checker"
    if message:
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return [java, "-jar", path]


def validate(vnu_jar, documents, tmp_path):
    """Every document checked by one run of the checker (the JVM is slow to start): the
    errors of each, keyed by its address."""
    files = {}
    for number, (address, content) in enumerate(documents.items()):
        file = tmp_path / f"{number}.html"
        file.write_bytes(content)
        files[file.name] = address
    run = subprocess.run(
        [*vnu_jar, "--format", "json", "--stdout", *(str(tmp_path / name) for name in files)],
        capture_output=True,
        timeout=300,
    )
    assert run.stdout, run.stderr.decode()
    report = json.loads(run.stdout)
    errors = {}
    for message in report["messages"]:
        if message["type"] in {"error", "non-document-error"} or message.get("subType") == "fatal":
            url = message.get("url", "")
            where = files.get(url.rsplit("/", 1)[-1], url)
            errors.setdefault(where, []).append(
                f"line {message.get('lastLine')}: {message['message']} "
                f"[{message.get('extract', '').strip()[:80]}]"
            )
    return errors


def protect_with_password(paths):
    """An editor protects pages with a password, as in the admin's privacy dialog."""
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-1234")
    client = Client()
    client.force_login(editor)
    for path in paths:
        page = client.get(path).context["page"]
        client.post(
            f"/admin/pages/{page.pk}/privacy/",
            {"restriction_type": "password", "password": "open-sesame"},
        )


def test_every_page_type_is_valid_html_in_every_language(
    client, vnu_jar, tmp_path, django_capture_on_commit_callbacks
):
    # The whole demo, as `make run` serves it (indexed after commit): collections have results.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_experiences", stdout=io.StringIO())
    documents = {}
    for paths in PAGES.values():
        for path in paths:
            response = client.get(path)
            assert response.status_code == (404 if path in NOT_FOUND else 200), path
            documents[path] = response.content
    protect_with_password(PROTECTED)
    for path in PROTECTED:
        response = client.get(path)
        assert b'name="password"' in response.content, path
        documents[f"{path} (password required)"] = response.content
    # The checker also reports an outline that skips a heading level (an h3 after the h1).
    errors = validate(vnu_jar, documents, tmp_path)
    report = "\n".join(f"{path}\n  " + "\n  ".join(found) for path, found in errors.items())
    assert not errors, f"the Nu HTML checker found errors:\n{report}"


def test_the_public_forms_are_valid_html_when_they_come_back_with_errors(client, vnu_jar, tmp_path):
    """The state a visitor meets after a mistake: error messages, marked fields, kept values."""
    documents = {}
    for path, data in (
        ("/fr/proposer-une-experience/", {"title": "Assemblées", "contact_email": "non"}),
        ("/es/unirse/", {"name": "Asamblea", "homepage": "robot"}),
    ):
        response = client.post(path, data)
        assert response.status_code == 400, path
        documents[f"{path} (errors)"] = response.content
    errors = validate(vnu_jar, documents, tmp_path)
    assert not errors, errors


def test_a_members_update_and_the_open_call_are_valid_html(client, vnu_jar, tmp_path):
    """The pages a member's contact goes through to update its experience, in French (asking
    for the link, the form with a mistake, the landing page), and the open call's edition page
    in every language, whose address follows the year."""
    documents = {}
    for edition in AwardEditionPage.objects.live():
        if edition.call_is_open:
            documents[edition.url] = client.get(edition.url).content
    assert len(documents) == 3
    page = ExperiencePage.objects.get(slug="budget-participatif-porto-alegre")
    email = page.organisations.exclude(member=None).get().member.contact_email
    ask = f"/fr/proposer-une-mise-a-jour/{page.pk}/"
    documents[ask] = client.get(ask).content
    documents[f"{ask} (errors)"] = client.post(ask, {"email": "non", "homepage": ""}).content
    mail.outbox.clear()
    documents[f"{ask} (sent)"] = client.post(ask, {"email": email, "homepage": ""}).content
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0).split("8000", 1)[1]
    documents["update form"] = client.get(link).content
    data = {
        "title": page.title,
        "summary": page.summary,
        "country": "BR",
        "city": page.place,
        "start_year": "1989",
        "end_year": "1980",
        "contact_name": "Ana",
        "homepage": "",
    }
    response = client.post(link, data)
    assert response.status_code == 400
    documents["update form (errors)"] = response.content
    response = client.post(link, {**data, "end_year": "", "ongoing": "on"}, follow=True)
    assert response.redirect_chain
    documents["update sent"] = response.content
    errors = validate(vnu_jar, documents, tmp_path)
    assert not errors, errors


@pytest.mark.parametrize("path", sorted(NOT_FOUND))
def test_the_404_page_claims_no_address(client, path):
    """A missing page is no page to index: no canonical link, no hreflang alternates, but
    the visitor can still switch language (to each language's home)."""
    content = client.get(path).content.decode()
    head = content.split("</head>")[0]
    assert 'rel="canonical"' not in head
    assert "hreflang" not in head
    assert 'name="robots" content="noindex"' in head
    assert 'class="language-switcher"' in content
