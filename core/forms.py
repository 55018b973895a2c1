"""The admin form every page type starts from."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class BasePageForm(WagtailAdminPageForm):
    """Terms and other translatable choices are offered in the page's own language only, in
    their editorial order, as ticked boxes: a list of every language's terms let an editor
    tick a Spanish term on an English page, and the same term twice."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance.locale_id:
            locale = self.instance.locale
        elif parent_page is not None:
            locale = parent_page.locale
        else:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, TranslatableMixin):
                continue
            if type(field.widget) is forms.SelectMultiple:
                field.widget = forms.CheckboxSelectMultiple()
            field.queryset = queryset.filter(locale=locale)  # also the widget's choices
