"""The observatory's network: member organisations, what kind they are, and the directory
that shows those who agreed to be shown.

A member is public only with its consent to publish and while it has not left the network
(`MemberQuerySet.public`); every public surface reads members through that one rule."""

import datetime
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Min
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import seo, sitecache
from core.locales import active_locale, in_default_language, in_visitor_language
from core.models import SectionIndexPage
from core.privacy import public
from taxonomy.models import Country, Term, place_line

from .forms import MemberForm

FIRST_YEAR = 1990  # the observatory was founded in 2001; older dates are typing mistakes


class MemberType(Term):
    """What kind of organisation a member is: a local government, a research centre, a social
    movement..."""

    class Meta(Term.Meta):
        verbose_name = _("member type")
        verbose_name_plural = _("member types")


class MemberStatus(models.TextChoices):
    # Applied through the public "Join" form; a coordinator admits it (network/join.py).
    PENDING = "pending", _("Pending admission")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    LEFT = "left", _("Left the network")


class MemberQuerySet(models.QuerySet):
    def public(self):
        """Members the public may see: admitted, they consented, and they have not left."""
        return self.filter(consent_to_publish=True).exclude(
            status__in=[MemberStatus.LEFT, MemberStatus.PENDING]
        )

    def one_per_member(self):
        """One row per member (its first, the source of its translations): facts such as the
        country or the type are the same in every language, so counts read these."""
        firsts = self.values("translation_key").annotate(first=Min("pk")).values("first")
        return self.filter(pk__in=firsts)


def localized(members):
    """The given members in the visitor's language where translated, in one query."""
    members = list(members)
    if not members:
        return []
    active = active_locale()
    translations = {
        member.translation_key: member
        for member in MemberOrganisation.objects.filter(
            translation_key__in=[member.translation_key for member in members], locale=active
        ).select_related("country", "logo", "member_type", "locale")
    }
    return [translations.get(member.translation_key, member) for member in members]


class MemberOrganisation(index.Indexed, TranslatableMixin, models.Model):
    """An organisation of the network: a city, a region, a research centre, a movement..."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=120,
        blank=True,
        verbose_name=_("slug"),
        help_text=_("Used in the address of the member's profile; the same in every language."),
    )
    member_type = models.ForeignKey(
        MemberType,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("type"),
    )
    promoter = models.BooleanField(
        default=False,
        verbose_name=_("promoter member"),
        help_text=_("Promoter members lead the network's work and sit on its committee."),
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("country"),
    )
    city = models.CharField(max_length=120, blank=True, verbose_name=_("city"))
    website = models.URLField(blank=True, verbose_name=_("website"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    year_joined = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR)],
        verbose_name=_("year joined"),
    )
    status = models.CharField(
        max_length=10,
        choices=MemberStatus.choices,
        default=MemberStatus.ACTIVE,
        verbose_name=_("status"),
    )
    contact_person = models.CharField(max_length=150, blank=True, verbose_name=_("contact person"))
    contact_email = models.EmailField(blank=True, verbose_name=_("contact email"))
    consent_to_publish = models.BooleanField(
        default=False,
        verbose_name=_("consent to publish"),
        help_text=_(
            "Tick only once the member has authorised the observatory to publish its data. "
            "Without it the member appears nowhere on the public site."
        ),
    )
    # Recorded by the admin form from the person signed in (forms.MemberForm), never typed.
    consent_recorded_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("consent recorded on")
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    # What an organisation wrote when it applied through the public form: private.
    applied_at = models.DateTimeField(null=True, blank=True, verbose_name=_("applied on"))
    application_needs = models.TextField(
        blank=True, verbose_name=_("what the organisation expects from the network")
    )
    application_consent = models.BooleanField(
        default=False,
        verbose_name=_("agreed to publication when applying"),
        help_text=_(
            "Ticked by the applicant in the public form. Tick “consent to publish” above when "
            "you admit the member, if it agreed."
        ),
    )
    application_language = models.CharField(
        max_length=10, blank=True, verbose_name=_("language of the application")
    )

    objects = MemberQuerySet.as_manager()

    base_form_class = MemberForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("member_type"), FieldPanel("status")]),
        FieldPanel("promoter"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("year_joined"),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_email")],
            heading=_("Contact (never published)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("consent_to_publish"),
                FieldPanel("consent_recorded_at", read_only=True),
                FieldPanel("consent_recorded_by", read_only=True),
            ],
            heading=_("Consent to publish"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("applied_at", read_only=True),
                FieldPanel("application_language", read_only=True),
                FieldPanel("application_consent", read_only=True),
                FieldPanel("application_needs", read_only=True),
            ],
            heading=_("Application (never published)"),
        ),
    ]
    # Words are translated; facts, and what decides who sees the member, are the source's.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("member_type"),
        SynchronizedField("promoter"),
        SynchronizedField("country"),
        SynchronizedField("city"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("year_joined"),
        SynchronizedField("status"),
        SynchronizedField("consent_to_publish"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # Copied to every language at once: privacy must not wait for a translation's sync.
    SHARED_FACTS = ("consent_to_publish", "consent_recorded_at", "consent_recorded_by", "status")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="network_member_unique_slug_per_locale",
                violation_error_message=_("Another member already uses this slug."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        if self.application_language and self.status == MemberStatus.ACTIVE:
            # An applicant joins the year a coordinator admits them.
            self.year_joined = self.year_joined or datetime.date.today().year
        super().save(*args, **kwargs)
        MemberOrganisation.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        ).update(**{name: getattr(self, name) for name in self.SHARED_FACTS})

    def clean(self):
        super().clean()
        if self.year_joined and self.year_joined > datetime.date.today().year:
            raise ValidationError({"year_joined": _("This year is in the future.")})
        # The admin form has no locale field, so Django leaves the (slug, locale) constraint
        # to the database, which would answer with an error page.
        slug = self.slug or slugify(self.name)[:120]
        taken = MemberOrganisation.objects.filter(slug=slug, locale_id=self.locale_id).exclude(
            pk=self.pk
        )
        if self.locale_id and taken.exists():
            raise ValidationError({"slug": _("Another member already uses this slug.")})

    @property
    def is_public(self):
        return self.consent_to_publish and self.status not in (
            MemberStatus.LEFT,
            MemberStatus.PENDING,
        )

    @property
    def place_line(self):
        return place_line(self.city, country=self.country)

    @property
    def public_since(self):
        """When the member entered the public directory: its consent recorded, else the first
        day of the year it joined; None when neither is known (a feed cannot date it)."""
        if self.consent_recorded_at:
            return self.consent_recorded_at
        if self.year_joined:
            return datetime.datetime(self.year_joined, 1, 1, 12, tzinfo=datetime.UTC)
        return None

    @classmethod
    def with_profiles(cls, members, request=None):
        """(member in the visitor's language, its profile's address) for the public ones among
        `members`, each once and in order: what pages crediting members (an event's hosts, a
        report's authors) link to. Pages of lower apps ask through their rows' foreign key."""
        seen, shown = set(), []
        for member in members:
            if member.is_public and member.translation_key not in seen:
                seen.add(member.translation_key)
                shown.append(member)
        if not shown:
            return []
        if any(member.locale_id != active_locale().pk for member in shown):
            shown = localized(shown)
        directory = sitecache.cached(
            request, "url:member-directory", lambda: directory_url(request)
        )
        return [(member, f"{directory}{member.slug}/" if directory else None) for member in shown]


class MemberDirectoryPage(RoutablePageMixin, SectionIndexPage):
    """The directory of the network's members in one language, with a profile per member."""

    subpage_types = []
    max_count_per_parent = 1
    cached_subpaths = ("feed/rss/", "feed/atom/")

    class Meta:
        verbose_name = _("member directory")

    def filters(self, request):
        from .filters import MemberFilters

        return MemberFilters(request.GET)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(self, "profile_data", None) is not None:
            return context  # a member's profile lists nothing
        filters = self.filters(request)
        context["filters"] = filters
        context["members"] = filters.page(request)
        context["country_map"] = filters.country_map()
        shown = localized(context["members"].object_list)
        context["shown_members"] = [(member, self.profile_url(member, request)) for member in shown]
        page_obj = context["members"]
        context["listed"] = seo.listing(
            [
                SimpleNamespace(url=url, title=member.name)
                for member, url in context["shown_members"]
            ],
            page_obj.start_index() - 1 if page_obj.object_list else 0,
            page_obj.paginator.count,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        filters = context.get("filters")
        if filters is not None and len(filters.active) > 1:
            response["X-Robots-Tag"] = "noindex"  # combinations are near-duplicates
        return response

    def profile_url(self, member, request=None):
        return f"{self.get_url(request)}{member.slug}/"

    @path("feed/<str:kind>/", name="feed")
    def feed(self, request, kind):
        """The newest members of this view (the same filters) as RSS or Atom."""
        from .feeds import NewMembersFeed

        if kind not in ("rss", "atom"):
            raise Http404
        return NewMembersFeed(self, kind, self.filters(request))(request)

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        from .profile import profile_context

        source = MemberOrganisation.objects.public().filter(slug=slug).one_per_member().first()
        if source is None:
            raise Http404
        member = localized([source])[0]
        return self.render(
            request,
            context_overrides=profile_context(self, request, source, member),
            template="network/member_profile.html",
        )

    def structured_data(self, request):
        # A profile describes its member; the directory itself is described by its listing.
        return getattr(self, "profile_data", None)


def directory_url(request=None):
    """The address of the member directory in the visitor's language (else the default
    language's), or "" when there is none."""
    directory = in_visitor_language(public(MemberDirectoryPage.objects.live()))
    return directory.get_url(request) if directory else ""


def source_member(member):
    """The row experiences link to: the member in the default language when it exists."""
    return in_default_language(member)
