"""Converts the Natural Earth countries of the ``world-atlas`` npm package (TopoJSON, 1:110 million) into the
portfolio's shipped world map: per country its ISO 3166-1 alpha-2 code and an SVG path in the Natural Earth
projection, gzipped JSON in ``src/meent/international/portfolio/data/world-110m.json.gz``.

Run after updating world-atlas (``npm ci`` first)::

    .venv/bin/python scripts/world_map.py

Shapes without an ISO number in Natural Earth (Northern Cyprus, Somaliland, Kosovo) are drawn without a code.
"""

import gzip
import json
import math
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
TARGET = ROOT / "src" / "meent" / "international" / "portfolio" / "data" / "world-110m.json.gz"
WIDTH = 960


def natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič et al. 2011), as d3-geo's ``geoNaturalEarth1``; radians in and out."""
    phi2 = latitude * latitude
    phi4 = phi2 * phi2
    x = longitude * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = latitude * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantised positions
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main() -> None:
    topology = json.loads(SOURCE.read_text())
    arcs = decode_arcs(topology)
    # Scale so that the whole world (±180°, ±90°) is WIDTH wide.
    max_x, max_y = natural_earth(math.pi, 0)[0], natural_earth(0, math.pi / 2)[1]
    scale = WIDTH / (2 * max_x)
    height = round(2 * max_y * scale)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = []
        for polygon in polygons:
            for indexes in polygon:
                points = []
                for lon, lat in ring(indexes, arcs):
                    x, y = natural_earth(math.radians(lon), math.radians(lat))
                    points.append(f"{(x + max_x) * scale:.1f},{(max_y - y) * scale:.1f}")
                path.append("M" + "L".join(points) + "Z")
        number = geometry.get("id")
        country = pycountry.countries.get(numeric=number) if number else None
        countries.append(
            {"code": country.alpha_2 if country else "", "name": geometry["properties"]["name"], "d": "".join(path)}
        )
    document = {
        "source": "world-atlas 2.0.2 countries-110m (Natural Earth)",
        "width": WIDTH,
        "height": height,
        "countries": sorted(countries, key=lambda c: (c["code"], c["name"])),
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(gzip.compress(json.dumps(document, separators=(",", ":")).encode(), mtime=0))
    print(f"{TARGET.relative_to(ROOT)}: {len(countries)} landen, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
