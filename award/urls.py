from django.urls import path

from core import converters  # noqa: F401 (the <id:> converter)

from . import views

urlpatterns = [
    path("apply/", views.apply_view, name="award_apply"),
    path("mine/", views.my_candidacies_view, name="award_my_candidacies"),
    path("candidacies/", views.candidacies_view, name="award_candidacies"),
    path("candidacies/<id:pk>/", views.check_view, name="award_check"),
    path("editions/<id:pk>/ranking/", views.ranking_view, name="award_ranking"),
    path("editions/<id:pk>/publish/", views.publish_view, name="award_publish"),
    path("jury/", views.jury_view, name="award_jury"),
    path("jury/<id:pk>/", views.jury_edition_view, name="award_jury_edition"),
    path("jury/candidacy/<id:pk>/", views.score_view, name="award_score"),
    path("jury/candidacy/<id:pk>/conflict/", views.conflict_view, name="award_conflict"),
]
