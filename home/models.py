from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import sitecache
from core.blocks import BodyStreamBlock
from core.locales import active_locale, in_visitor_language
from core.models import BasePage
from core.privacy import is_public

from .blocks import HomeStreamBlock


class HomePage(BasePage):
    """The front page of one language tree; its body is arranged by editors from blocks."""

    changes_with_clock = True  # its upcoming events

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request):
        from django.urls import reverse

        from core import seo

        site_url = seo.canonical_url(request, self)
        search_url = seo.absolute(request, reverse("search"))
        return [
            {**seo.organization(request), "@id": f"{site_url}#organization"},
            {
                "@type": "WebSite",
                "@id": f"{site_url}#website",
                "url": site_url,
                "name": self.seo_title or self.title,
                "inLanguage": self.locale.language_code,
                "publisher": {"@id": f"{site_url}#organization"},
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": f"{search_url}?q={{search_term_string}}",
                    "query-input": "required name=search_term_string",
                },
            },
        ]


class StandardPage(BasePage):
    """About, contact, legal and other pages of plain editorial content."""

    introduction = models.TextField(blank=True, max_length=600, verbose_name=_("introduction"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")

    @property
    def listing_summary(self):
        return self.search_description or self.introduction

    def structured_data(self, request):
        from core import seo

        data = {
            "@type": "WebPage",
            "name": self.seo_title or self.title,
            "url": seo.canonical_url(request, self),
            "inLanguage": self.locale.language_code,
            "description": self.listing_summary,
            "publisher": seo.organization(request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at
        return data


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        choices=[
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("linkedin", "LinkedIn"),
            ("youtube", "YouTube"),
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("x", "X"),
            ("other", _("Other")),
        ],
        label=_("Network"),
    )
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(
        required=False,
        default="",
        max_length=60,
        label=_("Label"),
        help_text=_("Needed for “Other”."),
    )

    class Meta:
        icon = "link"
        label = _("Social link")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Identity and contact details of the site, the same in every language (the postal
    address has words to translate: it is in the footer text)."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("contact email"))
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("contact_email")], heading=_("Contact")),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def cached_for_request(cls, request):
        """The settings from the site cache: every page shows them, few change them."""
        return sitecache.cached(
            request, "settings", lambda: cls.for_request(request), per_language=False
        )


class FooterText(TranslatableMixin, models.Model):
    """The short text and the postal address at the foot of every page, one per language."""

    body = RichTextField(features=["bold", "italic", "link"], verbose_name=_("text"))
    address = models.TextField(
        blank=True,
        verbose_name=_("postal address"),
        help_text=_("One line per line of the address; also given to search engines."),
    )

    panels = [FieldPanel("body"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text ({language})")).format(language=self.locale.get_display_name())

    @classmethod
    def for_active_locale(cls):
        return in_visitor_language(cls.objects.all())

    @classmethod
    def cached_for_request(cls, request):
        """{"body", "address"} in the visitor's language, from the site cache."""

        def compute():
            text = cls.for_active_locale()
            return {"body": text.body, "address": text.address} if text else {}

        return sitecache.cached(request, "footer", compute)


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """A list of links shown in one place of the layout, one per language."""

    LOCATIONS = [("main", _("Main navigation")), ("footer", _("Footer links"))]

    location = models.CharField(max_length=20, choices=LOCATIONS, verbose_name=_("location"))

    panels = [FieldPanel("location"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        unique_together = [("translation_key", "locale"), ("location", "locale")]

    def __str__(self):
        return f"{self.get_location_display()} ({self.locale.get_display_name()})"

    @classmethod
    def for_location(cls, location):
        """The menu for the visitor's language, else the default language's menu."""
        return in_visitor_language(
            cls.objects.filter(location=location).prefetch_related("items__page")
        )

    def links(self, request=None):
        """(url, label) of each item for the visitor's language, in a fixed number of queries.

        A page link follows the visitor's language only when that translation is live, and a
        link to an unpublished or private page is left out, so a menu never leads to a 404."""
        items = list(self.items.all())
        pages = [item.page for item in items if item.page is not None]
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                translation_key__in=[page.translation_key for page in pages],
                locale=active_locale(),
            )
        }
        links = []
        for item in items:
            if item.url:
                links.append((item.url, item.label))
                continue
            page = item.page
            if page is None or not page.live:
                continue
            page = translations.get(page.translation_key, page)
            if not is_public(page):
                continue
            links.append((page.get_url(request), item.label or page.title))
        return links


class NavigationMenuItem(TranslatableMixin, Orderable):
    """One link of a menu; its label is translated with the menu."""

    menu = ParentalKey(NavigationMenu, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    url = models.URLField(blank=True, verbose_name=_("external address"))
    label = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("label"),
        help_text=_("Leave empty to use the page title."),
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def clean(self):
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Choose a page or enter an external address, not both."))
        if self.url and not self.label:
            raise ValidationError({"label": _("An external link needs a label.")})
