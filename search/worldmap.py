"""World maps drawn as SVG from shapes shipped with the project: the counts of search results
by country, and the locator map of one experience.

The shapes (search/data/world.json, built by scripts/build_world_map.py) are in the Natural
Earth projection below, scaled to WIDTH map units; a point is placed on them with `project`."""

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES = Path(__file__).resolve().parent / "data" / "world.json"
SHADES = 5
WIDTH = 960


def natural_earth(lon, lat):
    """The Natural Earth projection (Šavrič et al. 2011): degrees in, unit-less out."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


_LEFT, _TOP = natural_earth(-180, 0)[0], natural_earth(0, 90)[1]
_FACTOR = WIDTH / (2 * -_LEFT)


def project(lon, lat):
    """Map units of world.json for a longitude and latitude in degrees."""
    x, y = natural_earth(lon, lat)
    return round((x - _LEFT) * _FACTOR, 1), round((_TOP - y) * _FACTOR, 1)


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


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SUBPATH = re.compile(r"M[^M]*")


def _box(path):
    numbers = [float(n) for n in _NUMBER.findall(path)]
    xs, ys = numbers[0::2], numbers[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


@cache
def bounds():
    """{code: (left, top, right, bottom)} of each country's shape, in map units."""
    return {code: _box(path) for code, path in shapes()["countries"].items()}


@cache
def parts():
    """{code: [(left, top, right, bottom) of each closed part (an island, a mainland)]}."""
    return {
        code: [_box(part) for part in _SUBPATH.findall(path)]
        for code, path in shapes()["countries"].items()
    }


def wrap_width(y):
    """How far map units move a point 360 degrees east at map height `y`: the projection's
    meridians curve, so a row of the world is narrower away from the equator."""
    low, high = -90.0, 90.0
    target = _TOP - y / _FACTOR
    for _step in range(40):  # the latitude of that row, by bisection
        middle = (low + high) / 2
        low, high = (middle, high) if natural_earth(0, middle)[1] < target else (low, middle)
    return 2 * natural_earth(180, low)[0] * _FACTOR


def _unwrapped(boxes, anchor, shift):
    """The parts of a country on the anchor's side of the 180th meridian: Fiji or Chukotka
    lie on both edges of the world map, and their far parts move by a world's width."""
    for left, top, right, bottom in boxes:
        centre = (left + right) / 2
        offset = 0
        if centre - anchor > WIDTH / 2:
            offset = -shift
        elif anchor - centre > WIDTH / 2:
            offset = shift
        yield (left + offset, top, right + offset, bottom)


def locator_map(country_code, latitude=None, longitude=None):
    """The part of the world around a country and a point, for an experience: the shapes that
    show in it (the country marked) and the point, in a 3:2 view; None with neither.

    Across the 180th meridian the view goes on past the map's edge, where the world's shapes
    are drawn again, moved by its width (`shift` of each shape shown)."""
    point = None
    if latitude is not None and longitude is not None:
        point = project(float(longitude), float(latitude))
    boxes = parts().get(country_code or "")
    if boxes is None and point is None:
        return None
    if point is not None:
        anchor = point
    else:  # the country's largest part
        a, b, c, d = max(boxes, key=lambda box: (box[2] - box[0]) * (box[3] - box[1]))
        anchor = ((a + c) / 2, (b + d) / 2)
    shift = round(wrap_width(anchor[1]), 1)
    box = None
    if boxes:
        unwrapped = list(_unwrapped(boxes, anchor[0], shift))
        box = (
            min(b[0] for b in unwrapped),
            min(b[1] for b in unwrapped),
            max(b[2] for b in unwrapped),
            max(b[3] for b in unwrapped),
        )
    left, top, right, bottom = box or (*point, *point)
    if point is not None:  # the point may lie offshore, or the country be unknown
        left, top = min(left, point[0]), min(top, point[1])
        right, bottom = max(right, point[0]), max(bottom, point[1])
    # Room around, and never closer than a tenth of the world, so neighbours give context;
    # never wider than a third of it: Russia or the United States (Alaska, Hawaii) would
    # need the whole map, so the view centres on the point (or the country) at that width.
    width = max((right - left) * 1.4, (bottom - top) * 1.4 * 1.5, WIDTH / 10)
    if width > WIDTH / 3:
        width = WIDTH / 3
        left = right = anchor[0]
        top = bottom = anchor[1]
    height = width / 1.5
    world_height = shapes()["height"]
    x = (left + right - width) / 2  # past the map's edge too: the shapes are drawn again there
    y = min(max((top + bottom - height) / 2, 0), world_height - height)
    shown = [
        {
            "code": code,
            "path": shapes()["countries"][code],
            "current": code == country_code,
            "shift": offset,
        }
        for offset in (0, shift, -shift)
        for code, (a, b, c, d) in bounds().items()
        if a + offset < x + width and c + offset > x and b < y + height and d > y
    ]
    return {
        "viewbox": f"{x:.1f} {y:.1f} {width:.1f} {height:.1f}",
        "sea": (round(x - 10, 1), round(y - 10, 1), round(width + 20, 1), round(height + 20, 1)),
        "countries": shown,
        "point": point,
        "radius": round(width / 60, 2),
        "stroke": round(width / 150, 2),
    }
