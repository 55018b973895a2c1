from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def clean_q(self):
        # Control characters never belong in a query and upset some back-ends.
        return "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable()).strip()
