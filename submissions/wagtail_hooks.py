from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Submission


class FilesPanel(Panel):
    """The files the visitor attached, each a download."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "submissions/files_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["files"] = list(self.instance.files.all()) if self.instance.pk else []
            return context


class SubmissionViewSet(SnippetViewSet):
    """Coordinators read who proposed what; the experience itself is edited as a page."""

    model = Submission
    icon = "mail"
    menu_label = _("Submissions")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["reference", "kind", "page", "organisation", "language", "submitted_at"]
    list_filter = ["kind", "language"]
    search_fields = ["reference", "organisation", "contact_name", "contact_email"]
    panels = [
        FieldPanel("reference", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("organisation"),
        FieldPanel("contact_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("consent_to_publish", read_only=True),
        FilesPanel(heading=_("Files")),
    ]


register_snippet(SubmissionViewSet)


@hooks.register("register_admin_urls")
def submission_file_url():
    from .admin_views import submission_file

    return [path("submissions/files/<int:pk>/", submission_file, name="submission_file")]
