"""The agenda as iCalendar (RFC 5545): one .ics per event and subscribable feeds.

The `icalendar` library writes the text, so everything an editor typed is escaped and folded
by it. Only live, public events of the requested language appear."""

import datetime

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

from core.privacy import is_public, public

from .models.events import ICAL_STATUS, EventStatus

# Past events stay in a subscribed calendar for a year.
FEED_PAST_DAYS = 365
FEED_LIMIT = 500
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(event):
    """Stable across edits, moves and languages: every translation is the same event."""
    return f"event-{event.translation_key}@iopd-agenda"


def calendar(name):
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//International Observatory on Participatory Democracy//Agenda//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def component(request, event):
    from icalendar import Event

    item = Event()
    item.add("uid", uid(event))
    published = event.last_published_at or timezone.now()
    item.add("dtstamp", published.astimezone(datetime.UTC))
    item.add("last-modified", published.astimezone(datetime.UTC))
    if event.all_day:
        # DATE values; DTEND is the day after the last one (exclusive).
        item.add("dtstart", event.first_day)
        item.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.local_start)
        if event.end:
            item.add("dtend", event.local_end)
    title = event.title
    status = event.current_status
    if status != EventStatus.SCHEDULED:
        title = f"{title} ({status.label})"
    item.add("summary", title)
    item.add("status", ICAL_STATUS[status])
    url = request.build_absolute_uri(event.get_url(request))
    item.add("url", url)
    location = event.place or (event.online_url if event.online else "")
    if location:
        item.add("location", location)
    lines = [event.summary]
    if event.online and event.online_url:
        lines.append(gettext("Join online: %(url)s") % {"url": event.online_url})
    if event.registration_url:
        lines.append(gettext("Registration: %(url)s") % {"url": event.registration_url})
    lines.append(url)
    item.add("description", "\n\n".join(lines))
    item.add("categories", [str(event.get_event_type_display())])
    return item


def response(cal, filename, attachment):
    cal.add_missing_timezones()
    answer = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    answer["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    answer["X-Robots-Tag"] = "noindex"
    return answer


def event_response(request, event):
    cal = calendar(event.title)
    cal.add_component(component(request, event))
    return response(cal, f"{event.slug}.ics", attachment=True)


def feed_response(request, agenda):
    """Upcoming events and those of the last year; the agenda page's filters narrow it."""
    if not is_public(agenda):
        raise Http404
    filters = agenda.filters(request)
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = (
        public(filters.apply(agenda.events().live()))
        .filter(Q(end__gte=since) | Q(end__isnull=True, start__gte=since))
        .order_by("start", "pk")
    )[:FEED_LIMIT]
    name = agenda.title
    selected = [
        option.label for item in filters.filters for option in item.options if option.active
    ]
    if selected:
        name = gettext("%(title)s: %(view)s") % {
            "title": name,
            "view": ", ".join(str(label) for label in selected),
        }
    cal = calendar(name)
    if filters.notes:
        # As on the agenda page, an unknown value is ignored and said so; a calendar client
        # shows the description, where an error would have left the subscriber with nothing.
        cal.add("x-wr-caldesc", " ".join(str(note) for note in filters.notes))
    # How often a subscribed calendar should check for changes (RFC 7986, and Outlook's name).
    cal.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    for event in events:
        cal.add_component(component(request, event))
    stem = f"agenda-{agenda.locale.language_code}"
    return response(cal, f"{stem}.ics", attachment=False)
