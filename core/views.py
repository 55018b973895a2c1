from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "404.html", {"is_error_page": True}, status=404)


def server_error(request):
    from .faults import fault_being_handled, unavailable

    if (fault := fault_being_handled()) is not None:
        return unavailable(request, fault)
    # Rendered without context processors or database access: whatever failed may be the database.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
