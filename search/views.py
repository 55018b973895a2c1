from urllib.parse import urlencode

from django.shortcuts import render
from wagtail.models import Page

from core.locales import active_locale
from core.pagination import paginate

from .forms import SearchForm


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        if query:
            pages = Page.objects.live().public().filter(locale=active_locale()).specific()
            results = paginate(request, pages.search(query), 10)
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
