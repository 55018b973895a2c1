from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """One page of results; a missing, malformed or out-of-range ?page= falls back gracefully."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
