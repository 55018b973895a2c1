"""What the search keeps in the database: the outbox of index changes, and the documents
themselves, which the database fallback searches when no engine answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    """A page whose search document must be rebuilt or removed.

    Written in the same transaction as the change itself, so no change is lost when the engine
    is down; delivery decides from the page's state at that moment what the document becomes."""

    page_id = models.IntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("pending search index change")
        verbose_name_plural = _("pending search index changes")

    def __str__(self):
        return f"page {self.page_id}"


class IndexedDocument(models.Model):
    """One page's search document, as the engine has it, for the database fallback."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    translation_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=12, db_index=True)
    content_type = models.CharField(max_length=20, db_index=True)
    sort_title = models.CharField(max_length=255, db_index=True)
    date = models.DateField(null=True, db_index=True)
    year = models.IntegerField(null=True, db_index=True)
    # Lower-case, accent-free text of every searchable field, matched word by word.
    text = models.TextField()
    data = models.JSONField()
    fingerprint = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.data.get("title", str(self.pk))


class DocumentFacet(models.Model):
    """One facet value of a document (a topic, a country...), so counts are one GROUP BY."""

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value"]),
            models.Index(fields=["document", "facet"]),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
