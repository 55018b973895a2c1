from urllib.parse import urlencode

from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.locales import active_locale
from core.pagination import paginate
from core.privacy import public

from .forms import SearchForm


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            pages = public(Page.objects.live()).filter(locale=active_locale()).specific()
            try:
                results = paginate(request, pages.search(query), 10)
                results.object_list = list(results.object_list)
            except DatabaseError:
                # SQLite's full-text syntax rejects some input (an unpaired quote).
                form.add_error("q", _("This search could not be understood; try other words."))
                results = None
    response = render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "extra_query": urlencode({"q": query}),
            "translatable_view": True,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
