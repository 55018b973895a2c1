from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from core.public_forms import (
    add_upload_errors,
    install_upload_check,
    over_rate_limit,
    rate_limit_message,
)

from .forms import ProposalForm
from .models import Submission
from .services import notify, propose_experience


# never_cache: the form carries a CSRF token, so no shared or page cache may keep it.
@never_cache
@csrf_exempt  # the upload check must be installed before the CSRF check reads the body
def propose(request):
    handler = install_upload_check(request) if request.method == "POST" else None
    return _propose(request, handler)


@csrf_protect
def _propose(request, handler):
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES)
        form.is_valid()  # errors are added to a cleaned form
        add_upload_errors(form, handler)
        # Only a post that would be accepted counts: corrections are not abuse.
        if not form.errors and over_rate_limit(request, "experience"):
            form.add_error(None, rate_limit_message())
            status = 429
        if not form.errors:
            submission = propose_experience(form.cleaned_data, request)
            notify(submission)  # once the draft is committed
            request.session["submission_reference"] = submission.reference
            return redirect("propose_experience_sent")
        status = status if status != 200 else 400
    else:
        form = ProposalForm()
    return render(
        request,
        "submissions/propose.html",
        {"form": form, "translatable_view": True},
        status=status,
    )


@never_cache
def sent(request):
    reference = request.session.get("submission_reference")
    submission = Submission.objects.filter(reference=reference).first() if reference else None
    return render(
        request,
        "submissions/sent.html",
        {"submission": submission, "translatable_view": True},
    )
