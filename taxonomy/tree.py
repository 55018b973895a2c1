"""The topic tree as slugs, read once from the site cache (renewed when a term changes).

A broader topic includes its narrower ones wherever content is filtered by topic (the
repository, the agenda, reports, news and their feeds), and a search document carries the
broader topics of its own; all of them walk this one map instead of querying level by level."""

from core import sitecache

from .models import Topic


def topic_parents():
    """slug -> its broader topic's slug, for every topic that has one (in any language)."""
    return sitecache.cached(
        None,
        "topic-parents",
        lambda: dict(
            Topic.objects.filter(parent__isnull=False)
            .values_list("slug", "parent__slug")
            .distinct()
        ),
        per_language=False,
        reference=True,
    )


def _ancestors(slug, parents):
    seen = set()
    while slug and slug not in seen:  # a cycle saved by hand must not hang a request
        seen.add(slug)
        yield slug
        slug = parents.get(slug)


def with_broader(slugs, parents=None):
    """These topics and every topic above them (`parents`: a map already read, for loops)."""
    parents = topic_parents() if parents is None else parents
    return {ancestor for slug in slugs for ancestor in _ancestors(slug, parents)}


def with_narrower(slugs):
    """These topics and every topic below them."""
    parents = topic_parents()
    wanted = set(slugs)
    below = {slug for slug in parents if not wanted.isdisjoint(_ancestors(slug, parents))}
    return wanted | below
