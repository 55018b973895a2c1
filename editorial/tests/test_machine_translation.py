"""Machine translation through the configured provider, and its state on the dashboard."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from editorial.roles import COORDINATORS, translators_group
from editorial.translation_status import translation_status
from iopd_site.settings.base import machine_translator_from_env
from repository.factories import ExperiencePageFactory
from repository.models import ExperienceIndexPage, ExperiencePage
from tests.fixtures import sign_in

from .test_translation_review import form_action

DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"


def person(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def state_of(page, code):
    rows, _counts, _sections = translation_status(language=code)
    return next(row.states[code][0] for row in rows if row.page_id == page.pk)


@pytest.mark.django_db
def test_machine_translated_strings_are_flagged_until_a_reviewed_version_is_live(
    client, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": DUMMY, "OPTIONS": {}}
    index = ExperienceIndexPage.objects.get(locale__language_code="en")
    page = ExperiencePageFactory(
        parent=index, title="Citizens jury on water", summary="Twelve residents met twice."
    )
    page.save_revision().publish()
    french_locale = Locale.objects.get(language_code="fr")

    # A coordinator asks for a French translation: a page whose words are still English.
    client.force_login(person("coord", COORDINATORS))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{page.pk}/", {"locales": [french_locale.pk]}
        )
    assert response.status_code == 302
    assert state_of(page, "fr") == "in_progress"

    # A translator fills it with the machine translator.
    client.force_login(person("tra", translators_group("fr")))
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=french_locale
    )
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/", {"next": "/admin/"}
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        context__object_id=page.translation_key, locale=french_locale
    )
    assert machine.filter(translation_type="machine").exists()
    # The dummy translator reverses the words: it really went through the provider.
    assert machine.filter(data="twice. met residents Twelve").exists()
    assert state_of(page, "fr") == "machine_translated"
    assert state_of(page, "es") == "missing"

    # Nothing a machine wrote is live before a review.
    french = ExperiencePage.objects.get(translation_key=page.translation_key, locale=french_locale)
    french_url = french.get_url()
    assert "twice. met residents Twelve" not in Client().get(french_url).content.decode()

    # Once she submits it and a second translator approves it, the strings are reviewed.
    edit = f"/admin/pages/{french.pk}/edit/"
    content = client.get(edit).content.decode()
    client.post(form_action(content, "Submit the French translation for review"))
    assert state_of(page, "fr") == "awaiting_review"
    reviewer = sign_in("fabien", translators_group("fr"))
    content = reviewer.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(form_action(content, "Approve and publish"), {"comment": "", "next": edit})
    french.refresh_from_db()
    assert french.live and french.summary == "twice. met residents Twelve"
    assert "twice. met residents Twelve" in Client().get(french_url).content.decode()
    assert state_of(page, "fr") == "up_to_date"


@pytest.mark.django_db
def test_no_machine_translator_means_no_machine_translation(client, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    client.force_login(person("coord", COORDINATORS))
    translation = Translation.objects.filter(target_locale__language_code="fr").first()
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    assert client.post(url, {"next": "/admin/"}, follow=True).status_code == 404


def test_the_provider_comes_from_the_environment(monkeypatch):
    for name in ("MACHINE_TRANSLATOR", "MACHINE_TRANSLATOR_URL", "MACHINE_TRANSLATOR_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert machine_translator_from_env() is None  # off by default: no network assumed

    monkeypatch.setenv("MACHINE_TRANSLATOR", "deepl")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR_KEY"):
        machine_translator_from_env()
    monkeypatch.setenv("MACHINE_TRANSLATOR_KEY", "secret:fx")
    config = machine_translator_from_env()
    assert config["CLASS"].endswith("DeepLTranslator")
    assert config["OPTIONS"]["AUTH_KEY"] == "secret:fx"

    monkeypatch.setenv("MACHINE_TRANSLATOR", "libretranslate")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR_URL"):
        machine_translator_from_env()
    monkeypatch.setenv("MACHINE_TRANSLATOR_URL", "http://127.0.0.1:5000")
    assert machine_translator_from_env()["OPTIONS"]["LIBRETRANSLATE_URL"] == (
        "http://127.0.0.1:5000"
    )

    monkeypatch.setenv("MACHINE_TRANSLATOR", "babelfish")
    with pytest.raises(ImproperlyConfigured, match="choose one of"):
        machine_translator_from_env()
