"""Path converters shared by the apps' URLs."""

from django.urls import register_converter
from django.urls.converters import IntConverter


class RowIdConverter(IntConverter):
    """A row's id in an address: at most 18 digits, so it fits a 64-bit integer column. A
    longer number ("99999999999999999999999") matches no URL (a 404) instead of reaching
    SQLite, whose driver raises OverflowError on it (a 500)."""

    regex = "[0-9]{1,18}"


# Registered once, on import, for every urls.py that uses "<id:...>".
register_converter(RowIdConverter, "id")
