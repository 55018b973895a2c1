"""The facet column and the list of results of the search page, built in Python.

A facet can hold hundreds of buckets (every country, every keyword); rendered through the
template engine, their checkboxes were most of the time the server spent beyond the engine's
own, and each page of results was 270 template nodes, half the page's. The markup is what
the templates wrote; every value goes through the standard library's html.escape, which
escapes the same characters as Django's escape without its lazy wrappers."""

from html import escape

from django import template
from django.templatetags.i18n import language_name_local
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.filters import fold
from core.i18n import language_in_text, source_lang_attribute

register = template.Library()


def _option(name, bucket, children="", lang=""):
    checked = " checked" if bucket.selected else ""
    label = escape(str(bucket.label))
    if lang:  # ` lang="en"`: a value as written in the source language
        label = f"<span{lang}>{label}</span>"
    return (
        f'<li><label><input type="checkbox" name="{escape(name)}" '
        f'value="{escape(str(bucket.value))}"{checked}> <span>{label} '
        f'<span class="count">({int(bucket.count)})</span></span></label>{children}</li>'
    )


def _folded(nodes, count, chosen, total, render, classes="filters__options"):
    """A list of options, its least used ones behind a native "Show all n options"."""
    folded = fold(nodes, count, chosen)
    shown = f'<ul class="{classes}">{"".join(map(render, folded.shown))}</ul>'
    if not folded.more:
        return shown
    label = ngettext("Show all %(counter)s option", "Show all %(counter)s options", total) % {
        "counter": total
    }
    return (
        f'{shown}<details class="filters__more"{" open" if folded.open else ""}>'
        f"<summary>{escape(label)}</summary>"
        f'<ul class="{classes}">{"".join(map(render, folded.more))}</ul></details>'
    )


@register.simple_tag
def facet_fieldsets(facets, topic_tree):
    """A fieldset for each facet with values: the topics as their tree, the others flat."""

    def fieldset(facet):
        options = topic_options(topic_tree) if facet.name == "topic" else facet_options(facet)
        return (
            f'<fieldset data-facet="{escape(facet.name)}">'
            f"<legend>{escape(str(facet.label))}</legend>{options}</fieldset>"
        )

    return mark_safe("".join(fieldset(facet) for facet in facets if facet.buckets))


def facet_options(facet):
    """The buckets come most frequent first: those past the first few fold away."""
    lang = source_lang_attribute() if facet.as_written else ""
    return _folded(
        facet.buckets,
        lambda bucket: bucket.count,
        lambda bucket: bucket.selected,
        len(facet.buckets),
        lambda bucket: _option(facet.name, bucket, lang=lang),
    )


def topic_options(nodes):
    """The topic tree: narrower topics nested under their broader topic; broader topics past
    the first few fold away, each with its narrower ones."""

    def tree(nodes):
        return f'<ul class="filters__options filters__tree">{"".join(map(option, nodes))}</ul>'

    def option(node):
        return _option("topic", node["bucket"], tree(node["children"]) if node["children"] else "")

    def chosen(node):
        return node["bucket"].selected or any(map(chosen, node["children"]))

    def size(node):
        return 1 + sum(map(size, node["children"]))

    total = sum(map(size, nodes))
    classes = "filters__options filters__tree"
    return _folded(nodes, lambda node: node["bucket"].count, chosen, total, option, classes)


@register.simple_tag
def histogram_rows(years, year_max):
    rows = "".join(
        # A drawn bar, not a style attribute: the Content-Security-Policy allows no inline style.
        f'<tr><th scope="row">{int(year)}</th><td><svg class="histogram__bar" viewBox="0 0 100 1" '
        f'preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect height="1" '
        f'width="{round(count * 100 / year_max) if year_max else 0}"/></svg> '
        f"{int(count)}</td></tr>"
        for year, count in years
    )
    return mark_safe(rows)


@register.simple_tag
def search_hits(hits, language):
    """The results as `<li>`s: a hit in another language than the page's is marked with its
    own, and says which version the words were found in."""
    return mark_safe("".join(_hit(hit, language) for hit in hits))


def _hit(hit, language):
    other = hit.language != language
    code = escape(hit.language)
    lang = f' lang="{code}"' if other else ""
    kind = escape(str(hit.type_label))
    if other:
        local_name = escape(language_name_local(hit.language))
        kind += f' · <span lang="{code}">{local_name}</span>'
    if hit.matched_language:
        name = language_in_text(hit.matched_language)
        kind += " · " + escape(gettext("found in its %(name)s version") % {"name": name})
    link = f' hreflang="{code}"{lang}' if other else ""
    parts = [
        f'<li class="search-result"><p class="search-result__type">{kind}</p>',
        f'<h2 class="search-result__title"><a href="{escape(hit.url)}"{link}>'
        f"{escape(hit.title)}</a></h2>",
    ]
    if hit.place or hit.year_label:
        place = escape(hit.place)
        if hit.place and other:
            place = f"<span{lang}>{place}</span>"
        between = " · " if hit.place and hit.year_label else ""
        parts.append(f'<p class="card__meta">{place}{between}{escape(str(hit.year_label))}</p>')
    if hit.snippet:  # the engine's highlights, escaped there and marked safe
        snippet = conditional_escape(hit.snippet)
        parts.append(f'<p class="search-result__snippet"{lang}>{snippet}</p>')
    if hit.topics:
        parts.append(f'<p class="meta">{", ".join(escape(str(t)) for t in hit.topics)}</p>')
    parts.append("</li>")
    return "".join(parts)
