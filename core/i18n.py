import re
from dataclasses import dataclass

from babel import Locale as BabelLocale
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import get_urlconf, translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.html import escape, format_html
from django.utils.translation import get_language, get_language_info, to_locale
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from . import sitecache
from .locales import active_locale, default_locale
from .privacy import is_public, public

# A language as BCP 47 writes it (es, pt-BR, zh-Hant): the language of words written once,
# such as an original title or an organisation's name.
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def validate_language_tag(value):
    if not LANGUAGE_TAG.fullmatch(value):
        raise ValidationError(_("Enter a language code such as es, pt or de."), code="language")


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    current: bool


def _live_translations(page):
    return {
        translation.locale.language_code: translation
        for translation in public(page.get_translations(inclusive=True).live()).select_related(
            "locale"
        )
    }


def alternates(request, page=None, translatable_view=False):
    """The versions of what the visitor sees in every enabled language that really exist.

    Pages offer only their live, public translations; views that exist in every language
    (search) offer every language; anything else (error pages) offers each language's home.
    """
    current = get_language()
    if isinstance(page, Page):
        # From the site cache: any page saved starts a new generation (core/sitecache.py).
        paths = sitecache.cached(
            request,
            f"alternates:{page.translation_key}",
            lambda: {
                code: translation.get_url(request)
                for code, translation in _live_translations(page).items()
            },
            per_language=False,
        )
        # A routable page's sub-view that exists under every translation (the repository's
        # codebook) names itself in each language, not its page.
        subpath = getattr(page, "alternate_subpath", "")
        urls = {code: request.build_absolute_uri(path + subpath) for code, path in paths.items()}
    elif translatable_view:
        path, query = escape_uri_path(request.path), request.META.get("QUERY_STRING", "")
        query = f"?{iri_to_uri(query)}" if query else ""
        urls = {
            code: request.build_absolute_uri(_translated_path(path, code) + query)
            for code, _name in settings.LANGUAGES
        }
    else:
        site = sitecache.site_for_request(request)
        urls = {}
        if site is not None:
            urls = {
                code: request.build_absolute_uri(home.get_url(request))
                for code, home in _live_translations(site.root_page.specific).items()
            }
    return [
        Alternate(code, name, urls[code], code == current)
        for code, name in settings.LANGUAGES
        if urls.get(code)
    ]


# Languages whose writing lowercases a language's name inside a sentence ("en espagnol").
LOWERCASE_LANGUAGE_NAMES = {"fr", "es", "pt", "it", "ca"}


def language_in_text(code):
    """The name of language `code` as the active language writes it inside a sentence: Django's
    names are capitalised, as a menu shows them ("Espagnol")."""
    name = str(get_language_info(code)["name_translated"])
    if (get_language() or "").split("-")[0] in LOWERCASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


_translated_paths: dict = {}


def _translated_path(path, code):
    """translate_url of a path, remembered in the process: resolving and reversing the search
    page's path in each language was a third of the time its head took."""
    key = (get_urlconf(), path, code)
    if (translated := _translated_paths.get(key)) is None:
        if len(_translated_paths) > 1000:  # addresses no view answers for
            _translated_paths.clear()
        translated = _translated_paths[key] = translate_url(path, code)
    return translated


def home_url(request):
    """The address of the home page in the visitor's language when it is live, else the site's."""

    def compute():
        site = sitecache.site_for_request(request)
        return site.root_page.localized.get_url(request) if site else "/"

    return sitecache.cached(request, "home-url", compute)


def visible_translation(page):
    """The page in the visitor's language if that translation is live and public, else the page
    itself if it is; None when neither may be shown (a link must not reveal a private title)."""
    if page is None or not page.live:
        return None
    for candidate in (page.localized, page):
        if candidate.live and is_public(candidate):
            return candidate
    return None


def specific_pages(pages):
    """`pages` as their specific types, in order: one query per page type, not one per page."""
    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found.update(model.objects.in_bulk(ids))
    return [found[page.pk] for page in pages if page.pk in found]


def visible_pages(pages):
    """The pages in the visitor's language where that translation is live and public, else
    the page itself when it is (like `visible_translation`), in two queries at most.
    A page that is neither is left out: a link must not reveal a private title."""
    pages = [page for page in pages if page is not None and page.live]
    if not pages:
        return []
    locale = active_locale()
    model = type(pages[0])
    translations = {
        page.translation_key: page
        for page in public(
            model.objects.live().filter(
                translation_key__in={page.translation_key for page in pages}, locale=locale
            )
        )
    }
    shown, seen = [], set()
    for page in pages:
        candidate = translations.get(page.translation_key)
        if candidate is None and is_public(page):
            candidate = page
        if candidate is not None and candidate.pk not in seen:
            seen.add(candidate.pk)
            shown.append(candidate)
    return shown


