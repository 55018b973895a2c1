"""The last check on every address a public page links to, whatever wrote it.

The admin's fields and rich text refuse `javascript:` links, but an import, a migration or a
shell can store one, and a template renders what it is given. Each href, src, action and
formaction of an HTML response is read as a browser would (entities decoded, leading blanks
and control characters dropped) and replaced by "#" unless its scheme is one a visitor's link
may have."""

import html
import re

from .csp import in_admin

ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
ATTRIBUTE = re.compile(
    r"""(?P<name>\s(?:href|src|action|formaction|poster|xlink:href)\s*=\s*)"""
    r"""(?P<quote>["'])(?P<value>.*?)(?P=quote)""",
    re.IGNORECASE | re.DOTALL,
)
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
IGNORED = re.compile(r"[\x00-\x20]")  # browsers skip these inside a scheme too


# Written plainly, these begin an address of this site or of the web: most of a page's links.
PLAINLY_SAFE = ("/", "?", "#", "https://", "http://")


def safe_url(value, attribute="href"):
    """`value` if a browser would not run or embed anything by following it, else "#"."""
    if value.startswith(PLAINLY_SAFE):
        return value
    decoded = IGNORED.sub("", html.unescape(value))
    scheme = SCHEME.match(decoded)
    if scheme is None:
        return value  # relative: a path, a query or a fragment of this site
    name = scheme.group(1).lower()
    image = attribute.lower() == "src" and decoded.lower().startswith("data:image/")
    if name in ALLOWED_SCHEMES or (name == "data" and image):
        return value
    return "#"


def _replace(match):
    value = match.group("value")
    safe = safe_url(value, match.group("name").strip(" \t\n\r=").strip())
    if safe is value:
        return match.group(0)
    return f"{match.group('name')}{match.group('quote')}{safe}{match.group('quote')}"


class SafeUrlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not in_admin(request)
        ):
            try:
                content = response.content.decode(response.charset)
            except UnicodeDecodeError:
                return response  # not text a browser would read as links either
            cleaned = ATTRIBUTE.sub(_replace, content)
            if cleaned != content:
                response.content = cleaned.encode(response.charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response
