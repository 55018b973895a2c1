"""The award in the admin: members apply, coordinators check compliance, rank and publish,
the jury scores. Each view checks its own right; translators and the jury reach only the
views listed for them in editorial/admin_access.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.locales import default_locale
from submissions.services import notify, propose_for_member

from .forms import (
    ApplicationForm,
    CheckForm,
    ConflictForm,
    MoveForm,
    NewExperienceForm,
    ScoreForm,
    all_members,
)
from .models import (
    IN_COMPETITION,
    MOVES,
    AwardEditionPage,
    Candidacy,
    ConflictOfInterest,
    Score,
    Stage,
    member_contact_of,
    visible_to_juror,
)
from .results import publish_results


def may_manage(user):
    """Coordinators: compliance, ranking, results."""
    return user.has_perm("award.change_candidacy")


def applicable_members(user):
    return all_members() if may_manage(user) else member_contact_of(user)


def may_apply(user):
    return applicable_members(user).exists()


def may_judge(user):
    return user.is_authenticated and user.award_editions.exists()


def _edition(pk):
    return get_object_or_404(AwardEditionPage, pk=pk, locale=default_locale())


# Members -------------------------------------------------------------------------------------


def apply_view(request):
    members = applicable_members(request.user)
    if not members.exists():
        raise PermissionDenied(_("Only a member's contact or a coordinator applies to the award."))
    form = ApplicationForm(request.POST or None, members=members)
    new = NewExperienceForm(request.POST or None, prefix="new")
    # The new experience's fields are checked only when the applicant chose to describe one.
    if request.method == "POST" and form.is_valid() and (not form.wants_new or new.is_valid()):
        candidacy = form.save(commit=False)
        candidacy.applicant = request.user
        submission = None
        with transaction.atomic():
            if form.wants_new:
                submission = propose_for_member(
                    new.cleaned_data, candidacy.member, request.user, admin_language(request.user)
                )
                candidacy.experience = submission.page
            candidacy.save()
        if submission is not None:
            notify(submission)  # the applicant's reference and the coordinators' notice
        messages.success(
            request,
            _("“%(experience)s” applies to the %(year)s award; coordinators will check it.")
            % {"experience": candidacy.experience.title, "year": candidacy.edition.year},
        )
        return redirect("award_my_candidacies")
    return render(request, "award/admin/apply.html", {"form": form, "new": new})


def my_candidacies_view(request):
    members = applicable_members(request.user)
    if not members.exists():
        raise PermissionDenied(_("Only a member's contact or a coordinator applies to the award."))
    candidacies = Candidacy.objects.filter(applicant=request.user) | Candidacy.objects.filter(
        member__in=member_contact_of(request.user)
    )
    return render(
        request,
        "award/admin/my_candidacies.html",
        {"candidacies": candidacies.select_related("edition", "experience", "member").distinct()},
    )


# Coordinators --------------------------------------------------------------------------------


def candidacies_view(request):
    if not may_manage(request.user):
        raise PermissionDenied
    editions = AwardEditionPage.objects.filter(locale=default_locale()).order_by("-year")
    chosen = request.GET.get("edition")
    candidacies = Candidacy.objects.select_related("edition", "experience", "member")
    if chosen and chosen.isdigit():
        candidacies = candidacies.filter(edition_id=int(chosen))
    return render(
        request,
        "award/admin/candidacies.html",
        {"candidacies": candidacies, "editions": editions, "chosen": chosen},
    )


def admin_language(user):
    """The language a person chose for the admin, else the site's default."""
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.preferred_language) or default_locale().language_code


def _tell_applicant(candidacy):
    """Mail the decision to the applicant, else to the member's contact (a candidacy entered
    for the member has no applicant on record); returns who was written to, or None."""
    applicant = candidacy.applicant
    if applicant is not None and applicant.email:
        told, address, language = "applicant", applicant.email, admin_language(applicant)
    elif candidacy.member.contact_email:
        told, address = "member", candidacy.member.contact_email
        language = default_locale().language_code
    else:
        return None
    with translation.override(language):
        values = {"experience": candidacy.experience.title, "year": candidacy.edition.year}
        if candidacy.stage == Stage.REFUSED:
            subject = _("Your candidacy to the %(year)s IOPD Award was not accepted") % values
            body = _(
                "The candidacy of “%(experience)s” to the %(year)s IOPD Best Practice Award does "
                "not comply with the call, for this reason:\n\n%(reason)s"
            ) % {**values, "reason": candidacy.refusal_reason}
        else:
            subject = _("Your candidacy to the %(year)s IOPD Award is accepted") % values
            body = (
                _(
                    "The candidacy of “%(experience)s” complies with the call of the %(year)s IOPD "
                    "Best Practice Award: the jury will now evaluate it."
                )
                % values
            )
    send_mail(subject, body, None, [address])
    return told


