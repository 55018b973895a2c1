"""Build search/data/world.json (ISO alpha-2 code -> SVG path) from Natural Earth's 1:110m
countries as packed by world-atlas (TopoJSON, ISC licence; Natural Earth is public domain).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-110m.json

The site only reads the JSON it writes; no map tiles or map service is ever contacted."""

import itertools
import json
import sys
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The projection the site places points with, so shapes and points agree.
from search.worldmap import WIDTH, project

OUT = Path(__file__).resolve().parent.parent / "search" / "data" / "world.json"


def main(source):
    topo = json.loads(Path(source).read_text())
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indices):
        points = []
        for index in indices:
            arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
            points.extend(arc if not points else arc[1:])
        # A ring crossing the antimeridian (Russia, Fiji) would streak across the map:
        # it is drawn as separate pieces, one on each side.
        parts, current = [], [points[0]]
        for before, point in itertools.pairwise(points):
            if abs(point[0] - before[0]) > 180:
                parts.append(current)
                current = []
            current.append(point)
        parts.append(current)
        return "".join(
            "M" + "L".join(f"{x:g},{y:g}" for x, y in (project(*p) for p in part)) + "Z"
            for part in parts
            if len(part) > 2
        )

    shapes = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        try:
            code = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3))
        except LookupError:
            code = None
        # Antarctica would take a fifth of the map and holds no cases.
        if code is None or "arcs" not in geometry or code.alpha_2 == "AQ":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes[code.alpha_2] = "".join(ring(r) for polygon in polygons for r in polygon)
    height = round(project(0, -60)[1])  # the map stops at 60° S
    OUT.write_text(json.dumps({"width": WIDTH, "height": height, "countries": shapes}))
    print(f"{len(shapes)} countries, {OUT.stat().st_size // 1024} KB -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
