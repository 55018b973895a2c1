"""A self-check of the catalogue's metadata along the dimensions of the data.europa.eu metadata
quality assessment (MQA): findability, accessibility, interoperability, reusability and
contextuality. The indicators and their weights are data (data/mqa_indicators.csv); each is
computed from the graph: the share of datasets (or distributions) that meet it, times its
weight. Accessibility asks the site itself for each URL through `status(url)`."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, RDF

from .catalogue import DATA, authorities

SHAPES = DATA / "shacl" / "dcat-ap-SHACL.ttl"
# The rating bands of the MQA for its 405 points.
RATINGS = [(351, "excellent"), (221, "good"), (121, "sufficient"), (0, "bad")]
DIMENSIONS = ["findability", "accessibility", "interoperability", "reusability", "contextuality"]


@dataclass(frozen=True)
class Indicator:
    dimension: str
    name: str
    check: str
    on: str
    weight: int


@cache
def indicators():
    with open(DATA / "mqa_indicators.csv", encoding="utf-8", newline="") as handle:
        return [
            Indicator(
                row["dimension"], row["indicator"], row["check"], row["on"], int(row["weight"])
            )
            for row in csv.DictReader(handle)
        ]


@cache
def shapes():
    return Graph().parse(Path(SHAPES), format="turtle")


def conforms(graph):
    result, _report_graph, text = validate(graph, shacl_graph=shapes(), inference="none")
    return result, text


def _file_type(graph, distribution):
    value = graph.value(distribution, DCTERMS.format)
    prefix = authorities()["file_type"]
    return (
        str(value)[len(prefix) :] if value is not None and str(value).startswith(prefix) else None
    )


def _has(predicate):
    return lambda graph, node, status: graph.value(node, predicate) is not None


def _in_table(predicate, key):
    def check(graph, node, status):
        value = graph.value(node, predicate)
        return value is not None and str(value).startswith(authorities()[key])

    return check


def _answers(predicate):
    def check(graph, node, status):
        value = graph.value(node, predicate)
        return value is not None and status(str(value)) == 200

    return check


def _format_in(key):
    return lambda graph, node, status: _file_type(graph, node) in authorities()[key]


CHECKS = {
    "dcat:keyword": _has(DCAT.keyword),
    "dcat:theme": _has(DCAT.theme),
    "dct:spatial": _has(DCTERMS.spatial),
    "dct:temporal": _has(DCTERMS.temporal),
    "accessURL answers": _answers(DCAT.accessURL),
    "dcat:downloadURL": _has(DCAT.downloadURL),
    "downloadURL answers": _answers(DCAT.downloadURL),
    "dct:format": _has(DCTERMS.format),
    "dcat:mediaType": _has(DCAT.mediaType),
    "format in the EU file-type table": lambda graph, node, status: (
        _file_type(graph, node) is not None
    ),
    "format non-proprietary": _format_in("non_proprietary"),
    "format machine readable": _format_in("machine_readable"),
    "dct:license": _has(DCTERMS.license),
    "licence in the EU licence table": _in_table(DCTERMS.license, "licence"),
    "dct:accessRights": _has(DCTERMS.accessRights),
    "access right in the EU table": _in_table(DCTERMS.accessRights, "access_right"),
    "dcat:contactPoint": _has(DCAT.contactPoint),
    "dct:publisher": _has(DCTERMS.publisher),
    "dct:rights": _has(DCTERMS.rights),
    "dcat:byteSize": _has(DCAT.byteSize),
    "dct:issued": _has(DCTERMS.issued),
    "dct:modified": _has(DCTERMS.modified),
}


@dataclass
class Score:
    indicator: Indicator
    met: int
    total: int

    @property
    def points(self):
        return self.indicator.weight * self.met / self.total if self.total else 0


def assess(graph, status=lambda url: None):
    """Scores of every indicator, and the SHACL report's text (empty when it conforms)."""
    datasets = sorted(set(graph.subjects(RDF.type, DCAT.Dataset)))
    distributions = sorted(set(graph.subjects(RDF.type, DCAT.Distribution)))
    valid, report = conforms(graph)
    scores = []
    for indicator in indicators():
        nodes = datasets if indicator.on == "dataset" else distributions
        if indicator.check == "SHACL conforms":
            met = len(nodes) if valid else 0
        else:
            check = CHECKS[indicator.check]
            met = sum(1 for node in nodes if check(graph, node, status))
        scores.append(Score(indicator, met, len(nodes)))
    return scores, "" if valid else report


def by_dimension(scores):
    """{dimension: (points, maximum)} in the MQA's order."""
    totals = {dimension: [0.0, 0] for dimension in DIMENSIONS}
    for score in scores:
        totals[score.indicator.dimension][0] += score.points
        totals[score.indicator.dimension][1] += score.indicator.weight
    return {dimension: (round(points), maximum) for dimension, (points, maximum) in totals.items()}


def rating(points):
    return next(label for floor, label in RATINGS if points >= floor)