def check_view(request, pk):
    if not may_manage(request.user):
        raise PermissionDenied
    candidacy = get_object_or_404(
        Candidacy.objects.select_related("edition", "experience", "member"), pk=pk
    )
    form = CheckForm(request.POST or None, experience=candidacy.experience)
    if request.method == "POST":
        if candidacy.stage != Stage.SUBMITTED:
            messages.error(request, _("This candidacy was already checked."))
            return redirect("award_check", pk=pk)
        if form.is_valid():
            candidacy.stage = form.cleaned_data["decision"]
            candidacy.refusal_reason = (
                form.cleaned_data["reason"].strip() if candidacy.stage == Stage.REFUSED else ""
            )
            candidacy.checked_by = request.user
            candidacy.checked_at = timezone.now()
            candidacy.save()
            told = _tell_applicant(candidacy)
            values = {
                "experience": candidacy.experience.title,
                "stage": candidacy.get_stage_display(),
            }
            if told == "applicant":
                messages.success(
                    request,
                    _("“%(experience)s”: %(stage)s. The applicant has been told by email.")
                    % values,
                )
            elif told == "member":
                messages.success(
                    request,
                    _("“%(experience)s”: %(stage)s. The member's contact has been told by email.")
                    % values,
                )
            else:
                messages.warning(
                    request,
                    _(
                        "“%(experience)s”: %(stage)s. Nobody was told by email: neither the "
                        "applicant nor the member has an address on record."
                    )
                    % values,
                )
            return redirect(f"{_url('award_candidacies')}?edition={candidacy.edition_id}")
    return render(request, "award/admin/check.html", {"candidacy": candidacy, "form": form})


def ranking(edition):
    """Candidacies in competition with their weighted mean score (criteria weights over each
    criterion's mean across jurors) and how many jurors scored them, best first."""
    criteria = {c.pk: c.weight for c in edition.criteria.all()}
    rows = []
    candidacies = Candidacy.objects.filter(
        edition=edition, stage__in=IN_COMPETITION
    ).select_related("experience", "member", "category")
    for candidacy in candidacies:
        per_criterion = {}
        jurors = set()
        for score in candidacy.scores.all():
            per_criterion.setdefault(score.criterion_id, []).append(score.value)
            jurors.add(score.juror_id)
        weights = sum(criteria[c] for c in per_criterion if c in criteria)
        total = sum(
            criteria[c] * sum(values) / len(values)
            for c, values in per_criterion.items()
            if c in criteria
        )
        rows.append(
            {
                "candidacy": candidacy,
                "score": round(total / weights, 2) if weights else None,
                "jurors": len(jurors),
                "conflicts": candidacy.conflicts.count(),
                "moves": [(stage, Stage(stage).label) for stage in MOVES.get(candidacy.stage, ())],
            }
        )
    rows.sort(key=lambda row: (row["score"] is None, -(row["score"] or 0)))
    return rows


def ranking_view(request, pk):
    if not may_manage(request.user):
        raise PermissionDenied
    edition = _edition(pk)
    if request.method == "POST":
        if edition.results_published:
            raise PermissionDenied(_("The results of this edition are published."))
        form = MoveForm(request.POST)
        candidacy = None
        if form.is_valid():
            candidacy = Candidacy.objects.filter(
                pk=form.cleaned_data["candidacy"], edition=edition
            ).first()
        if candidacy is not None and form.cleaned_data["stage"] in MOVES.get(candidacy.stage, ()):
            candidacy.stage = form.cleaned_data["stage"]
            candidacy.save(update_fields=["stage"])
            messages.success(
                request,
                _("“%(experience)s” is now: %(stage)s.")
                % {
                    "experience": candidacy.experience.title,
                    "stage": candidacy.get_stage_display(),
                },
            )
        else:
            messages.error(request, _("A candidacy cannot move to that stage from where it is."))
        return redirect("award_ranking", pk=pk)
    return render(
        request,
        "award/admin/ranking.html",
        {"edition": edition, "rows": ranking(edition), "criteria": edition.criteria.all()},
    )


