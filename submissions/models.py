"""What visitors propose through the public forms, and the private details that come with it.

The experience itself is an ordinary draft ExperiencePage; this model keeps what must never be
published beside it: who sent it and how to reach them, their consent, and the files they
attached. It is no page and no indexed model, so the site's search, read API and exports never
see it; only coordinators open it in the admin."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


def new_reference():
    return "EXP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class SubmissionKind(models.TextChoices):
    NEW = "new", _("New experience")
    UPDATE = "update", _("Update of an experience")


class Submission(models.Model):
    """An experience proposed by a local actor, or an update it proposed to one of its own."""

    reference = models.CharField(
        max_length=20, unique=True, default=new_reference, verbose_name=_("reference")
    )
    kind = models.CharField(
        max_length=10,
        choices=SubmissionKind.choices,
        default=SubmissionKind.NEW,
        verbose_name=_("kind"),
    )
    page = models.ForeignKey(
        "repository.ExperiencePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("experience"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision proposed"),
    )
    language = models.CharField(max_length=10, verbose_name=_("language"))
    organisation = models.CharField(max_length=200, verbose_name=_("organisation"))
    contact_name = models.CharField(max_length=150, verbose_name=_("contact person"))
    contact_email = models.EmailField(verbose_name=_("contact email"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("contact phone"))
    consent_to_publish = models.BooleanField(default=False, verbose_name=_("consent to publish"))
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("submitted on"))

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.reference


def submission_file_path(instance, filename):
    return f"submissions/{instance.submission.reference}/{filename}"


class SubmissionFile(models.Model):
    """A file attached to a submission: kept out of MEDIA_ROOT's public images and documents,
    for coordinators to read and, if they wish, upload as the page's image or document."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="files", verbose_name=_("submission")
    )
    file = models.FileField(upload_to=submission_file_path, max_length=255, verbose_name=_("file"))

    class Meta:
        verbose_name = _("attached file")

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]
