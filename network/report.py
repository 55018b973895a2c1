"""The coordinators' report for keeping the member list clean: members with no activity for
some years, members without consent to publish, members without a contact."""

import datetime

from django.db.models import Case, F, IntegerField, Max, Value, When
from django.db.models.functions import Coalesce, ExtractYear, Greatest

from .models import MemberOrganisation, MemberStatus


def members_report(years, today=None):
    """{"inactive": [(member, last active year)], "without_consent": [...], "without_contact":
    [...]}, one row per member (its source), members who left excluded."""
    this_year = (today or datetime.date.today()).year
    # A member is active in the years it joined and in which an experience naming it ran...
    experience_year = Case(
        When(experience_links__page__ongoing=True, then=Value(this_year)),
        default=Coalesce(
            "experience_links__page__end_year",
            "experience_links__page__start_year",
            output_field=IntegerField(),
        ),
        output_field=IntegerField(),
    )
    # ...and in the years it hosted an event, published a report or applied to the award.
    years_of = [
        Max(experience_year),
        Max(ExtractYear("hosted_events__page__start")),
        Max(ExtractYear("reports__report__publication_date")),
        Max("candidacies__edition__year"),
        F("year_joined"),
    ]
    members = (
        MemberOrganisation.objects.all()
        .one_per_member()
        .exclude(status=MemberStatus.LEFT)
        .annotate(
            last_active=Greatest(
                *(Coalesce(year, Value(0), output_field=IntegerField()) for year in years_of),
                output_field=IntegerField(),
            )
        )
        .select_related("country", "member_type")
        .order_by("name")
    )
    members = list(members)
    return {
        "inactive": [m for m in members if m.last_active <= this_year - years],
        "without_consent": [m for m in members if not m.consent_to_publish],
        "without_contact": [
            m for m in members if not (m.contact_person.strip() and m.contact_email.strip())
        ],
    }
