"""How to cite a report: an APA-like reference for the page, and BibTeX, RIS and CSL-JSON
downloads (routed under the report's own URL, `cite/<format>/`).

Organisations are corporate authors in every format: braced in BibTeX so that no tool splits
them into given and family names, `literal` in CSL-JSON, and written with a trailing comma in
RIS, the convention EndNote and Zotero read as "a name with no given names"."""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext, override

from core import seo
from core.i18n import as_written

from .models.reports import compact_isbn


def publisher():
    return gettext("International Observatory on Participatory Democracy")


def one_line(text):
    return " ".join(str(text or "").split())


def authors_of(page):
    """[(family, given, is organisation)]; a report nobody signed is the observatory's."""
    authors = [(*author.name_parts, author.is_organisation) for author in page.author_list]
    return authors or [(publisher(), "", True)]


def _reference_data(page, request):
    with override(page.locale.language_code):
        return {
            "url": seo.canonical_url(request, page),
            "type": str(page.get_report_type_display()),
            "publisher": publisher(),
            "authors": authors_of(page),
        }


# --- APA-like reference -------------------------------------------------------------------


def initials(given):
    """ "Jean-Pierre Luis" -> "J.-P. L." """
    words = []
    for word in given.split():
        words.append("-".join(f"{part[0]}." for part in word.split("-") if part))
    return " ".join(words)


def apa_name(family, given, organisation):
    if organisation or not given:
        return family
    return f"{family}, {initials(given)}"


def apa_authors(names):
    """The names joined as APA joins them, as HTML (each name escaped unless already safe)."""
    names = [conditional_escape(name) for name in names]
    if len(names) == 1:
        return names[0]
    return format_html("{}, &amp; {}", mark_safe(", ".join(names[:-1])), names[-1])


def apa_reference(page, request):
    """The reference as safe HTML: Author, A. (2021). <em>Title</em> (Type). Publisher. URL.

    The type follows the visitor's language; the publisher is left out when it is the author."""
    names = [apa_name(*author) for author in authors_of(page)]
    link = page.doi_url or seo.canonical_url(request, page)
    publisher_part = "" if publisher() in names else f" {publisher()}."
    # An organisation's name is shown as written, marked with the language it is written in.
    written = {a.display_name: a.names_language for a in page.author_list if a.name_as_written}
    shown = [as_written(name, written[name]) if name in written else name for name in names]
    return format_html(
        "{} ({}). <em>{}</em> ({}).{} {}",
        apa_authors(shown),
        page.year,
        one_line(page.title),
        page.get_report_type_display(),
        publisher_part,
        link,
    )


# --- BibTeX -------------------------------------------------------------------------------

_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    """Text safe inside a braced BibTeX field; other characters stay UTF-8 (biber reads it)."""
    return "".join(_BIBTEX_ESCAPES.get(char, char) for char in one_line(text))


def bibtex_name(family, given, organisation):
    if organisation:
        return "{" + bibtex_escape(family) + "}"
    return bibtex_escape(f"{family}, {given}" if given else family)


def bibtex_key(page, authors):
    family = slugify(authors[0][0]).replace("-", "")[:20] or "iopd"
    word = next((w for w in slugify(page.title).split("-") if len(w) > 3), "report")
    return f"{family}{page.year}{word}"


def bibtex(page, request):
    data = _reference_data(page, request)
    fields = [
        ("author", " and ".join(bibtex_name(*author) for author in data["authors"])),
        ("title", "{" + bibtex_escape(page.title) + "}"),
        ("institution", bibtex_escape(data["publisher"])),
        ("type", bibtex_escape(data["type"])),
        ("year", str(page.year)),
        ("date", page.publication_date.isoformat()),
        ("url", bibtex_escape(data["url"])),
        ("doi", bibtex_escape(page.doi)),
        ("isbn", bibtex_escape(compact_isbn(page.isbn))),
        ("langid", page.locale.language_code),
        ("abstract", bibtex_escape(page.abstract)),
        ("keywords", bibtex_escape(", ".join(tag.name for tag in page.keywords.all()))),
    ]
    lines = [f"@techreport{{{bibtex_key(page, data['authors'])},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields if value]
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- RIS ----------------------------------------------------------------------------------

# Tags whose value may run long; the others are kept to the 255 characters of the old spec.
_RIS_LONG = {"AB", "KW", "N1"}


def ris_line(tag, value):
    value = one_line(value)
    if tag not in _RIS_LONG:
        value = value[:255]
    return f"{tag}  - {value}"


def ris_name(family, given, organisation):
    if organisation:
        return f"{family},"
    return f"{family}, {given}" if given else f"{family},"


def ris(page, request):
    data = _reference_data(page, request)
    date = page.publication_date
    lines = [ris_line("TY", "RPRT")]
    lines += [ris_line("AU", ris_name(*author)) for author in data["authors"]]
    lines += [
        ris_line("TI", page.title),
        ris_line("PY", str(date.year)),
        ris_line("DA", f"{date:%Y/%m/%d}"),
        ris_line("PB", data["publisher"]),
        ris_line("M3", data["type"]),
        ris_line("LA", page.locale.language_code),
        ris_line("UR", data["url"]),
    ]
    if page.doi:
        lines.append(ris_line("DO", page.doi))
    if page.isbn:
        lines.append(ris_line("SN", compact_isbn(page.isbn)))
    if page.abstract:
        lines.append(ris_line("AB", page.abstract))
    lines += [ris_line("KW", tag.name) for tag in page.keywords.all()]
    lines.append("ER  - ")
    # The format's line ends are CR LF.
    return "\r\n".join(lines) + "\r\n"


# --- CSL-JSON -----------------------------------------------------------------------------


def csl_name(family, given, organisation):
    if organisation:
        return {"literal": family}
    return {"family": family, "given": given} if given else {"literal": family}


def csl_item(page, request):
    data = _reference_data(page, request)
    date = page.publication_date
    item = {
        "id": f"iopd-{page.translation_key}-{page.locale.language_code}",
        "type": "report",
        "title": one_line(page.title),
        "author": [csl_name(*author) for author in data["authors"]],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "publisher": data["publisher"],
        "genre": data["type"],
        "language": page.locale.language_code,
        "URL": data["url"],
        "abstract": page.abstract,
    }
    if page.doi:
        item["DOI"] = page.doi
    if page.isbn:
        item["ISBN"] = compact_isbn(page.isbn)
    keywords = [tag.name for tag in page.keywords.all()]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    return item


def csl_json(page, request):
    return json.dumps([csl_item(page, request)], ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Export:
    render: Callable
    content_type: str
    extension: str


EXPORTS = {
    "bibtex": Export(bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": Export(ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": Export(csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
