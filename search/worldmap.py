"""A world map of result counts, drawn as SVG from shapes shipped with the project."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES = Path(__file__).resolve().parent / "data" / "world.json"
SHADES = 5


@cache
def shapes():
    return json.loads(SHAPES.read_text())


@dataclass(frozen=True)
class MapCountry:
    code: str
    label: str
    count: int
    path: str
    shade: int  # 0 for none, 1..SHADES by count on a log scale
    url: str


def world_map(country_facet, toggle_url):
    """Every country of the map with its count in `country_facet` and a link to filter by it."""
    data = shapes()
    counts = {bucket.value: bucket for bucket in country_facet.buckets}
    top = max((bucket.count for bucket in country_facet.buckets), default=0)
    countries = []
    for code, path in data["countries"].items():
        bucket = counts.get(code)
        count = bucket.count if bucket else 0
        shade = 0
        if count and top:
            shade = 1 + min(SHADES - 1, int(SHADES * math.log1p(count) / math.log1p(top + 1)))
        countries.append(
            MapCountry(code, bucket.label if bucket else code, count, path, shade, toggle_url(code))
        )
    return {"width": data["width"], "height": data["height"], "countries": countries}
