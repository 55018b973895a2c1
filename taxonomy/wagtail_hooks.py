from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.locales import languages_edited_by

from .choosers import CountryChooserViewSet
from .models import (
    CommissionerKind,
    Country,
    CountryIntroduction,
    DecisionPower,
    Evaluation,
    Frequency,
    FundingSource,
    GovernmentLevel,
    Means,
    Mechanism,
    Purpose,
    Recruitment,
    TargetGroup,
    Topic,
)


class InEditorsLanguages:
    """Lists only the rows in the languages the person edits: a translator into French sees,
    and is offered links to, the French terms only."""

    def get_queryset(self, request):
        languages = languages_edited_by(request.user)
        if languages is None:
            return None  # Wagtail's own listing
        return self.model._default_manager.filter(locale__language_code__in=languages)


class TermViewSet(InEditorsLanguages, SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    # The model's own search fields: naming fields here makes SQLite's full-text search
    # answer "no such column" (wagtail#10217), a 503 on the demo.
    ordering = ["sort_order", "name"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "parent", "locale"]


class MechanismViewSet(TermViewSet):
    model = Mechanism
    icon = "group"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "user"


class GovernmentLevelViewSet(TermViewSet):
    model = GovernmentLevel
    icon = "site"


def code_viewset(code_model):
    """The admin list of one coded variable of the research tier, with its definitions."""
    return type(
        f"{code_model.__name__}ViewSet",
        (TermViewSet,),
        {
            "model": code_model,
            "icon": "clipboard-list",
            "list_display": ["name", "description", "locale"],
        },
    )


CODE_VIEWSETS = [
    code_viewset(model)
    for model in (
        Purpose,
        Means,
        Recruitment,
        DecisionPower,
        CommissionerKind,
        Evaluation,
        FundingSource,
        Frequency,
    )
]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["code", "name_en", "region"]
    list_filter = ["region"]
    search_fields = ["name_en", "code"]
    chooser_viewset_class = CountryChooserViewSet


class CountryIntroductionViewSet(InEditorsLanguages, SnippetViewSet):
    model = CountryIntroduction
    icon = "doc-full"
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (
        TopicViewSet,
        MechanismViewSet,
        TargetGroupViewSet,
        GovernmentLevelViewSet,
        *CODE_VIEWSETS,
        CountryViewSet,
        CountryIntroductionViewSet,
    )
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
