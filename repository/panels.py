from wagtail.admin.panels import Panel


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
