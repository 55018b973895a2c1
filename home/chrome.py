"""The parts of every page that rarely change (menus, footer text), cached per site and
language. Any save or delete that could change them starts a new cache generation."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

GENERATION_KEY = "iopd:chrome:generation"
TIMEOUT = 60 * 60 * 24


def _generation():
    return cache.get_or_set(GENERATION_KEY, 1, None)


def _key(request, name):
    site = Site.find_for_request(request) if request is not None else None
    return f"iopd:chrome:{_generation()}:{site.pk if site else 0}:{get_language()}:{name}"


def cached(request, name, compute):
    key = _key(request, name)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def invalidate(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _affects_chrome(sender):
    from .models import FooterText, NavigationMenu, NavigationMenuItem

    return issubclass(
        sender, (Page, PageViewRestriction, NavigationMenu, NavigationMenuItem, FooterText, Site)
    )


@receiver(post_save)
@receiver(post_delete)
def _model_changed(sender, **kwargs):
    if _affects_chrome(sender):
        invalidate()


# Publishing and unpublishing save the page, which post_save already covers; a move may not.
post_page_move.connect(invalidate)
