from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "404.html", {"is_error_page": True}, status=404)


def permission_denied(request, exception=None):
    """A refusal that says why and leads back: in the admin's own layout for the admin."""
    from django.utils.http import url_has_allowed_host_and_scheme

    from .csp import in_admin

    reason = str(exception) if exception and str(exception) else ""
    back = request.META.get("HTTP_REFERER", "")
    if (
        not url_has_allowed_host_and_scheme(back, {request.get_host()})
        or back == request.build_absolute_uri()
    ):
        back = ""
    user = getattr(request, "user", None)
    if in_admin(request) and user is not None and user.is_authenticated:
        return render(
            request, "core/admin_refused.html", {"reason": reason, "back_url": back}, status=403
        )
    return bare_response(request, "403.html", 403, reason=reason, back_url=back)


def bare_response(request, template, status, **context):
    """A page rendered without context processors or a query (templates extending
    bare.html): whatever failed may be the database, or the request was refused unread."""
    page = loader.get_template(template).render({"request": request, **context})
    return HttpResponse(page, status=status)


def server_error(request):
    from .faults import fault_being_handled, unavailable

    if (fault := fault_being_handled()) is not None:
        return unavailable(request, fault)
    return bare_response(request, "500.html", 500)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
