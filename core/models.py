import functools

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import privacy, sitecache
from .forms import BasePageForm
from .i18n import fallback_route


class BasePage(Page):
    """What every public page shares: sharing image, translation rules and search fields."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social image"),
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    base_form_class = BasePageForm
    # True where what the page shows changes as time passes, with no save (core/httpcache.py).
    changes_with_clock = False

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("social_image"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description", boost=1.5),
        index.FilterField("locale_id"),
    ]

    class Meta:
        abstract = True

    # Open Graph type; articles (news, reports) say "article".
    og_type = "website"

    # Sub-routes served alike to everyone (feeds, exports), purged from a front-end cache with
    # the page (core/frontcache.py).
    cached_subpaths = ()

    def get_cached_paths(self):
        return ["/", *self.cached_subpaths]

    @property
    def sharing_image(self):
        """The picture shown when the page is shared; types with their own image fall back to it."""
        return self.social_image

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # A page not (yet) translated into the visitor's language is served from its
            # source language with a notice, rather than a 404 (core/i18n.py).
            found = fallback_route(self, request, path_components)
            if found is None:
                raise
            return found

    def get_view_restrictions(self):
        # Wagtail reads the ancestors and the restrictions table for every page it serves; the
        # cached restricted and alias paths answer "none" without a query for most pages.
        if privacy.is_public(self) and privacy.is_public_path(self.path, privacy.alias_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        # Every address Wagtail builds starts here; without a request to keep the answer on,
        # Wagtail reads the shared cache each time.
        cache_object = cache_object or kwargs.get("request") or self
        if not hasattr(cache_object, "_wagtail_cached_site_root_paths"):
            cache_object._wagtail_cached_site_root_paths = sitecache.site_root_paths()
        return cache_object._wagtail_cached_site_root_paths

    def parent_url(self, request):
        """The address of the page above (a section's index), from the site cache."""
        return sitecache.cached(
            request,
            f"url:{self.path[: -self.steplen]}",
            lambda: self.get_parent().get_url(request),
            per_language=False,
        )

    def get_full_url(self, request=None):
        """The page's address on the host the request asked for, else on the configured base
        URL (emails, commands): the Site record's `localhost:80` is no address for a reader."""
        url = self.get_url(request)
        if url is None or url.startswith(("http://", "https://")):
            return url  # not routable, or on another Site of a multi-site setup
        if request is not None:
            return request.build_absolute_uri(url)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url

    full_url = property(get_full_url)

    def permissions_for_user(self, user):
        # Roles can narrow Wagtail's page rights (settings.PAGE_PERMISSION_TESTER); Wagtail
        # asks this for every page, also in listings of plain pages.
        return page_permission_tester()(user, self)

    def structured_data(self, request):
        """schema.org data for this page as a dict (or a list for a graph); None for none."""
        return None

    @property
    def listing_summary(self):
        """The text a card shows; page types override it with their own summary field."""
        return self.search_description


class SectionIndexPage(BasePage):
    """A section's front page under a language's home page (the repository, news, agenda,
    reports): an introduction above the list its subclass builds."""

    introduction = models.TextField(blank=True, max_length=600, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        abstract = True


@functools.cache
def page_permission_tester():
    return import_string(settings.PAGE_PERMISSION_TESTER)


class FormRateCount(models.Model):
    """How many public forms one address sent in its current window (core/public_forms.py)."""

    key = models.CharField(max_length=255, unique=True)
    window_ends = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.count}"
