"""The map of the 355 gemeenten of 2020 as server-side SVG, for any module: the caller chooses each gemeente's
fill, label and link. Each gemeente is a link (keyboard reachable) or a shape named by its label; a page always
shows the same information in a table as well."""

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BOUNDARIES_2020 = Path(__file__).resolve().parent / "data" / "gemeentegrenzen-2020-rd.geojson.gz"
MAP_WIDTH = 520
HATCH = (
    '<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="{bg}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{fg}" stroke-width="2"/>'
    "</pattern></defs>"
)


@lru_cache(maxsize=1)
def boundaries_2020() -> tuple[tuple[tuple[str, str, str], ...], int]:
    """(code, name, SVG path) per gemeente of 2020 from the shipped GeoJSON, scaled from Rijksdriehoek metres
    (already a flat projection, y pointing north) to the map's pixels; and the map's height."""
    document = json.loads(gzip.decompress(BOUNDARIES_2020.read_bytes()))
    rings: list[tuple[str, str, list[list[list[float]]]]] = []
    xs, ys = [], []
    for feature in document["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        flat = [ring for polygon in polygons for ring in polygon]
        for ring in flat:
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
        props = feature["properties"]
        rings.append((f"GM{int(props['gemnr']):04d}", props["gemnaam"], flat))
    min_x, max_y = min(xs), max(ys)
    scale = MAP_WIDTH / (max(xs) - min_x)
    height = math.ceil((max_y - min(ys)) * scale)
    result = []
    for code, name, flat in rings:
        d = "".join(
            "M" + "L".join(f"{(x - min_x) * scale:.1f},{(max_y - y) * scale:.1f}" for x, y, *_ in ring) + "Z"
            for ring in flat
        )
        result.append((code, name, d))
    return tuple(sorted(result)), height


def gemeente_map(
    title: str,
    fills: dict[str, str],
    labels: dict[str, str],
    links: dict[str, str],
    *,
    css_class: str = "meent-map",
) -> SafeString:
    """The 2020 gemeenten filled with ``fills[code]`` (a colour; hatched grey without one), titled and named
    with ``labels[code]``, linked to ``links[code]`` where given."""
    paths, height = boundaries_2020()
    parts = [
        f'<svg class="{escape(css_class)}" viewBox="0 0 {MAP_WIDTH} {height}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        HATCH.format(id="map-nodata", bg="#fff", fg="#999"),
    ]
    for code, name, d in paths:
        fill = fills.get(code) or "url(#map-nodata)"
        label = labels.get(code) or f"{name}: {_('geen gegevens')}"
        shape = f'<path d="{d}" fill="{fill}" stroke="#555" stroke-width="0.4"><title>{escape(label)}</title></path>'
        href = links.get(code)
        parts.append(f'<a href="{escape(href)}" aria-label="{escape(label)}">{shape}</a>' if href else shape)
    parts.append("</svg>")
    return mark_safe("".join(parts))
