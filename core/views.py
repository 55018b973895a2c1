from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", {"is_error_page": True}, status=404)


def server_error(request):
    # Rendered without context processors or database access: whatever failed may be the database.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": request}))
