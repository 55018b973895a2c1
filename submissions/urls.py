from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Translated addresses: /en/propose-an-experience/, /fr/proposer-une-experience/...
urlpatterns = [
    path(_("propose-an-experience/"), views.propose, name="propose_experience"),
    path(_("propose-an-experience/sent/"), views.sent, name="propose_experience_sent"),
]
