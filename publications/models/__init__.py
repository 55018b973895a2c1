"""Publications: news, the agenda of events and (with issue 6) reports, one module each."""

from .events import EventIndexPage, EventPage, EventPageQuerySet
from .news import NewsIndexPage, NewsPage, NewsPageKeyword

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageKeyword",
]
