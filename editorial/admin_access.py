"""The admin views that roles with narrow rights may open: allow-lists, closed by default.

Wagtail lets anyone with `access_admin` open most of its views and leaves each view to check
its own permission; wagtail-localize's views check only that the page may be edited. For a
translator that left open stopping a sync, converting to an alias, and deleting a page of
their language (which once slipped past a list of forbidden views). So translators and the
jury open only the views named here, by URL name; a view that a future Wagtail or
wagtail-localize release adds stays closed to them until it is added here. Inside each view,
Wagtail's permission model (the rights of editorial/roles.py) still decides what they may do.

People whose groups include another role (officers, coordinators, administrators) open the
views that role opens; on a page, the limits of their narrow role still hold unless the other
role grants them a right on that page (`page_limits`): a communication officer who also
translates into French works on English pages as an officer, on French ones as a translator."""

from fnmatch import fnmatchcase

from django.conf import settings
from wagtail.models import GroupPagePermission, TranslatableMixin

from .roles import JURY, MEMBER_CONTACTS, translator_languages, translators_group

# Signing in and out, one's own account, the dashboard and what every admin page loads.
EVERYONE = {
    "wagtailadmin_home",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_account",
    "wagtailadmin_password_reset*",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_dismissibles",
}

# Terms a translator translates (snippets; narrowed to their language by a hook).
TRANSLATED_TERMS = ("topic", "mechanism", "targetgroup", "governmentlevel", "countryintroduction")

TRANSLATORS = EVERYONE | {
    # Finding and editing pages of their language (page permissions decide which).
    "wagtailadmin_explore",
    "wagtailadmin_explore_root",
    "wagtailadmin_explore_results",
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:history",
    "wagtailadmin_pages:history_results",
    "wagtailadmin_pages:usage",
    "wagtailadmin_pages:revisions_index",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_editing_sessions:ping",
    "wagtailadmin_editing_sessions:release",
    # The review: submitting, and reviewing another translator's work.
    "editorial_submit_translation",
    "editorial_approve_translation",
    "editorial_request_translation_changes",
    "wagtailadmin_pages:workflow_action",
    "editorial_page_review",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_pages:workflow_history",
    "wagtailadmin_pages:workflow_history_detail",
    # wagtail-localize's editor: strings, PO files, machine translation, preview.
    "wagtail_localize:javascript_catalog",
    "wagtail_localize:edit_string_translation",
    "wagtail_localize:download_pofile",
    "wagtail_localize:upload_pofile",
    "wagtail_localize:machine_translate",
    "wagtail_localize:preview_translation",
    # Pictures chosen for a translation (an image's alternative text is translated).
    "wagtailimages_chooser:choose",
    "wagtailimages_chooser:choose_results",
    "wagtailimages_chooser:chosen",
    "wagtailimages_chooser:select_format",
    # The terms of their language, and what is left to translate.
    "wagtailsnippets:index",
    *(
        f"wagtailsnippets_taxonomy_{model}:{view}"
        for model in TRANSLATED_TERMS
        for view in ("list", "list_results", "edit", "history", "history_results", "usage")
    ),
    # The inclusion criteria's words (repository/criteria.py).
    *(
        f"wagtailsnippets_repository_definition:{view}"
        for view in ("list", "list_results", "edit", "history", "history_results", "usage")
    ),
    # The titles of the legal frameworks (legal app), translated like the terms.
    *(
        f"wagtailsnippets_legal_legalframework:{view}"
        for view in ("list", "list_results", "edit", "history", "history_results", "usage")
    ),
    "translation_report",
}

# The jury signs in to judge the award; nothing of the editorial side.
JURY_VIEWS = EVERYONE | {"award_jury", "award_jury_edition", "award_score", "award_conflict"}

# A member's contact applies to the award and follows their candidacies.
MEMBER_VIEWS = EVERYONE | {"award_apply", "award_my_candidacies"}


def limits(user):
    """The view-name patterns `user` may open in the admin, or None when not limited.
    Read once per user object (a request's user), as Wagtail caches its permissions."""
    if not hasattr(user, "_admin_view_limits"):
        user._admin_view_limits = _limits(user)
    return user._admin_view_limits


def _lists():
    lists = {translators_group(code): TRANSLATORS for code, _name in settings.LANGUAGES}
    lists[JURY] = JURY_VIEWS
    lists[MEMBER_CONTACTS] = MEMBER_VIEWS
    return lists


def _limits(user):
    if user.is_superuser or not user.is_authenticated:
        return None
    names = set(user.groups.values_list("name", flat=True))
    lists = _lists()
    if not names or names - set(lists):
        return None  # no group (nothing to open anyway), or a role with Wagtail rights
    return _allowed(lists, names)


def _allowed(lists, names):
    allowed = set()
    for name in names:
        allowed |= lists[name]
    return allowed


def page_limits(user, page):
    """The view-name patterns that hold for what `user` does to `page`, or None when not
    limited: a person holding a narrow role and another one is limited as the narrow role on
    the pages where none of their other roles grants them a page permission."""
    allowed = limits(user)
    if allowed is not None or user.is_superuser or not user.is_authenticated:
        return allowed
    if not hasattr(user, "_other_role_pages"):
        names = set(user.groups.values_list("name", flat=True))
        lists = _lists()
        narrow = names & set(lists)
        user._narrow_limits = _allowed(lists, narrow) if narrow else None
        # The pages (with their subtrees) on which the other roles hold rights.
        user._other_role_pages = tuple(
            GroupPagePermission.objects.filter(group__name__in=names - narrow)
            .values_list("page__path", flat=True)
            .distinct()
        )
    if user._narrow_limits is None:
        return None
    if any(page.path.startswith(other) for other in user._other_role_pages):
        return None
    return user._narrow_limits


def may_open(allowed, view_name):
    return any(fnmatchcase(view_name, pattern) for pattern in allowed)


def may_manage_sync(user):
    """Stopping, restarting or overriding a translation's sync with its source."""
    return user.is_superuser or user.has_perm("editorial.manage_translation_sync")


def may_edit_language(user, instance):
    """Whether the language of a translatable `instance` is one `user` may edit: translators
    hold per-model rights on terms, which stop at their language."""
    if may_manage_sync(user):
        return True
    languages = translator_languages(user)
    if not languages or not isinstance(instance, TranslatableMixin):
        return True
    return instance.locale.language_code in languages
