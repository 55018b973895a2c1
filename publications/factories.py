import datetime

import factory
import wagtail_factories

from .models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ReportIndexPage,
    ReportPage,
)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    summary = factory.Faker("sentence")
    date = datetime.date(2024, 5, 1)

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.Faker("sentence")
    start = datetime.datetime(2030, 1, 10, 9, 0, tzinfo=datetime.UTC)
    end = datetime.datetime(2030, 1, 10, 17, 0, tzinfo=datetime.UTC)
    time_zone = "UTC"
    city = "Barcelona"

    class Meta:
        model = EventPage


class ReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Reports"

    class Meta:
        model = ReportIndexPage


class ReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    abstract = factory.Faker("sentence")
    publication_date = datetime.date(2023, 4, 1)
    report_type = "study"

    class Meta:
        model = ReportPage
