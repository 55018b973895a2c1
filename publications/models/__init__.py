"""Publications: news, the agenda of events and reports, one module each."""

from .events import EventHost, EventIndexPage, EventPage, EventPageQuerySet
from .news import NewsIndexPage, NewsPage, NewsPageKeyword
from .reports import (
    PdfText,
    ReportAuthor,
    ReportIndexPage,
    ReportMember,
    ReportPage,
    ReportPageKeyword,
    ReportPdf,
    ReportRelatedPage,
)

__all__ = [
    "EventHost",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageKeyword",
    "PdfText",
    "ReportAuthor",
    "ReportIndexPage",
    "ReportMember",
    "ReportPage",
    "ReportPageKeyword",
    "ReportPdf",
    "ReportRelatedPage",
]
