"""The coded variables of the research tier: one list that the page, its editor, the
filters, the search facets, the import, the export and the codebook all read."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from taxonomy.models import (
    CommissionerKind,
    DecisionPower,
    Evaluation,
    Frequency,
    FundingSource,
    Means,
    Purpose,
    Recruitment,
)


@dataclass(frozen=True)
class CodedVariable:
    field: str  # the experience's field and the export's column
    param: str  # the filter's URL parameter and the search facet
    model: type
    label: str
    many: bool  # several values (a list column) or one
    meaning: str


CODED_VARIABLES = [
    CodedVariable(
        "purposes",
        "purpose",
        Purpose,
        _("Purpose"),
        True,
        _("What the experience is for, separated by semicolons."),
    ),
    CodedVariable(
        "means",
        "means",
        Means,
        _("Means of participation"),
        True,
        _("How participants act, separated by semicolons."),
    ),
    CodedVariable(
        "recruitment",
        "recruitment",
        Recruitment,
        _("Recruitment of participants"),
        True,
        _("How participants come to take part, separated by semicolons."),
    ),
    CodedVariable(
        "decision_power",
        "power",
        DecisionPower,
        _("Decision power"),
        False,
        _("How far the participants decide."),
    ),
    CodedVariable(
        "commissioner",
        "commissioner",
        CommissionerKind,
        _("Commissioned by"),
        False,
        _("Who commissioned the experience."),
    ),
    CodedVariable(
        "evaluation",
        "evaluation",
        Evaluation,
        _("Evaluation"),
        False,
        _("Whether and how the experience was evaluated."),
    ),
    CodedVariable(
        "funding_sources",
        "funding",
        FundingSource,
        _("Funding source"),
        True,
        _("Where its money comes from, separated by semicolons."),
    ),
    CodedVariable(
        "frequency",
        "frequency",
        Frequency,
        _("Frequency"),
        False,
        _("How often it takes place."),
    ),
]
CODED_BY_FIELD = {variable.field: variable for variable in CODED_VARIABLES}
MANY_CODED = [variable.field for variable in CODED_VARIABLES if variable.many]
SINGLE_CODED = [variable.field for variable in CODED_VARIABLES if not variable.many]
