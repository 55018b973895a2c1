"""The members' profiles in sitemap.xml: one address per public member and language, with
the other languages' addresses as hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from core.privacy import public

from .models import MemberDirectoryPage, MemberOrganisation


class MemberSitemap(Sitemap):
    limit = 2000

    def __init__(self, request):
        self.request = request

    def directories(self):
        languages = [code for code, _name in settings.LANGUAGES]
        found = {}
        for page in (
            public(MemberDirectoryPage.objects.live())
            .filter(locale__language_code__in=languages)
            .select_related("locale")
        ):
            url = page.get_url(self.request)
            if url:
                found[page.locale.language_code] = urlsplit(url).path
        return found

    def items(self):
        directories = self.directories()
        members = MemberOrganisation.objects.public().one_per_member().order_by("slug")
        return [(member, code) for member in members for code in directories]

    def _urls(self, page_number, protocol, domain):
        directories = self.directories()
        urls = []
        for member, code in self.paginator.page(page_number).object_list:
            versions = {
                language: f"{protocol}://{domain}{path}{member.slug}/"
                for language, path in directories.items()
            }
            alternates = [{"lang_code": lang, "location": url} for lang, url in versions.items()]
            if len(alternates) > 1 and settings.LANGUAGE_CODE in versions:
                alternates.append(
                    {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]}
                )
            urls.append(
                {
                    "item": member,
                    "location": versions[code],
                    "lastmod": None,
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls
