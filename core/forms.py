"""The admin form every page type starts from."""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from .text import fold


def in_order_of(queryset, rows):
    """The queryset in the order of the given rows: for orders the database cannot compute,
    such as names as a reader sorts them, whatever the database's collation."""
    order = Case(
        *(When(pk=row.pk, then=Value(i)) for i, row in enumerate(rows)),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=[row.pk for row in rows]).order_by(order)


class ListedChoices(ModelChoiceIterator):
    """The choices of a field from the rows it was given (`field.listed`): a vocabulary's
    terms, read once for the whole form. Django's own iterator queries them again each time
    the choices are read (the widget, its rendering and the panel read them three times)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.listed:
            yield self.choice(row)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)

    def __bool__(self):
        return bool(self.field.listed) or self.field.empty_label is not None


class TermPicker(forms.CheckboxSelectMultiple):
    """Ticked boxes, with a box that narrows them to the terms containing what is typed. The
    box appears with JavaScript; without it the whole (sorted) list is there to tick."""

    template_name = "core/widgets/term_picker.html"
    list_label = ""
    lang = ""  # the terms' language, for when it is not the admin's own

    def __init__(self, attrs=None, choices=(), list_label="", lang=""):
        super().__init__(attrs, choices)
        self.list_label, self.lang = list_label, lang

    class Media:
        js = ["core/js/term-picker.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["search_label"] = gettext("Find in %(list)s") % {"list": self.list_label}
        context["count_template"] = gettext("%(shown)s of %(total)s shown")
        context["lang"] = self.lang
        return context


class BasePageForm(WagtailAdminPageForm):
    """Terms and other translatable choices are offered in the page's own language only, by
    name, as ticked boxes one can search: a list of every language's terms let an editor tick
    a Spanish term on an English page, and the same term twice."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance.locale_id:
            locale = self.instance.locale
        elif parent_page is not None:
            locale = parent_page.locale
        else:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, TranslatableMixin):
                continue
            if type(field.widget) is forms.SelectMultiple:
                field.widget = TermPicker(list_label=field.label, lang=locale.language_code)
            terms = queryset.filter(locale=locale)
            names = sorted(terms, key=lambda term: fold(str(term)))
            field.listed, field.iterator = names, ListedChoices
            # What a submitted choice is checked against; setting it gives the widget its choices.
            field.queryset = in_order_of(terms, names)
            self._in_page_language(name, field, names, locale)

    def _in_page_language(self, name, field, names, locale):
        """A translation keeps its source's terms (wagtail-localize synchronises them as they
        are): shown as the same terms in the page's language, ticked or chosen, so saving the
        page by hand (its sync stopped) keeps them instead of refusing or dropping them."""
        current = self.initial.get(name)
        if current in (None, "", []):
            return
        many = hasattr(current, "__iter__") and not isinstance(current, str)  # a list, a queryset
        values = list(current) if many else [current]
        pks = [getattr(value, "pk", value) for value in values]
        ours = {term.pk for term in names}
        if all(pk in ours for pk in pks):
            return
        by_key = {term.translation_key: term.pk for term in names}
        keys = dict(
            field.queryset.model.objects.filter(pk__in=pks).values_list("pk", "translation_key")
        )
        mapped = [pk if pk in ours else by_key.get(keys.get(pk)) for pk in pks]
        mapped = [pk for pk in mapped if pk is not None]
        self.initial[name] = mapped if many else (mapped[0] if mapped else None)
