"""Experiences similar to one case, in every language: the cases sharing most of its topics
and mechanisms, each once, shown in the visitor's language when translated into it."""

from django.db.models import Count, F, Max, Q, Value
from django.db.models.functions import Concat
from django.utils.html import escape

from .models import DocumentFacet
from .query import _hit_from_doc, _topic_labels, visible_documents


def similar_cases(translation_key, topics, mechanisms, language, limit=3):
    """Hits for the cases most alike (two queries, whatever the number of languages)."""
    condition = Q()
    if topics:
        condition |= Q(facet="topic", value__in=topics)
    if mechanisms:
        condition |= Q(facet="mechanism", value__in=mechanisms)
    if not condition:
        return []
    ranked = (
        DocumentFacet.objects.filter(
            condition,
            document__content_type="experience",
            document__in=visible_documents(),
        )
        .exclude(document__translation_key=translation_key)
        .values("document__translation_key")
        # Distinct facet values, so a case translated three times counts each term once.
        .annotate(
            shared=Count(Concat("facet", Value(":"), "value"), distinct=True),
            latest=Max("document__year"),
        )
        .order_by("-shared", F("latest").desc(nulls_last=True), "document__translation_key")
    )
    keys = [row["document__translation_key"] for row in ranked[:limit]]
    best = {}
    for document in visible_documents().filter(translation_key__in=keys):
        current = best.get(document.translation_key)
        if current is None or document.language == language:
            best[document.translation_key] = document
    labels = _topic_labels()
    return [
        # A snippet is HTML, as in search results: the card truncates it as HTML.
        _hit_from_doc(best[key].data, escape(best[key].data.get("summary", "")), labels)
        for key in keys
        if key in best
    ]
