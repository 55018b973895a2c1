"""Publishing many pages in a few queries a page (an import).

Wagtail's way, `add_child` then `save_revision().publish()`, saves a page and its clusters three
times and updates the search index, the reference index and the caches after each save: about
190 queries a page here, ten minutes for an import of 10,000 rows.

`publish_new_pages` writes the rows that way would leave (the page, its child rows and
relations, one revision that is both latest and live, the "created" and "published" history
entries, the reference index, Wagtail's admin search index) in bulk. `publish_changed_pages`
saves each page as Wagtail does, then writes the revisions, history and references in bulk.
Both then send `page_published` for each page, so every receiver sees a publish as it would
from the admin; inside `core.deferral.side_effects_deferred()` the receivers' own per-page
work (a cache generation, a search outbox row, following a source's privacy) is done once for
the block.

The pages must be validated first (see `validate_page`)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

# Filled in by publish_new_pages, so not checked when validating.
TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title"]


def validate_page(page):
    """Run the page's field checks and `clean()` as Wagtail does before a save; raises
    ValidationError. The slug is the caller's to keep free: from `reserve_slugs` for a new
    page, unchanged for the others."""
    # Related objects were read from the database by the caller: no query per relation to
    # find them again, nor for the slug.
    relations = [field.name for field in page._meta.concrete_fields if field.is_relation]
    page._check_slug_is_unique = lambda: None  # see above: no query to find it free again
    try:
        page.full_clean(
            exclude=TREE_FIELDS + relations, validate_unique=False, validate_constraints=False
        )
    finally:
        del page._check_slug_is_unique


def reserve_slugs(parent, pages):
    """Give each page a slug from its title, unused among the parent's children and the other
    pages: one query, one more for each title already taken."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    bases = [slugify(page.title, allow_unicode=allow_unicode)[:80] or "page" for page in pages]
    children = parent.get_children()
    taken = set(children.filter(slug__in=bases).values_list("slug", flat=True))
    used = set()
    for page, base in zip(pages, bases, strict=True):
        slug = base
        if slug in taken or slug in used:
            siblings = set(children.filter(slug__startswith=base).values_list("slug", flat=True))
            number = 2
            while (slug := f"{base}-{number}") in siblings or slug in used:
                number += 1
        used.add(slug)
        page.slug = slug


def publish_new_pages(parent, pages, user=None):
    """Save and publish `pages` (unsaved, one model, clusters assigned in memory) as the last
    children of `parent`. Call inside a transaction."""
    if not pages:
        return []
    model = type(pages[0])
    now = timezone.now()
    # Locks the parent until commit: two imports into one parent cannot take the same paths.
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.draft_title = page.title
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now
        page.owner = page.owner or user

    # Read before the pages have ids, while reading asks nothing of the database.
    children = [_in_memory_relations(model, page) for page in pages]
    _insert_rows(model, pages)
    for page, relations in zip(pages, children, strict=True):
        # Kept in memory: the revision, the indexes and the receivers read them again.
        for name, items in relations.items():
            setattr(page, name, items)
    _insert_relations(model, pages, children)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    revisions = _publish_revisions(model, pages, user, now)
    _log(
        pages,
        revisions,
        user,
        now,
        lambda page: [("wagtail.create", None), ("wagtail.publish", {})],
    )
    _index_references(pages, content_type, page_type)
    _announce(model, pages, revisions)
    return pages


