import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from core.csp import in_admin
from core.i18n import language_in_text

from .admin_access import limits, may_manage_sync, may_open
from .roles import translator_languages

# wagtail-localize views that turn a synced translation into a free page, where facts (years,
# figures, taxonomy links) could stop being those of the source: they need their own right.
SYNC_VIEWS = {
    "wagtail_localize:stop_translation",
    "wagtail_localize:convert_to_alias",
    "wagtail_localize:edit_override",
}


class AdminAccessMiddleware:
    """Translators and the jury open only the admin views allowed to them (admin_access.py);
    the views that unlink a translation from its source need `manage_translation_sync`; and
    "Sync translated pages" is the project's, which publishes no unreviewed translation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or not in_admin(request):
            return None
        name = match.view_name
        if name in SYNC_VIEWS and not may_manage_sync(user):
            raise PermissionDenied(
                _("Only coordinators stop or restart the sync of a translation with its source.")
            )
        allowed = limits(user)
        if allowed is not None and not may_open(allowed, name):
            raise PermissionDenied(_("Your role does not give access to this part of the admin."))
        if allowed is not None and "translation_id" in view_kwargs:
            target = (
                Translation.objects.filter(pk=view_kwargs["translation_id"])
                .values_list("target_locale__language_code", flat=True)
                .first()
            )
            if target is not None and target not in translator_languages(user):
                raise PermissionDenied(_("You translate into other languages than this one."))
        if name in PAGE_ACTIONS:
            _explain_page_refusal(user, name, view_kwargs)
        if name == "wagtail_localize:upload_pofile" and request.method == "POST":
            # Checked before the file, as the upload view would: only then is the file read.
            translation = get_object_or_404(Translation, pk=view_kwargs["translation_id"])
            if not user_can_edit_instance(user, translation.get_target_instance()):
                raise PermissionDenied
            return _refuse_unusable_po(request)
        if name == "wagtail_localize:update_translations":
            from wagtail.admin.auth import require_admin_access

            from .views import SyncTranslationsView

            # The project's sync, under wagtail-localize's address and the admin's checks.
            view = require_admin_access(SyncTranslationsView.as_view())
            return view(request, *view_args, **view_kwargs)
        return None


# Page views and the question Wagtail's permission tester answers inside each. Wagtail turns
# its own refusal into a redirect to the dashboard saying only "Sorry, you do not have
# permission"; asked first, the same question gets a refusal that says why.
PAGE_ACTIONS = {
    "wagtailadmin_pages:edit": ("page_id", "can_edit"),
    "wagtailadmin_pages:delete": ("page_id", "can_delete"),
    "wagtailadmin_pages:unpublish": ("page_id", "can_unpublish"),
    "wagtailadmin_pages:move": ("page_to_move_id", "can_move"),
    "wagtailadmin_pages:copy": ("page_id", "can_copy"),
    "wagtailadmin_pages:set_privacy": ("page_id", "can_set_view_restrictions"),
    "wagtailadmin_pages:lock": ("page_id", "can_lock"),
    "wagtailadmin_pages:unlock": ("page_id", "can_unlock"),
    "wagtailadmin_pages:add_subpage": ("parent_page_id", "can_add_subpage"),
}


def _explain_page_refusal(user, name, view_kwargs):
    argument, question = PAGE_ACTIONS[name]
    page = Page.objects.filter(pk=view_kwargs.get(argument)).select_related("locale").first()
    if page is None or getattr(page.permissions_for_user(user), question)():
        return  # Wagtail's view answers (a 404 for a page that does not exist)
    if question == "can_add_subpage" and not page.specific_class.creatable_subpage_models():
        # No role may: the page type takes no pages below it (an award edition, an experience).
        raise PermissionDenied(_("Pages of this kind have no pages below them."))
    languages = translator_languages(user)
    language = page.locale.language_code
    if languages and language not in languages and not may_manage_sync(user):
        raise PermissionDenied(
            _("This page is in %(page)s; you translate into %(yours)s.")
            % {
                "page": language_in_text(language),
                "yours": ", ".join(language_in_text(code) for code in sorted(languages)),
            }
        )
    raise PermissionDenied(REFUSALS[question])


REFUSALS = {
    "can_edit": gettext_lazy("Your role does not let you edit this page."),
    "can_delete": gettext_lazy("Your role does not let you delete this page."),
    "can_unpublish": gettext_lazy("Your role does not let you unpublish this page."),
    "can_move": gettext_lazy("Your role does not let you move this page."),
    "can_copy": gettext_lazy("Your role does not let you copy this page."),
    "can_set_view_restrictions": gettext_lazy(
        "Your role does not let you change who may see this page."
    ),
    "can_lock": gettext_lazy("Your role does not let you lock this page."),
    "can_unlock": gettext_lazy("Your role does not let you unlock this page."),
    "can_add_subpage": gettext_lazy("Your role does not let you add pages here."),
}


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