def fallback_route(parent, request, path_components):
    """Route to a page that the visitor's language lacks, from its source-language tree.

    `parent` (in the visitor's language) has no child at `path_components[0]`; if one of its
    live translations has, that page is served at the visitor's address, in their interface,
    with a notice (see `fallback_language`). None when no language has the page either."""
    active = active_locale()
    if parent.locale_id != active.pk or not path_components:
        return None  # only the visitor's own tree falls back, and only once
    slug = path_components[0]
    if parent.get_children().live().filter(slug=slug).exists():
        return None  # the child is live: what is missing lies deeper
    # A draft translation (not yet reviewed) is passed over like a missing one; at its own
    # address (a slug already translated) its source is served.
    default = default_locale()

    def source_first(pages):
        return sorted(pages, key=lambda page: page.locale_id != default.pk)

    # (A source page taken offline is gone in its own language: no translation stands in.)
    draft = parent.get_children().filter(slug=slug).first() if active != default else None
    if draft is not None:
        for translation in source_first(draft.get_translations().live()):
            return translation.specific.route(request, path_components[1:])
    counterparts = source_first(parent.get_translations().live())
    for counterpart in counterparts:
        child = counterpart.get_children().filter(slug=slug).first()
        if child is not None:
            child._cached_parent_obj = counterpart
            return child.specific.route(request, path_components[1:])
    return None


def fallback_language(page):
    """For a page shown in another language than the visitor's: (visitor's language name,
    page's language name) as the visitor's language writes them; None otherwise."""
    if not isinstance(page, Page) or page.locale_id == active_locale().pk:
        return None
    visitor = get_language()
    names = BabelLocale.parse(to_locale(visitor)).languages
    code = page.locale.language_code
    return {
        "code": code,
        "language": names.get(visitor, visitor),
        "source": names.get(code, code),
    }


def _source_words(page, source_locale):
    """The translatable values of the source page of `page`, StreamFields as {block id: block},
    kept in the site cache (any publish starts a new generation)."""

    def compute():
        source = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale_id=source_locale.pk)
            .first()
        )
        words = {}
        for field in getattr(source, "translatable_fields", ()):
            if isinstance(field, TranslatableField):
                value = getattr(source, field.field_name, None)
                if isinstance(value, StreamValue):
                    words[field.field_name] = {b.id: b.get_prep_value() for b in value}
                elif isinstance(value, str):  # not the child relations (their own models)
                    words[field.field_name] = value
        return words

    key = f"source-words:{type(page).__name__}:{page.translation_key}"
    return sitecache.cached(None, key, compute, per_language=False)


def untranslated(page):
    """What a translation still shows in its source's words: the names of its translatable
    fields, and `field:block id` of StreamField blocks, whose value is the source page's.
    wagtail-localize publishes a partly translated page with the source's text for every string
    not translated yet; those words must say their language. Compared on the page as shown,
    so a preview is judged on its own words."""
    source_locale = default_locale()
    if not isinstance(page, Page) or page.locale_id == source_locale.pk:
        return frozenset()
    same = set()
    for name, theirs in _source_words(page, source_locale).items():
        ours = getattr(page, name, None)
        if isinstance(ours, StreamValue) and isinstance(theirs, dict):
            # wagtail-localize keeps each block's id in its translations.
            same.update(
                f"{name}:{block.id}"
                for block in ours
                if theirs.get(block.id) == block.get_prep_value()
            )
        elif ours and ours == theirs:
            same.add(name)
    return frozenset(same)


def lang_attribute(language):
    """` lang="xx"` for words written in `language` when the visitor reads another; nothing
    otherwise."""
    return "" if language == get_language() else format_html(' lang="{}"', language)


def source_lang_attribute():
    """` lang="en"` for words written once in the source language for every translation
    (an organisation's name, keywords, an image's description) when the visitor reads
    another language; nothing otherwise."""
    return lang_attribute(settings.LANGUAGE_CODE)


def as_written(text, language=None):
    """`text`, written in `language` (default: the source language), as HTML marked with its
    language when needed."""
    attribute = lang_attribute(language or settings.LANGUAGE_CODE)
    return format_html("<span{}>{}</span>", attribute, text) if attribute else escape(text)
