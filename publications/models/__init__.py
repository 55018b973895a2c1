"""Publications: news, the agenda of events and reports, one module each."""

from .events import EventIndexPage, EventPage, EventPageQuerySet
from .news import NewsIndexPage, NewsPage, NewsPageKeyword
from .reports import (
    PdfText,
    ReportAuthor,
    ReportIndexPage,
    ReportPage,
    ReportPageKeyword,
    ReportPdf,
    ReportRelatedPage,
)

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageKeyword",
    "PdfText",
    "ReportAuthor",
    "ReportIndexPage",
    "ReportPage",
    "ReportPageKeyword",
    "ReportPdf",
    "ReportRelatedPage",
]
