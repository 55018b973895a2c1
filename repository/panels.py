from wagtail.admin.panels import FieldPanel, Panel


class CompletenessPanel(Panel):
    """Shows editors how complete an experience is and which recommended fields are empty."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "repository/panels/completeness.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            score, missing = page.completeness if page and page.pk else (0, [])
            context.update(score=score, missing=missing, saved=bool(page and page.pk))
            return context


class CodedFieldPanel(FieldPanel):
    """A coded variable whose help is the definition of each of its values, in the page's
    language: the editor codes with the codebook in view."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "repository/panels/coded_field.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            field = getattr(self, "bound_field", None)
            # The form narrowed the choices to the page's language and read them once
            # (core.forms.BasePageForm); a field it left alone keeps its queryset.
            terms = getattr(field.field, "listed", None) if field is not None else None
            if terms is None and field is not None:
                terms = getattr(field.field, "queryset", None)
            context["definitions"] = [term for term in (terms or []) if term.description]
            return context
