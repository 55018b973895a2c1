from django.shortcuts import redirect
from wagtail import hooks

from . import pagecache
from .i18n import fallback_language
from .privacy import is_public


@hooks.register("before_serve_page")
def translated_elsewhere(page, request, serve_args, serve_kwargs):
    """A page reached at the visitor's language's address from another language (see
    BasePage.route) goes to its translation when that exists under another slug."""
    if fallback_language(page) is None:
        return None
    translation = page.localized
    if translation.pk != page.pk and translation.live and is_public(translation):
        return redirect(translation.get_url(request), permanent=True)
    return None


# First, before Wagtail's view restrictions answer with a password form: that answer is
# private too (core/httpcache.py).
@hooks.register("before_serve_page", order=-1)
def page_cache_candidate(page, request, serve_args, serve_kwargs):
    pagecache.mark(page, request)
