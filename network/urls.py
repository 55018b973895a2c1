from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import join

# Translated addresses: /en/join/, /fr/adherer/, /es/unirse/.
urlpatterns = [
    path(_("join/"), join.join, name="join"),
    path(_("join/sent/"), join.join_sent, name="join_sent"),
]
