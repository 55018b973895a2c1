"""The country chooser: searched by name in the editor's language or by ISO code.

Country names are translated from the ISO catalogues when shown, not stored, so the search
index cannot find "Allemagne"; the 249 rows are few enough to compare in Python."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from core.forms import in_order_of
from core.text import fold


def _key(text):
    # Typed with a straight apostrophe, written with a curly one (U+2019) in the catalogues.
    return fold(text).replace("\u2019", "'")


class CountrySearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Country name or ISO code")}),
    )

    def filter(self, objects):
        countries = sorted(objects, key=lambda country: _key(country.name))
        query = _key(self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            countries = [
                country
                for country in countries
                if query in _key(country.name)
                or query in _key(country.name_en)
                or query == country.code.casefold()
            ]
        # Sorted by the name the editor reads, which the database does not know.
        return in_order_of(objects, countries)


class CountryChooseView(ChooseView):
    filter_form_class = CountrySearchForm


class CountryChooseResultsView(ChooseResultsView):
    filter_form_class = CountrySearchForm


class CountryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CountryChooseView
    choose_results_view_class = CountryChooseResultsView
