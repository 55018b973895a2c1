"""Restrictions set before privacy followed pages into every language (core/privacy_sync.py)
are copied to the translations of their pages once."""

from django.conf import settings
from django.db import migrations


def copy_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    Restriction = apps.get_model("wagtailcore", "PageViewRestriction")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for restriction in Restriction.objects.select_related("page"):
        page = restriction.page
        source_locale = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .values_list("locale_id", flat=True)
            .first()
        ) or (default and default.pk)
        if page.locale_id != source_locale:
            continue
        for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
            pk=page.pk
        ):
            if Restriction.objects.filter(page=translation).exists():
                continue
            copy = Restriction.objects.create(
                page=translation,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            copy.groups.set(restriction.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_review_by_another_task"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_restrictions, migrations.RunPython.noop)]