def publish_changed_pages(pages, user=None):
    """Save and publish `pages` (one model, live, without a draft, loaded and changed in
    memory, validated), as Wagtail's publish does, in fewer queries: the saves one by one,
    the revisions, history and indexes in bulk. Call inside a transaction.

    A page that has aliases goes through Wagtail's own publish, which updates them."""
    if not pages:
        return []
    model = type(pages[0])
    aliased = set(
        Page.objects.filter(alias_of__in=[page.pk for page in pages]).values_list(
            "alias_of_id", flat=True
        )
    )
    for page in pages:
        if page.pk in aliased:
            page.save_revision(user=user).publish(user=user)
    pages = [page for page in pages if page.pk not in aliased]
    if not pages:
        return []
    now = timezone.now()
    titles = dict(
        Page.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "title")
    )
    # Wagtail would index each page's references after each save; once after all is enough.
    with disable_reference_index_auto_update():
        for page in pages:
            page.draft_title = page.title
            page.live, page.has_unpublished_changes, page.expired = True, False, False
            page.last_published_at = page.latest_revision_created_at = now
            page.save(clean=False)  # validated by the caller
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    revisions = _publish_revisions(model, pages, user, now)

    def entries(page):
        if titles.get(page.pk) == page.title:
            return [("wagtail.publish", {})]
        renamed = {"title": {"old": titles.get(page.pk), "new": page.title}}
        return [("wagtail.rename", renamed), ("wagtail.publish", renamed)]

    _log(pages, revisions, user, now, entries)
    # Each save has updated Wagtail's admin search already.
    _announce(model, pages, revisions, index=False)
    return pages


def _publish_revisions(model, pages, user, now):
    """A revision of each page as it now is, made both its latest and its live one."""
    content_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                user=user,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=now,
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    # One UPDATE reading each page's newest revision (bulk_update's CASE per row costs more).
    newest = Subquery(
        Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision=newest, live_revision=newest
    )
    return revisions


def _log(pages, revisions, user, now, entries):
    """History entries: `entries(page)` gives (action, data); data None means no revision.
    One action (uuid) per page: Wagtail's history shows the latest entry of each action of
    each uuid, so pages never share one."""
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    rows = []
    for page, revision in zip(pages, revisions, strict=True):
        action = uuid.uuid4()
        for name, data in entries(page):
            rows.append(
                PageLogEntry(
                    page_id=page.pk,
                    content_type=content_type,
                    label=page.get_admin_display_title(),
                    action=name,
                    timestamp=now,
                    data=data or {},
                    user=user,
                    uuid=action,
                    revision=None if data is None else revision,
                    content_changed=name != "wagtail.rename",
                )
            )
    PageLogEntry.objects.bulk_create(rows)


def _announce(model, pages, revisions, index=True):
    if index:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)
    for page, revision in zip(pages, revisions, strict=True):
        page_published.send(sender=model, instance=page, revision=revision)


def _insert_rows(model, pages):
    """The base page rows in one query, then the page type's own row."""
    # A raw save writes the model's own table only: one level below Page, as all ours are.
    assert model._meta.get_parent_list() == [Page], f"{model} is not a direct subclass of Page"
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
            for page in pages
        ]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        # raw: the base row exists; receivers see a load, not an edit (no indexing per row).
        page.save_base(raw=True, force_insert=True)


def _index_references(pages, content_type, page_type):
    """The reference index rows of new pages, in one insert. Wagtail has only a per-object
    form, which first reads the rows the object already has (none here); if its internals
    change, the per-object form is used."""
    extract = getattr(ReferenceIndex, "_extract_references_from_object", None)
    path_hash = getattr(ReferenceIndex, "_get_content_path_hash", None)
    if extract is None or path_hash is None:
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        return
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=page_type,
                object_id=page.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=path_hash(content_path),
            )
            for page in pages
            for to_content_type_id, to_object_id, model_path, content_path in set(extract(page))
        ],
        ignore_conflicts=True,
    )


def _in_memory_relations(model, page):
    names = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    names += [field.name for field in get_all_child_m2m_relations(model)]
    return {name: list(getattr(page, name).all()) for name in names}


def _insert_relations(model, pages, held):
    """Child rows (inline panels, tags) and many-to-many links held in memory by the pages."""
    for relation in get_all_child_relations(model):
        children = []
        for page, relations in zip(pages, held, strict=True):
            items = relations[relation.get_accessor_name()]
            order_field = getattr(relation.related_model, "sort_order_field", None)
            for position, child in enumerate(items):
                setattr(child, relation.field.attname, page.pk)
                if order_field:
                    setattr(child, order_field, position)
                children.append(child)
        if children:
            relation.related_model.objects.bulk_create(children)
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = [
            through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
            for page, relations in zip(pages, held, strict=True)
            for item in relations[field.name]
        ]
        through.objects.bulk_create(links, ignore_conflicts=True)
