from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import converters  # noqa: F401 (the <id:> converter)

from . import update, views

# Translated addresses: /en/propose-an-experience/, /fr/proposer-une-experience/...
urlpatterns = [
    path(_("propose-an-experience/"), views.propose, name="propose_experience"),
    path(_("propose-an-experience/sent/"), views.sent, name="propose_experience_sent"),
    path(_("propose-an-update/<id:page_id>/"), update.request_link, name="propose_update_link"),
    path(_("propose-an-update/edit/<str:token>/"), update.update, name="propose_update"),
]
