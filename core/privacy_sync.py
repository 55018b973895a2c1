"""Privacy follows a page into every language.

A view restriction set on the page translations are made from (its source) is copied to each
translation and kept in step: changed, its copies change; removed, they go. A translation
may be made private on its own while its source is public, never public while its source is
private: removing the copy of a source's restriction puts it back. Wagtail and
wagtail-localize know only the page a restriction hangs on (wagtail-localize copies it once,
when a translation is created through it), so without this the French copy of a private
page stayed public."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published

from .deferral import Deferral


def source_of(page):
    """The copy of `page` its translations are made from: wagtail-localize's source, else
    the page in the default language."""
    from wagtail_localize.models import TranslationSource

    locale_id = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .values_list("locale_id", flat=True)
        .first()
    )
    if locale_id is None:
        if page.locale.language_code == default_language():
            return page  # most pages: no query beyond the one above
        locale_id = Locale.get_default().pk
    if locale_id == page.locale_id:
        return page
    return Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id).first()


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _translations(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def _copy(restriction, page):
    copy = page.view_restrictions.first() or PageViewRestriction(page=page)
    groups = set(restriction.groups.values_list("pk", flat=True))
    same = (
        copy.pk
        and copy.restriction_type == restriction.restriction_type
        and copy.password == restriction.password
        and set(copy.groups.values_list("pk", flat=True)) == groups
    )
    if same:
        return
    copy.restriction_type = restriction.restriction_type
    copy.password = restriction.password
    copy.save()
    copy.groups.set(groups)


def follow_source(page, source=None):
    """Give `page` its source's restriction, if the source has one."""
    source = source or source_of(page)
    if source is None or source.pk == page.pk:
        return
    restriction = source.view_restrictions.first()
    if restriction is not None:
        _copy(restriction, page)


def _restriction_saved(sender, instance, **kwargs):
    page = instance.page
    source = source_of(page)
    if source is not None and source.pk == page.pk:
        for translation in _translations(page):
            _copy(instance, translation)


def _groups_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, PageViewRestriction
    ):
        _restriction_saved(PageViewRestriction, instance)


def _restriction_deleted(sender, instance, origin=None, **kwargs):
    if not isinstance(origin, PageViewRestriction):
        return  # a page and its restriction deleted together: its translations keep theirs
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    source = source_of(page)
    if source is None:
        return
    if source.pk == page.pk:
        for copy in PageViewRestriction.objects.filter(page__in=_translations(page)).order_by("pk"):
            copy.delete()
    else:
        follow_source(page, source)


def _published(sender, instance, **kwargs):
    # Translations created or updated by any path (the background sync, a PO import, code)
    # are made private with their source before anyone can read them.
    if (pending := deferral.pending()) is not None:
        pending.append(instance)
        return
    follow_source(instance)


def _follow_sources(pending):
    """One query to find which of the published pages are translations."""
    from wagtail_localize.models import TranslationSource

    translated = set(
        TranslationSource.objects.filter(
            object_id__in={page.translation_key for page in pending}
        ).values_list("object_id", flat=True)
    )
    for page in pending:
        # A page never translated follows a source only if it is not in the default language.
        if page.translation_key in translated or page.locale.language_code != default_language():
            follow_source(page)


# For bulk work (an import): the pages published are followed at the end, before the commit.
deferral = Deferral("privacy", list, _follow_sources)


def connect():
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="privacy-sync")
    post_delete.connect(
        _restriction_deleted, sender=PageViewRestriction, dispatch_uid="privacy-sync-d"
    )
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy-sync-g"
    )
    page_published.connect(_published, dispatch_uid="privacy-sync-p")
