"""Content-Security-Policy: no inline script or style on public pages, the strictest policy
the Wagtail admin works under on /admin/ (measured in Chromium by
tests/test_content_security_policy.py: `test_no_page_breaks_its_content_security_policy`)."""

from django.urls import reverse

PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    # Embedded videos and maps (wagtail.embeds) come from their providers, over https only.
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Wagtail's admin renders inline scripts that carry each page's data (the explorer, the
# editor, the users list) and its editor inserts style elements: without 'unsafe-inline' for
# both, those screens break (measured by the browser test above). Everything else is as strict
# as on public pages; nothing is fetched from another site (Gravatar and the update check are
# off in the settings).
ADMIN = {
    **PUBLIC,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}


def in_admin(request):
    """The request is for Wagtail's admin (where its own scripts and styles run)."""
    return request.path.startswith(reverse("wagtailadmin_home"))


def header(policy):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = header(PUBLIC)
        self.admin = header(ADMIN)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:  # documents set their own, stricter one
            policy = self.admin if in_admin(request) else self.public
            response["Content-Security-Policy"] = policy
        return response
