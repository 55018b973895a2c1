from django.core.exceptions import PermissionDenied

# wagtail-localize views that turn a synced translation into a free page, where a translator
# could change facts (years, figures, taxonomy links) that must stay those of the source.
GUARDED = {"wagtail_localize:stop_translation", "wagtail_localize:convert_to_alias"}


class TranslationSyncGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match and match.view_name in GUARDED:
            user = request.user
            if not (user.is_superuser or user.has_perm("editorial.manage_translation_sync")):
                raise PermissionDenied
        return None
