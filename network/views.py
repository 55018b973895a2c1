from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .report import members_report

DEFAULT_YEARS = 3


def may_keep_members(user):
    return user.has_perm("network.change_memberorganisation")


def members_report_view(request):
    if not may_keep_members(request.user):
        raise PermissionDenied
    try:
        years = min(max(int(request.GET.get("years", DEFAULT_YEARS)), 1), 50)
    except ValueError:
        years = DEFAULT_YEARS
    return render(request, "network/members_report.html", {"years": years, **members_report(years)})
