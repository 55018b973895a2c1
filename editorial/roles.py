"""The observatory's roles as Wagtail groups, permissions and workflows, set up idempotently.

Run by `manage.py setup_roles` (and by `load_demo`) once the home page of each language
exists: page permissions hang on those pages. Running it again repairs drifted permissions
and never removes users from groups."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .models import ReviewByAnotherTask

OFFICERS = "Communication officers"
COORDINATORS = "Coordinators"
JURY = "Jury"
# People of a member organisation (its contact email is theirs) who apply to the award.
MEMBER_CONTACTS = "Member contacts"
ADMINISTRATORS = "Administrators"
EDITORIAL_WORKFLOW = "Editorial approval"

TAXONOMY_MODELS = [
    ("taxonomy", "topic"),
    ("taxonomy", "mechanism"),
    ("taxonomy", "targetgroup"),
    ("taxonomy", "governmentlevel"),
    ("taxonomy", "countryintroduction"),
    # The inclusion criteria (repository/criteria.py): coordinators edit them, translators
    # translate their words.
    ("repository", "definition"),
    ("legal", "legalframework"),
]
LAYOUT_MODELS = [("home", "navigationmenu"), ("home", "footertext")]
# Members carry private contacts: coordinators (and administrators, who hold their rights) only.
NETWORK_MODELS = [("network", "memberorganisation"), ("network", "membertype")]
# The other databases of the crosswalk (repository/crosswalk.py): not translated by translators.
CROSSWALK_MODELS = [("repository", "casedatabase")]
# Proposals from the public forms hold the submitter's contact: coordinators read and correct
# them; none is added in the admin.
SUBMISSION_MODELS = [("submissions", "submission")]
# The award's compliance check, ranking and results: coordinators (award/views.py may_manage).
AWARD_MODELS = [("award", "candidacy")]


def translators_group(code):
    return f"Translators ({get_language_info(code)['name']})"


def translator_languages(user):
    """Language codes a user translates into, from their translator groups."""
    names = set(user.groups.values_list("name", flat=True))
    return {code for code, _name in settings.LANGUAGES if translators_group(code) in names}


def translation_workflow(code):
    return f"Translation review ({get_language_info(code)['name']})"


def _perms(pairs, actions=("add", "change", "delete")):
    found = []
    for app_label, model in pairs:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        found.extend(
            Permission.objects.filter(
                content_type=content_type, codename__in=[f"{a}_{model}" for a in actions]
            )
        )
    return found


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group, permissions, pages=(), media=()):
    """Give `group` exactly these rights, removing any it was given elsewhere: the roles are
    defined here, and a right added by hand in the admin is drift to repair.

    `pages` is a list of (page, codenames); `media` of (app_label, codename) on the root
    collection."""
    group.permissions.set(permissions)
    page_rights = [
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", codename)
        )[0].pk
        for page, codenames in pages
        for codename in codenames
    ]
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=page_rights).delete()
    root = Collection.get_first_root_node()
    collection_rights = [
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_perm(app_label, codename)
        )[0].pk
        for app_label, codename in media
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=collection_rights).delete()


IMAGES_AND_DOCUMENTS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
ALL_MEDIA = [
    *IMAGES_AND_DOCUMENTS,
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]
EDIT = ["add_page", "change_page"]
ACCOUNT_ACTIONS = ("add", "change", "delete", "view")
MANAGE = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]


def _workflow(name, task_name, groups, pages):
    task, _created = ReviewByAnotherTask.objects.get_or_create(name=task_name)
    task.groups.set(groups)
    workflow, _created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles():
    """Create or repair the groups, their permissions and the workflows; returns the groups."""
    # Permissions come from post_migrate and migrations; a flushed database (transactional
    # tests) lacks them, so they are recreated as those would.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    access = _perm("wagtailadmin", "access_admin")
    default = Locale.get_default()
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(depth=2).select_related("locale")
    }
    source_home = homes.get(default.language_code)
    groups = {}

    officers, _ = Group.objects.get_or_create(name=OFFICERS)
    _grant(
        officers,
        [access],
        pages=[(source_home, EDIT)] if source_home else [],
        media=IMAGES_AND_DOCUMENTS,
    )
    groups[OFFICERS] = officers

    coordinator_permissions = [
        access,
        _perm("wagtail_localize", "submit_translation"),
        _perm("editorial", "manage_translation_sync"),
        *_perms(TAXONOMY_MODELS),
        *_perms(CROSSWALK_MODELS),
        *_perms([("taxonomy", "country")], actions=("change",)),
        *_perms(LAYOUT_MODELS),
        *_perms(NETWORK_MODELS, actions=("add", "change", "delete", "view")),
        *_perms(SUBMISSION_MODELS, actions=("change", "delete", "view")),
        *_perms(AWARD_MODELS, actions=("change", "view")),
        *_perms([("wagtailsearchpromotions", "searchpromotion")]),
        # Old addresses of moved or renamed pages keep working through editor-managed redirects.
        *_perms([("wagtailredirects", "redirect")]),
    ]
    every_home = [(home, MANAGE) for home in homes.values()]
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    _grant(coordinators, coordinator_permissions, pages=every_home, media=ALL_MEDIA)
    groups[COORDINATORS] = coordinators

    for code, _name in settings.LANGUAGES:
        if code == default.language_code:
            continue
        translators, _ = Group.objects.get_or_create(name=translators_group(code))
        pages = []
        if code in homes:
            # Editing only: an approved review publishes (editorial/workflows.py), so no
            # translator holds the right to publish, unpublish, delete or move live pages.
            pages = [(homes[code], ["change_page"])]
            _workflow(
                translation_workflow(code),
                f"Review of the {get_language_info(code)['name']} translation",
                [translators, coordinators],
                [homes[code]],
            )
        # Terms are snippets: a per-model permission, narrowed to the language by a hook.
        _grant(
            translators,
            [access, *_perms(TAXONOMY_MODELS, actions=("change",))],
            pages=pages,
            media=[("wagtailimages", "choose_image")],
        )
        groups[translators.name] = translators

    # The jury and member contacts hold no model right: the award's views check that they sit
    # on an edition's jury or are a member's contact (award/views.py).
    jury, _ = Group.objects.get_or_create(name=JURY)
    _grant(jury, [access])
    groups[JURY] = jury
    contacts, _ = Group.objects.get_or_create(name=MEMBER_CONTACTS)
    _grant(contacts, [access])
    groups[MEMBER_CONTACTS] = contacts

    # Administrators manage accounts, within their own rights (accounts/rights.py); the groups
    # themselves are the ones defined here, so editing a group is left to superusers.
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    _grant(
        administrators,
        [
            *coordinator_permissions,
            *_perms([("auth", "user")], ACCOUNT_ACTIONS),
            # Unlocking a sign-in paused after too many wrong passwords (accounts/throttle.py).
            _perm("axes", "delete_accessattempt"),
        ],
        pages=every_home,
        media=ALL_MEDIA,
    )
    groups[ADMINISTRATORS] = administrators

    if source_home:
        workflow = _workflow(
            EDITORIAL_WORKFLOW, "Coordinator review", [coordinators], [source_home]
        )
        # Snippets of the source language (terms, menus) go through no workflow: coordinators
        # edit them directly; this keeps the admin's snippet editing simple.
        WorkflowContentType.objects.filter(workflow=workflow).delete()
    return groups
