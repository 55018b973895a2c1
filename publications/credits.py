"""Members of the network credited on an event (its hosts) or a report (its authors and
publishers), linked to their profiles.

The links are read on the default language's copy, which translations follow once synced:
every language names the same members from the moment they are chosen. Who may be shown and
where a profile lives are the network's rules, asked through the model the links point at
(the network sits above publications and lists their pages on its profiles)."""

from core.locales import in_default_language


def credited_members(page, relation, request=None, **match):
    """[(member in the visitor's language, profile address)] of the public members linked to
    `page` through `relation` (whose rows may be narrowed by field values in `match`)."""
    links = getattr(in_default_language(page), relation).select_related("member")
    members = [
        link.member
        for link in links
        if all(getattr(link, name) == value for name, value in match.items())
    ]
    if not members:
        return []
    return type(members[0]).with_profiles(members, request)
