"""The demo's legal frameworks: real texts only, linked to the demo experiences whose own
description names them (frameworks.csv, one row a framework, its titles in each language)."""

import csv
from pathlib import Path

FRAMEWORKS_FILE = Path(__file__).with_name("frameworks.csv")


def rows():
    with FRAMEWORKS_FILE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def governing(slug):
    """The identifiers of the frameworks the demo experience `slug` rests on."""
    return [row["identifier"] for row in rows() if slug in row["experiences"].split(";")]
