"""The public read API (Wagtail API v2 at /api/v2/): live public pages of every enabled language,
each type exposing only the fields listed in its `api_fields` (see core/api_fields.py).

Unlike Wagtail's default, a session that passed a password or logged in sees no more than an
anonymous reader: the API answers the same for everyone, so it can never leak a private page."""

from django.conf import settings
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .privacy import public


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        languages = [code for code, _name in settings.LANGUAGES]
        return public(super().get_base_queryset()).filter(locale__language_code__in=languages)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
