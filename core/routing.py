"""Routing to a page without walking the tree.

Wagtail finds a page by asking each level for its child by slug, two queries a level plus
the site, its root and the root's translation: five to eight queries before a page is read.
The pages along an address are known by their `url_path`, so the chain is found once, kept in
the site cache (any page save starts a new generation, see core/sitecache.py), and a request
reads only the page it shows. Anything this shortcut is not sure of (an ancestor with its
own sub-routes that match the rest of the address, an address no page has) is left to
Wagtail's walk, so the answer is always the one Wagtail would give."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from . import sitecache


def _plain_child_lookup(model):
    """True when `model` finds its children as Wagtail's Page.route does (by slug only)."""
    from .models import BasePage

    return model.route in (Page.route, BasePage.route)


def _claims(model, remaining):
    """True when a routable ancestor would answer the rest of the address itself."""
    if not issubclass(model, RoutablePageMixin):
        return not _plain_child_lookup(model)
    path = "/" + "".join(f"{part}/" for part in remaining)
    try:
        model.get_resolver().resolve(path)
    except (Resolver404, Http404):
        return False
    return True


def _images(model):
    """The page's own pictures, read with the page rather than one query each."""
    image_model = get_image_model()
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is image_model
    ]


def locales():
    """Every locale by primary key: a page names its own in links and structured data."""
    return sitecache.cached(
        None,
        "locales",
        lambda: {locale.pk: locale for locale in Locale.objects.all()},
        per_language=False,
        reference=True,
    )


def _chain(request, components):
    """(page id, content type id, components left) of the deepest page on the address, or
    None when Wagtail's own walk must decide."""
    site = sitecache.site_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized
    prefixes = [home.url_path]
    for part in components:
        prefixes.append(f"{prefixes[-1]}{part}/")
    rows = list(
        Page.objects.filter(
            url_path__in=prefixes, path__startswith=home.path, depth__gte=home.depth
        )
        .order_by("depth")
        .values_list("pk", "depth", "url_path", "content_type_id")
    )
    # The chain must run unbroken from the home page down.
    chain = []
    for expected, row in zip(prefixes, rows, strict=False):
        if row[2] != expected or row[1] != home.depth + len(chain):
            break
        chain.append(row)
    if not chain or chain[0][0] != home.pk:
        return None
    for index, row in enumerate(chain[:-1]):
        if _claims(ContentType.objects.get_for_id(row[3]).model_class(), components[index:]):
            return None
    page_id, _depth, _url_path, content_type_id = chain[-1]
    return page_id, content_type_id, len(components) - (len(chain) - 1)


class _NoRoute(Exception):
    pass


class RouteMiddleware:
    """Leaves the route where Wagtail's serve view looks for it
    (`request._wagtail_route_for_request`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [part for part in path.split("/") if part]

        def compute():
            found = _chain(request, components)
            if found is None:
                raise _NoRoute  # not kept: any address a robot tries would fill the cache
            return found

        digest = hashlib.sha1("/".join(components).encode()).hexdigest()  # keys stay short
        try:
            found = sitecache.cached(request, f"route:{digest}", compute)
        except _NoRoute:
            return None
        page_id, content_type_id, left = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.select_related(*_images(model)).filter(pk=page_id).first()
        if page is None:
            return None
        page.locale = locales()[page.locale_id]
        try:
            request._wagtail_route_for_request = page.route(
                request, components[len(components) - left :]
            )
        except Http404:
            return None  # Wagtail's walk also tries the translations of every ancestor
        return None
