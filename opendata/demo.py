"""Demo of the open-data page in every language. Idempotent: what exists is kept as editors
left it. Releases are not made here: `manage.py make_release` makes one when wanted."""

from wagtail.models import Locale

from core.localize import translate

from .models import OpenDataPage

LANGUAGES = ("en", "fr", "es")
PAGE = {
    "slug": ("open-data", "donnees-ouvertes", "datos-abiertos"),
    "title": ("Open data", "Données ouvertes", "Datos abiertos"),
    "introduction": (
        "The repository of experiences as open data: download it live or as a dated release "
        "to cite, and harvest its catalogue.",
        "Le répertoire des expériences en données ouvertes : à télécharger en direct ou en "
        "version datée à citer, et son catalogue à moissonner.",
        "El repositorio de experiencias como datos abiertos: descárguelo en directo o en una "
        "versión fechada para citarla, y recolecte su catálogo.",
    ),
    "method": (
        "Each experience is written by the observatory's editors or proposed through the "
        "site's public form, and reviewed before it is published. Its coded variables are "
        "filled only where its sources say so.",
        "Chaque expérience est rédigée par l'équipe éditoriale de l'observatoire ou proposée "
        "par le formulaire public du site, et relue avant d'être publiée. Ses variables codées "
        "ne sont remplies que là où ses sources le disent.",
        "Cada experiencia la redacta el equipo editorial del observatorio o se propone por el "
        "formulario público del sitio, y se revisa antes de publicarse. Sus variables "
        "codificadas solo se rellenan donde sus fuentes lo dicen.",
    ),
}


def load(home):
    page = home.get_children().filter(slug=PAGE["slug"][0]).first()
    if page is None:
        page = OpenDataPage(
            slug=PAGE["slug"][0],
            locale=home.locale,
            title=PAGE["title"][0],
            introduction=PAGE["introduction"][0],
            method=PAGE["method"][0],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    page = page.specific
    for locale in Locale.objects.filter(language_code__in=LANGUAGES).exclude(pk=home.locale_id):
        if not page.has_translation(locale):
            position = LANGUAGES.index(locale.language_code)
            translate(page, locale, {texts[0]: texts[position] for texts in PAGE.values()})
    return page
