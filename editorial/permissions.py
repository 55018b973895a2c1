"""Wagtail's page permission tester, narrowed for the roles limited to an allow-list of views.

Every button Wagtail and wagtail-localize show for a page (the action menu, the page header and
listing menus, the translation editor's Delete and Unpublish) and every check inside their
views asks the page's permission tester. Wagtail lets whoever may edit a draft delete it and
copy it; a translator may do neither (admin_access.py), so the tester says so, and the buttons
disappear with the views. Set as settings.PAGE_PERMISSION_TESTER (core.models.BasePage)."""

from wagtail.models import PagePermissionTester

from .admin_access import may_open, page_limits

# What each question of the tester lets a person do, as the admin view that does it.
VIEWS = {
    "can_add_subpage": "wagtailadmin_pages:add_subpage",
    "can_delete": "wagtailadmin_pages:delete",
    "can_unpublish": "wagtailadmin_pages:unpublish",
    "can_set_view_restrictions": "wagtailadmin_pages:set_privacy",
    "can_lock": "wagtailadmin_pages:lock",
    "can_unlock": "wagtailadmin_pages:unlock",
    "can_reorder_children": "wagtailadmin_pages:set_page_position",
    "can_move": "wagtailadmin_pages:move",
    "can_copy": "wagtailadmin_pages:copy",
}


class RolePagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.allowed = page_limits(user, page)

    def _may(self, question):
        return self.allowed is None or may_open(self.allowed, VIEWS[question])

    def can_publish(self):
        # Limited roles publish nothing themselves: an approved review publishes for them.
        return self.allowed is None and super().can_publish()


def _narrowed(question):
    wagtails = getattr(PagePermissionTester, question)

    def check(self, *args, **kwargs):
        return self._may(question) and wagtails(self, *args, **kwargs)

    check.__name__ = question
    check.__doc__ = f"Wagtail's {question}, if the role may open {VIEWS[question]}."
    return check


for _question in VIEWS:
    setattr(RolePagePermissionTester, _question, _narrowed(_question))
