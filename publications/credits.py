"""Members of the network credited on an event (its hosts) or a report (its authors and
publishers), linked to their profiles.

The links are read on the default language's copy, which translations follow once synced:
every language names the same members from the moment they are chosen. Who may be shown and
where a profile lives are the network's rules, asked through the model the links point at
(the network sits above publications and lists their pages on its profiles)."""

from core.locales import default_locale


def member_rows(page, relation):
    """The rows of `relation` (hosts, members) of the page's copy in the default language, else
    of the page itself, with their members: one query."""
    if page.locale_id == default_locale().pk:
        # The page's own rows, in memory when an editor previews a draft.
        return list(getattr(page, relation).select_related("member__locale"))
    field = page._meta.get_field(relation).field  # the rows' parental key to the page
    rows = list(
        field.model.objects.filter(
            **{
                f"{field.name}__translation_key": page.translation_key,
                f"{field.name}__locale__in": [default_locale().pk, page.locale_id],
            }
        ).select_related("member__locale")
    )
    source = [row for row in rows if getattr(row, field.attname) != page.pk]
    return source or rows


def credited(rows, request=None, **match):
    """[(member in the visitor's language, profile address)] of the public members of `rows`
    whose fields have the values in `match` (a report's role)."""
    members = [
        row.member
        for row in rows
        if all(getattr(row, name) == value for name, value in match.items())
    ]
    if not members:
        return []
    return type(members[0]).with_profiles(members, request)
