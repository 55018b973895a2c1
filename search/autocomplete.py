"""Suggestions as the visitor types: taxonomy terms (which open a filtered search) and titles."""

from urllib.parse import urlencode

from django.urls import reverse

from core.text import fold

from .engine import EngineUnavailable, get_engine
from .facets import FACETS_BY_NAME
from .query import visible_documents

TERM_FACETS = ("topic", "mechanism", "group", "country")


def _terms(folded, language, limit):
    found = []
    url = reverse("search")
    for name in TERM_FACETS:
        facet = FACETS_BY_NAME[name]
        for value, label in facet.label_map().items():
            words = fold(label).split()
            if fold(label).startswith(folded) or any(word.startswith(folded) for word in words):
                found.append(
                    {
                        "label": str(label),
                        "kind": str(facet.label),
                        "url": f"{url}?{urlencode({name: value})}",
                    }
                )
    found.sort(key=lambda item: (not fold(item["label"]).startswith(folded), item["label"]))
    return found[:limit]


def _titles(q, folded, language, limit):
    engine = get_engine()
    if engine is not None:
        try:
            response = engine.search(
                {
                    "_source": ["title", "url"],
                    "suggest": {
                        "titles": {
                            "prefix": q,
                            "completion": {
                                "field": "suggest",
                                "size": limit,
                                "skip_duplicates": True,
                                "contexts": {"language": [language]},
                            },
                        }
                    },
                }
            )
            options = response["suggest"]["titles"][0]["options"]
            return [{"label": o["_source"]["title"], "url": o["_source"]["url"]} for o in options]
        except (EngineUnavailable, KeyError, IndexError):
            pass
    documents = (
        visible_documents()
        .filter(language=language, sort_title__contains=folded)
        .order_by("sort_title")[:limit]
    )
    return [{"label": d.data["title"], "url": d.data["url"]} for d in documents]


def suggestions(q, language, limit=8):
    q = " ".join("".join(ch for ch in q if ch.isprintable()).split())
    folded = fold(q)
    if len(folded) < 2:
        return []
    terms = _terms(folded, language, limit // 2)
    return terms + _titles(q, folded, language, limit - len(terms))
