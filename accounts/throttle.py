"""Sign-in throttling (django-axes): failed sign-ins are counted per account and per address
in the database, so every process sees the same count, and a locked account or address
waits out the cool-off or is unlocked by an administrator (Settings → Locked sign-ins)."""

from django.conf import settings

from core.public_forms import client_ip as forwarded_client_ip


def client_ip(request):
    """The address django-axes counts: the one public forms limit too; None when unknown."""
    return forwarded_client_ip(request, unknown=None)


def locked_out():
    """(username, ip_address, failures, last attempt) of the sign-ins locked now."""
    from axes.models import AccessAttempt
    from django.db.models import Max, Sum
    from django.utils import timezone

    recent = AccessAttempt.objects.all()
    if settings.AXES_COOLOFF_TIME:
        recent = recent.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    limit = settings.AXES_FAILURE_LIMIT
    found = []
    for parameter in ("username", "ip_address"):
        for row in (
            recent.values(parameter)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
            .order_by("-last")
        ):
            found.append((parameter, row[parameter], row["failures"], row["last"]))
    return found


def lockout_response(request, original_response, credentials):
    """The page a locked sign-in gets: what happened, how long, and who can unlock it."""
    from django.shortcuts import render

    cool_off = settings.AXES_COOLOFF_TIME
    response = render(
        request,
        "accounts/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        },
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
