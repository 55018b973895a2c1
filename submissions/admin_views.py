import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from .models import SubmissionFile


def submission_file(request, pk):
    """A file a visitor attached, for those who may read submissions, always as a download
    (a visitor's file is never rendered in the admin's origin)."""
    if not request.user.has_perm("submissions.view_submission"):
        raise PermissionDenied
    attached = get_object_or_404(SubmissionFile, pk=pk)
    name = str(attached)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        attached.file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
