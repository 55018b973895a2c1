"""Blocks of the agenda: the sessions of an event's programme and the organisations behind it."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(
        required=False,
        label=_("Day"),
        help_text=_("Leave empty for the event's first day."),
    )
    start = blocks.TimeBlock(label=_("Starts"), help_text=_("In the event's time zone."))
    end = blocks.TimeBlock(required=False, label=_("Ends"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    speakers = blocks.ListBlock(
        blocks.CharBlock(max_length=150, label=_("Speaker")),
        default=[],
        required=False,
        label=_("Speakers"),
    )
    room = blocks.CharBlock(required=False, default="", max_length=120, label=_("Room"))

    class Meta:
        icon = "time"
        template = "blocks/session_block.html"
        label = _("Session")
        description = _("One session of the programme: when, what, who speaks and where.")
        preview_value = {
            "start": datetime.time(9, 30),
            "end": datetime.time(11, 0),
            "title": "Opening plenary",
            "speakers": ["Mayor of the host city"],
            "room": "Main hall",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("end") and value.get("start") and value["end"] <= value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("A session must end after it starts."))}
            )
        return value


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Name"))
    url = blocks.URLBlock(required=False, default="", label=_("Website"))

    class Meta:
        icon = "group"
        template = "blocks/organisation_block.html"
        description = _("An organisation with an optional link to its website.")
        preview_value = {"name": "United Cities and Local Governments", "url": "https://uclg.org"}


class OrganisersBlock(blocks.StreamBlock):
    organiser = OrganisationBlock(
        label=_("Organiser"), description=_("An organisation that runs the event.")
    )
    partner = OrganisationBlock(
        label=_("Partner"), description=_("An organisation that supports the event.")
    )