def publish_view(request, pk):
    if not may_manage(request.user):
        raise PermissionDenied
    edition = _edition(pk)
    if request.method != "POST":
        return redirect("award_ranking", pk=pk)
    if edition.results_published:
        messages.error(request, _("The results of this edition are already published."))
    elif not edition.in_evaluation:
        messages.error(request, _("Results are published after the call closes."))
    elif not edition.candidacies.filter(stage=Stage.WINNER).exists():
        messages.error(request, _("Choose at least one winner before publishing the results."))
    else:
        publication = publish_results(edition, request.user)
        messages.success(
            request,
            _(
                "The results are published on the edition page and on the experiences; a news "
                "item awaits the communication officers as a draft."
            ),
        )
        if publication.news_id:
            return redirect("wagtailadmin_pages:edit", publication.news_id)
    return redirect("award_ranking", pk=pk)


# Jury ----------------------------------------------------------------------------------------


def jury_view(request):
    if not may_judge(request.user):
        raise PermissionDenied(_("You sit on the jury of no edition."))
    editions = request.user.award_editions.filter(locale=default_locale()).order_by("-year")
    return render(request, "award/admin/jury.html", {"editions": editions})


def _juror_edition(request, pk):
    edition = _edition(pk)
    if not edition.jury.filter(pk=request.user.pk).exists():
        raise PermissionDenied(_("You are not on the jury of this edition."))
    return edition


def jury_edition_view(request, pk):
    edition = _juror_edition(request, pk)
    candidacies = list(visible_to_juror(request.user, edition))
    criteria = edition.criteria.count()
    scored = {}
    for score in Score.objects.filter(juror=request.user, candidacy__in=candidacies):
        scored[score.candidacy_id] = scored.get(score.candidacy_id, 0) + 1
    rows = [(c, scored.get(c.pk, 0) >= criteria) for c in candidacies]
    return render(request, "award/admin/jury_edition.html", {"edition": edition, "rows": rows})


def _juror_candidacy(request, pk):
    candidacy = get_object_or_404(Candidacy, pk=pk)
    edition = _juror_edition(request, candidacy.edition_id)
    # A conflict, or a candidacy not accepted, is hidden as if it did not exist.
    if not visible_to_juror(request.user, edition).filter(pk=pk).exists():
        raise Http404
    return edition, candidacy


def score_view(request, pk):
    edition, candidacy = _juror_candidacy(request, pk)
    criteria = edition.criteria.all()
    mine = {
        s.criterion_id: s for s in Score.objects.filter(candidacy=candidacy, juror=request.user)
    }
    form = ScoreForm(request.POST or None, criteria=criteria, scores=mine)
    if request.method == "POST":
        if not edition.in_evaluation:
            messages.error(
                request, _("Candidacies are scored between the call's close and the results.")
            )
        elif form.is_valid():
            with transaction.atomic():
                for criterion in form.criteria:
                    Score.objects.update_or_create(
                        candidacy=candidacy,
                        juror=request.user,
                        criterion=criterion,
                        defaults={
                            "value": form.cleaned_data[f"score_{criterion.pk}"],
                            "comment": form.cleaned_data[f"comment_{criterion.pk}"],
                        },
                    )
            messages.success(
                request,
                _("Your scores of “%(experience)s” are saved.")
                % {"experience": candidacy.experience.title},
            )
            return redirect("award_jury_edition", pk=edition.pk)
    return render(
        request,
        "award/admin/score.html",
        {"edition": edition, "candidacy": candidacy, "form": form, "conflict_form": ConflictForm()},
    )


def conflict_view(request, pk):
    edition, candidacy = _juror_candidacy(request, pk)
    if request.method != "POST":
        return redirect("award_score", pk=pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            ConflictOfInterest.objects.get_or_create(
                candidacy=candidacy,
                juror=request.user,
                defaults={"reason": form.cleaned_data["reason"]},
            )
            # A conflicted juror's marks must not weigh in the ranking.
            Score.objects.filter(candidacy=candidacy, juror=request.user).delete()
        messages.success(
            request,
            _("Conflict of interest declared: “%(experience)s” is no longer yours to judge.")
            % {"experience": candidacy.experience.title},
        )
    return redirect("award_jury_edition", pk=edition.pk)


def _url(name):
    from django.urls import reverse

    return reverse(name)
