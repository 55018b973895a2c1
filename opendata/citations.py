"""How to cite a release, as the reports are cited (publications/citations.py): a reference on
the page, and BibTeX (@dataset), RIS (DATA) and CSL-JSON (dataset) downloads. The observatory
is the corporate author."""

import json

from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from publications.citations import Export, bibtex_escape, publisher, ris_line


def _title(release):
    return gettext("Participatory democracy experiences, release %(version)s") % {
        "version": release.version
    }


def _url(page, request):
    return request.build_absolute_uri(page.url)


def reference(release, page, request):
    """IOPD (2026). <em>Title</em> (Version v) [Data set]. URL"""
    return format_html(
        "{} ({}). <em>{}</em> ({} {}) [{}]. {}",
        publisher(),
        release.issued.year,
        _title(release),
        gettext("Version"),
        release.version,
        gettext("Data set"),
        f"{_url(page, request)}#release-{release.version}",
    )


def bibtex(release, page, request):
    url = f"{_url(page, request)}#release-{release.version}"
    fields = [
        ("author", "{" + bibtex_escape(publisher()) + "}"),
        ("title", "{" + bibtex_escape(_title(release)) + "}"),
        ("publisher", bibtex_escape(publisher())),
        ("version", bibtex_escape(release.version)),
        ("year", str(release.issued.year)),
        ("date", release.issued.isoformat()),
        ("url", bibtex_escape(url)),
        ("langid", get_language()),
    ]
    lines = [f"@dataset{{iopd{release.issued.year}experiences{release.pk},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(release, page, request):
    lines = [
        ris_line("TY", "DATA"),
        ris_line("AU", f"{publisher()},"),
        ris_line("TI", _title(release)),
        ris_line("PY", str(release.issued.year)),
        ris_line("DA", f"{release.issued:%Y/%m/%d}"),
        ris_line("PB", publisher()),
        ris_line("ET", release.version),
        ris_line("LA", get_language()),
        ris_line("UR", f"{_url(page, request)}#release-{release.version}"),
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


def csl_json(release, page, request):
    issued = release.issued
    item = {
        "id": f"iopd-experiences-{release.version}",
        "type": "dataset",
        "title": _title(release),
        "author": [{"literal": publisher()}],
        "issued": {"date-parts": [[issued.year, issued.month, issued.day]]},
        "publisher": publisher(),
        "version": release.version,
        "language": get_language(),
        "URL": f"{_url(page, request)}#release-{release.version}",
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


EXPORTS = {
    "bibtex": Export(bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": Export(ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": Export(csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
