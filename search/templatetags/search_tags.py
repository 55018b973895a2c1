"""The facet column of the search page, built in Python.

A facet can hold hundreds of buckets (every country, every keyword); rendered through the
template engine, their checkboxes were most of the time the server spent beyond the engine's
own. The markup is what the template wrote; every value goes through the standard library's
html.escape, which escapes the same characters as Django's escape without its lazy wrappers."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def _option(name, bucket, children=""):
    checked = " checked" if bucket.selected else ""
    return (
        f'<li><label><input type="checkbox" name="{escape(name)}" '
        f'value="{escape(str(bucket.value))}"{checked}> <span>{escape(str(bucket.label))} '
        f'<span class="count">({int(bucket.count)})</span></span></label>{children}</li>'
    )


@register.simple_tag
def facet_options(facet):
    items = "".join(_option(facet.name, bucket) for bucket in facet.buckets)
    return mark_safe(f'<ul class="filters__options">{items}</ul>')


@register.simple_tag
def topic_options(nodes):
    """The topic tree: narrower topics nested under their broader topic."""

    def tree(nodes):
        items = "".join(
            _option("topic", node["bucket"], tree(node["children"]) if node["children"] else "")
            for node in nodes
        )
        return f'<ul class="filters__options filters__tree">{items}</ul>'

    return mark_safe(tree(nodes))


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
