from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Submission


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
    ]


register_snippet(SubmissionViewSet)
