from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health, sitemaps
from core import views as core_views
from core.api import api_router
from network.account import account_view
from search import views as search_views

urlpatterns = [
    # Before Wagtail's own: the account form keeps member contacts' addresses (network/account.py).
    path("admin/account/", account_view, name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by /documents/, which checks who may read them.
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Pictures with no words in them: one address for every language.
urlpatterns += [
    path("maps/locator/<str:code>.svg", search_views.locator_map_svg, name="locator_map"),
]

# Every public page lives under its language prefix (/en/, /fr/, /es/).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/api/", search_views.search_api, name="search_api"),
    re_path(
        r"^search/export\.(?P<fmt>csv|json)$", search_views.search_export, name="search_export"
    ),
    path("search/feed/", search_views.search_feed, name="search_feed"),
    path("search/map/", search_views.search_map, name="search_map"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("", include("network.urls")),
    path("", include("submissions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
