"""The agenda: events with their time zone, place, programme and status, and the index page
that lists them by month and publishes them as iCalendar feeds.

Times are instants (stored in UTC) entered and shown in the event's own time zone, the one its
organisers announce; an all-day event keeps whole local days."""

import datetime
import zoneinfo
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import api_fields as api
from core import seo
from core.blocks import BodyStreamBlock
from core.forms import BasePageForm
from core.i18n import visible_pages
from core.models import BasePage, SectionIndexPage
from core.privacy import is_public, public
from publications.blocks import OrganisersBlock, ProgrammeBlock
from publications.credits import credited, member_rows

DEFAULT_TIME_ZONE = "Europe/Madrid"  # the technical secretariat is in Barcelona


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    TO_BE_CONFIRMED = "tbc", _("Date to be confirmed")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    CANCELLED = "cancelled", _("Cancelled")


class EventType(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


@cache
def time_zone_names():
    """The zones of the IANA database (as shipped by tzdata), without aliases such as
    "localtime" that name the server's zone rather than a place."""
    names = zoneinfo.available_timezones()
    return frozenset(name for name in names if "/" in name or name == "UTC")


def time_zone_choices():
    """The zones grouped by continent or ocean, as <optgroup>s of the select."""
    groups = {}
    for name in sorted(time_zone_names()):
        area = name.split("/", 1)[0]
        groups.setdefault(area, []).append((name, name.replace("_", " ")))
    return list(groups.items())


class TimeZoneSelect(forms.Select):
    """The IANA zones; a value that is not one (from an import or a crafted form) stays
    selected, so the editor sees what the error message is about."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=time_zone_choices)

    def get_context(self, name, value, attrs):
        if value and value not in time_zone_names():
            self.choices = [(value, value), *self.choices]
        return super().get_context(name, value, attrs)


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(
            _(
                "“%(value)s” is not a time zone of the IANA database; choose one such as "
                "Europe/Madrid (for Barcelona), America/Sao_Paulo or Africa/Abidjan."
            ),
            params={"value": value[:64]},
            code="invalid_time_zone",
        )


def zone_label(moment):
    """ "CEST, UTC+02:00" for an aware datetime; only the offset when the zone has no
    abbreviation ("-03" in São Paulo)."""
    offset = moment.strftime("%z") or "+0000"
    utc = "UTC" if offset == "+0000" else f"UTC{offset[:3]}:{offset[3:]}"
    abbreviation = moment.tzname() or ""
    if abbreviation[:1] in "+-" or abbreviation in ("", "UTC"):
        return utc
    if abbreviation == "GMT" and utc == "UTC":
        return abbreviation
    return f"{abbreviation}, {utc}"


# How schema.org and iCalendar (RFC 5545) name each status.
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.TO_BE_CONFIRMED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.CANCELLED: "EventCancelled",
}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.TO_BE_CONFIRMED: "TENTATIVE",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}
SCHEMA_ATTENDANCE = {
    AttendanceMode.IN_PERSON: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "MixedEventAttendanceMode",
}


def _organization(value):
    data = {"@type": "Organization", "name": value["name"]}
    if value.get("url"):
        data["url"] = value["url"]
    return data


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Public events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return (
            public(self.live())
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .order_by("start", "pk")
        )

    def past(self, now=None):
        now = now or timezone.now()
        return (
            public(self.live())
            .annotate(finished_at=Coalesce("end", "start"))
            .filter(finished_at__lt=now)
            .order_by("-start", "-pk")
        )


class EventPageForm(BasePageForm):
    """Start and end are typed as wall-clock times of the event's zone, whatever the editor's
    own time zone: the form shows and reads them in that zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.zone
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("time_zone") or ""
        zone = zoneinfo.ZoneInfo(name) if name in time_zone_names() else None
        for field in ("start", "end"):
            value = cleaned.get(field)
            if value is not None and zone is not None:
                # The field read the typed time in the editor's zone; keep the wall-clock time.
                cleaned[field] = timezone.make_naive(value).replace(tzinfo=zone)
        return cleaned


class EventPage(RoutablePageMixin, BasePage):
    """A conference, seminar, workshop or meeting of the agenda."""

    changes_with_clock = True  # "this event is over" once it has passed

    cached_subpaths = ("ical/",)

    event_type = models.CharField(
        max_length=20,
        choices=EventType.choices,
        default=EventType.CONFERENCE,
        verbose_name=_("type of event"),
    )
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        verbose_name=_("status"),
        help_text=_("Shown on the page, on cards and in calendars."),
    )
    start = models.DateTimeField(verbose_name=_("starts"))
    end = models.DateTimeField(null=True, blank=True, verbose_name=_("ends"))
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        verbose_name=_("time zone"),
        help_text=_(
            "Where the event takes place (for an online event, where its organisers are). "
            "Start and end are typed and shown in this zone."
        ),
    )
    all_day = models.BooleanField(
        default=False,
        verbose_name=_("all day"),
        help_text=_("Only the dates count: the times of start and end are ignored."),
    )
    attendance_mode = models.CharField(
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
        verbose_name=_("attendance"),
    )
    venue = models.CharField(max_length=200, blank=True, verbose_name=_("venue"))
    street_address = models.CharField(max_length=200, blank=True, verbose_name=_("address"))
    city = models.CharField(max_length=120, blank=True, verbose_name=_("city"))
    country = models.ForeignKey(
        "taxonomy.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("country"),
    )
    online_url = models.URLField(blank=True, verbose_name=_("online link"))
    registration_url = models.URLField(blank=True, verbose_name=_("registration link"))
    registration_deadline = models.DateField(
        null=True, blank=True, verbose_name=_("registration deadline")
    )
    summary = models.TextField(max_length=400, verbose_name=_("summary"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("details"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    organisers = StreamField(
        OrganisersBlock(), blank=True, verbose_name=_("organisers and partners")
    )
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, verbose_name=_("topics"))

    objects = PageManager.from_queryset(EventPageQuerySet)()
    base_form_class = EventPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldPanel("time_zone", widget=TimeZoneSelect),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("summary"),
        FieldPanel("programme"),
        FieldPanel("body"),
        FieldPanel("organisers"),
        FieldPanel("topics"),
        InlinePanel("related_experiences", label=_("Related experiences")),
        InlinePanel("related_pages", label=_("Related pages")),
        InlinePanel(
            "hosts",
            heading=_("Hosted by members of the network"),
            label=_("host member"),
            help_text=_("The event is listed on these members' profiles."),
        ),
    ]
    parent_page_types = ["publications.EventIndexPage"]
    subpage_types = []
    # Words are translated; facts (when, where on the map, links, classification) are the
    # source's, so a translator never re-enters a date.
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("venue"),
        TranslatableField("city"),
        TranslatableField("body"),
        TranslatableField("programme"),
        TranslatableField("organisers"),
        SynchronizedField("street_address"),
        SynchronizedField("event_type", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("all_day", overridable=False),
        SynchronizedField("attendance_mode", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("registration_deadline", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("related_experiences", overridable=False),
        SynchronizedField("related_pages", overridable=False),
        SynchronizedField("hosts", overridable=False),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField("event_type"),
        APIField("status"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("all_day"),
        APIField("attendance_mode"),
        APIField("venue"),
        APIField("street_address"),
        APIField("city"),
        api.country("country"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("registration_deadline"),
        APIField("summary"),
        APIField("programme"),
        APIField("organisers"),
        APIField("body"),
        api.terms("topics"),
    ]

    class Meta:
        verbose_name = _("event")

    # --- Time ------------------------------------------------------------------------

    @property
    def zone(self):
        if self.time_zone in time_zone_names():
            return zoneinfo.ZoneInfo(self.time_zone)
        return datetime.UTC

    @property
    def local_start(self):
        return self.start.astimezone(self.zone) if self.start else None

    @property
    def local_end(self):
        return self.end.astimezone(self.zone) if self.end else None

    @property
    def first_day(self):
        return self.local_start.date()

    @property
    def last_day(self):
        return (self.local_end or self.local_start).date()

    def normalise_all_day(self):
        """An all-day event runs from midnight of its first day to the last second of its last
        day in its zone, so that it stays upcoming until that day is over."""
        if not self.all_day or not self.start:
            return
        first = self.local_start.date()
        last = self.local_end.date() if self.end else first
        self.start = datetime.datetime.combine(first, datetime.time.min, self.zone)
        self.end = datetime.datetime.combine(last, datetime.time(23, 59, 59), self.zone)

    @property
    def when(self):
        """The dates (and times) in the visitor's language, in the event's zone."""
        if self.all_day:
            first, last = self.first_day, self.last_day
            if first == last:
                return date_format(first, "DATE_FORMAT")
            return f"{date_format(first, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"
        start, end = self.local_start, self.local_end
        text = date_format(start, "DATETIME_FORMAT")
        if end and end.date() == start.date():
            return f"{text}–{date_format(end, 'TIME_FORMAT')}"
        if end:
            return f"{text} – {date_format(end, 'DATETIME_FORMAT')}"
        return text

    @property
    def dates(self):
        """The dates only, for cards."""
        first, last = self.first_day, self.last_day
        if first == last:
            return date_format(first, "DATE_FORMAT")
        return f"{date_format(first, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"

    @property
    def zone_label(self):
        return "" if self.all_day else zone_label(self.local_start)

    # --- Place and people ------------------------------------------------------------

    @property
    def in_person(self):
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)

    @property
    def online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def place(self):
        """ "Venue, city, country" as far as known, in the visitor's language."""
        from taxonomy.models import Country, place_line

        if not self.in_person:
            return ""
        country = Country.cached(self.country_id) if self.country_id else None
        return place_line(self.venue, self.city, country=country)

    @property
    def country_code(self):
        from taxonomy.models import Country

        country = Country.cached(self.country_id) if self.country_id else None
        return country.code if country else None

    def organisations(self, kind):
        return [block.value for block in self.organisers if block.block_type == kind]

    @property
    def registration_open(self):
        today = timezone.localdate(timezone=self.zone)
        return not self.registration_deadline or self.registration_deadline >= today

    @property
    def is_over(self):
        return (self.end or self.start) < timezone.now()

    @property
    def current_status(self):
        """The status as visitors, calendars and search engines are told it: a date still "to
        be confirmed" when the event is over was the date it took place on."""
        if self.status == EventStatus.TO_BE_CONFIRMED and self.is_over:
            return EventStatus.SCHEDULED
        return EventStatus(self.status)

    @property
    def listing_summary(self):
        return self.summary

    # --- Validation ------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        valid_zone = self.time_zone in time_zone_names()
        if valid_zone:
            self.normalise_all_day()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        deadline = self.registration_deadline
        if self.start and valid_zone and deadline and deadline > self.first_day:
            errors["registration_deadline"] = _(
                "The registration deadline (%(deadline)s) is after the event starts "
                "(%(start)s): registration must close by the first day."
            ) % {
                "deadline": date_format(deadline, "DATE_FORMAT"),
                "start": date_format(self.first_day, "DATE_FORMAT"),
            }
        if self.online and not self.online_url:
            errors["online_url"] = _("An online or hybrid event needs the link to join it.")
        if self.in_person and not (self.city or self.venue):
            errors["city"] = _("An event in person needs a city or a venue.")
        if self.start and valid_zone and "end" not in errors:
            block_errors = self._programme_errors()
            if block_errors:
                errors["programme"] = StreamBlockValidationError(block_errors=block_errors)
        if errors:
            raise ValidationError(errors)

    def _programme_errors(self):
        """{block index: error} for the sessions that fall outside the event."""
        zone, begin = self.zone, self.local_start
        if self.end:
            finish = self.local_end
        else:
            finish = datetime.datetime.combine(self.first_day, datetime.time(23, 59, 59), zone)
        window = {
            "start": date_format(begin, "DATETIME_FORMAT"),
            "end": date_format(finish, "DATETIME_FORMAT"),
        }
        errors = {}
        for position, block in enumerate(self.programme):
            value = block.value
            if block.block_type != "session" or not value.get("start"):
                continue
            day = value.get("day") or self.first_day
            session_start = datetime.datetime.combine(day, value["start"], zone)
            session_end = datetime.datetime.combine(day, value.get("end") or value["start"], zone)
            if session_start < begin or session_end > finish:
                message = _(
                    "This session (%(session)s) falls outside the event, which runs from "
                    "%(start)s to %(end)s. Check its day and times."
                ) % {"session": date_format(session_start, "DATETIME_FORMAT"), **window}
                errors[position] = StructBlockValidationError(
                    block_errors={"start": ValidationError(message)}
                )
        return errors

    def save(self, *args, **kwargs):
        if self.time_zone in time_zone_names():
            self.normalise_all_day()
        super().save(*args, **kwargs)

    # --- Rendering -------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from taxonomy.models import localize_terms

        context = super().get_context(request, *args, **kwargs)
        context["topics"] = localize_terms(self.topics.all())
        context["related_experiences"] = visible_pages(
            [link.experience for link in self.related_experiences.select_related("experience")]
        )
        context["related_pages"] = visible_pages(
            [link.target for link in self.related_pages.select_related("target")]
        )
        context["hosts"] = credited(member_rows(self, "hosts"), request)
        context["organisers"] = self.organisations("organiser")
        context["partners"] = self.organisations("partner")
        context["ical_url"] = self.get_url(request) + self.reverse_subpage("ical")
        context["agenda_url"] = self.get_parent().get_url(request)
        from publications.models.reports import reports_studying

        context["studied_in"] = reports_studying(self)
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        """This event as an .ics file to add to a calendar."""
        from publications.ical import event_response

        if not is_public(self):
            raise Http404
        return event_response(request, self)

    def structured_data(self, request):
        """schema.org Event: what search engines show as an event listing."""
        from core.seo import absolute, image_url, organization

        data = {
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": absolute(request, self.get_url(request)),
            "inLanguage": self.locale.language_code,
            "eventStatus": f"https://schema.org/{SCHEMA_STATUS[self.current_status]}",
            "eventAttendanceMode": f"https://schema.org/{SCHEMA_ATTENDANCE[self.attendance_mode]}",
        }
        if self.all_day:
            data["startDate"] = self.first_day.isoformat()
            data["endDate"] = self.last_day.isoformat()
        else:
            data["startDate"] = self.local_start.isoformat()
            if self.end:
                data["endDate"] = self.local_end.isoformat()
        locations = []
        if self.in_person:
            address = {"@type": "PostalAddress"}
            if self.street_address:
                address["streetAddress"] = self.street_address
            if self.city:
                address["addressLocality"] = self.city
            if self.country_code:
                address["addressCountry"] = self.country_code
            place = {"@type": "Place", "name": self.venue or self.city, "address": address}
            locations.append(place)
        if self.online and self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organisers = [_organization(value) for value in self.organisations("organiser")]
        data["organizer"] = organisers or [organization(request)]
        partners = [_organization(value) for value in self.organisations("partner")]
        if partners:
            data["contributor"] = partners
        if self.sharing_image:
            data["image"] = image_url(request, self.sharing_image)
        if self.registration_url:
            data["offers"] = {"@type": "Offer", "url": self.registration_url}
            if self.registration_deadline:
                data["offers"]["validThrough"] = self.registration_deadline.isoformat()
        return data


class EventRelatedExperience(Orderable):
    """An experience of the repository the event presents or discusses."""

    page = ParentalKey(EventPage, related_name="related_experiences", on_delete=models.CASCADE)
    experience = models.ForeignKey(
        "repository.ExperiencePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("experience"),
    )

    panels = [FieldPanel("experience")]


class EventRelatedPage(Orderable):
    """Any page of the site worth reading before or after the event (a report, a news item)."""

    page = ParentalKey(EventPage, related_name="related_pages", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("target")]


class EventHost(Orderable):
    """A member organisation of the network that hosts the event; its profile lists it (only
    while the member consents to be shown: see network.profile)."""

    page = ParentalKey(EventPage, related_name="hosts", on_delete=models.CASCADE)
    member = models.ForeignKey(
        "network.MemberOrganisation",
        on_delete=models.CASCADE,
        related_name="hosted_events",
        verbose_name=_("member organisation"),
    )

    panels = [FieldPanel("member")]

    class Meta(Orderable.Meta):
        verbose_name = _("host member")
        verbose_name_plural = _("host members")


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The agenda: upcoming events by month, then past ones, with calendar feeds."""

    changes_with_clock = True  # upcoming and past events, its feeds and calendar

    cached_subpaths = ("ical/", "feed/rss/", "feed/atom/")

    subpage_types = ["publications.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        return EventPage.objects.child_of(self)

    def filters(self, request):
        from publications.agenda import AgendaFilters

        return AgendaFilters(request.GET, self.events())

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        filters = (getattr(response, "context_data", None) or {}).get("filters")
        # Filtered views are endless near-duplicates for a crawler.
        if filters is not None and (filters.is_filtered or filters.notes):
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context(self, request, *args, **kwargs):
        from publications.agenda import by_month

        context = super().get_context(request, *args, **kwargs)
        filters = self.filters(request)
        past = filters.page(request, filters.apply(self.events().past()))
        context["filters"] = filters
        upcoming = list(filters.apply(self.events().upcoming()))
        context["upcoming_months"] = by_month(upcoming)
        # What the page shows, in its order: what is coming, then this page of what is past.
        context["listed"] = seo.listing([*upcoming, *past.object_list])
        context["past_events"] = past
        context["past_months"] = by_month(past.object_list)
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        return context

    @path("ical/", name="feed")
    def feed(self, request):
        """The agenda as a calendar to subscribe to; the same filters as the page."""
        from publications.ical import feed_response

        return feed_response(request, self)

    @path("feed/<str:kind>/", name="syndication")
    def syndication(self, request, kind):
        """The upcoming events (the same filters as the page) as RSS or Atom."""
        from publications.feeds import AgendaFeed

        if kind not in ("rss", "atom"):
            raise Http404
        return AgendaFeed(self, kind, self.filters(request))(request)
