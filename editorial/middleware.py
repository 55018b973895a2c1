import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request

# wagtail-localize views that turn a synced translation into a free page, where a translator
# could change facts (years, figures, taxonomy links) that must stay those of the source.
SYNC_VIEWS = {
    "wagtail_localize:stop_translation",
    "wagtail_localize:convert_to_alias",
    "wagtail_localize:edit_override",
}
# Admin views through which a page goes live, offline or private without a review. Translators
# no longer hold the publish permission (an approved review publishes by itself,
# editorial/workflows.py), so Wagtail refuses these already; they stay closed here as well
# until this list becomes an allow-list of what translators may open (issue 14).
REVIEW_BYPASSES = {
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:set_privacy",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:move",
    "wagtailadmin_pages:move_confirm",
    "wagtail_bulk_action",
}


class TranslationSyncGuardMiddleware:
    """What wagtail-localize and Wagtail leave open to translators, closed by view name."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        name = match.view_name
        if name == "wagtail_localize:upload_pofile" and request.method == "POST":
            refused = _refuse_unusable_po(request)
            if refused is not None:
                return refused
        if user.is_superuser or user.has_perm("editorial.manage_translation_sync"):
            return None
        if name in SYNC_VIEWS:
            raise PermissionDenied
        from .wagtail_hooks import translator_languages

        languages = translator_languages(user)
        if not languages:
            return None
        if name in REVIEW_BYPASSES:
            raise PermissionDenied
        if request.method == "POST" and request.POST.get("action") == "publish":
            raise PermissionDenied  # wagtail-localize's editor publishes on this action
        if name.startswith("wagtail_localize:") and "translation_id" in view_kwargs:
            from wagtail_localize.models import Translation

            target = (
                Translation.objects.filter(pk=view_kwargs["translation_id"])
                .values_list("target_locale__language_code", flat=True)
                .first()
            )
            if target is not None and target not in languages:
                raise PermissionDenied
        return None


def _refuse_unusable_po(request):
    """wagtail-localize answers an upload without a file, or a PO file without its translation
    header, with a server error; the translator gets a message and their page back instead."""
    upload = request.FILES.get("file")
    problem = None
    if upload is None:
        problem = _("Choose a PO file to upload.")
    else:
        # Parsed from a file: given a string, polib would read the path the string names.
        with tempfile.NamedTemporaryFile(suffix=".po") as copy:
            copy.write(upload.read())
            copy.flush()
            try:
                po = polib.pofile(copy.name)
            except (OSError, UnicodeDecodeError, ValueError):
                po = None
        if po is None:
            problem = _("Please upload a valid PO file.")
        elif "X-WagtailLocalize-TranslationID" not in po.metadata:
            problem = _("This PO file was not downloaded from this site's translation editor.")
        upload.seek(0)
    if problem is None:
        return None
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
