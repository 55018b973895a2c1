"""A NUL character in an address or a parameter, handled once for every view.

PostgreSQL refuses NUL in text, so a view comparing a parameter with a column would fail with
a 500. A NUL inside a parameter's value separates words as a space does (the value then meets
each view's usual checks: an unknown filter is ignored with a note, search text splits in two);
an address holding one names no page."""

from django.http import Http404, JsonResponse, QueryDict

NUL = "\x00"


def without_nul(query):
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, " "), [value.replace(NUL, " ") for value in values])
    cleaned._mutable = False
    return cleaned


class NulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            if request.path.startswith("/api/"):
                return JsonResponse({"message": "no page has an address holding NUL"}, status=404)
            raise Http404("an address holding NUL")
        if any(NUL in key or NUL in "".join(values) for key, values in request.GET.lists()):
            request.GET = without_nul(request.GET)
        return self.get_response(request)
