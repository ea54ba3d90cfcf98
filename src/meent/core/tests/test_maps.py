"""The shared gemeente map: the shipped boundaries equal the public file, and every 2020 gemeente is drawn."""

from meent.core import maps
from meent.core.testing import public_file


def test_shipped_boundaries_are_identical_to_the_public_file():
    import gzip

    assert gzip.decompress(maps.BOUNDARIES_2020.read_bytes()) == public_file("gemeentegrenzen-2020-rd.geojson")


def test_map_draws_each_gemeente_with_its_fill_label_and_link():
    paths, height = maps.boundaries_2020()
    assert len(paths) == 355 and height > 0
    svg = maps.gemeente_map("Kaart", {"GM0363": "#123456"}, {"GM0363": "Amsterdam: ja"}, {"GM0363": "/x/"})
    assert svg.count("<path") == 355
    assert '<a href="/x/" aria-label="Amsterdam: ja"><path' in svg and 'fill="#123456"' in svg
    assert svg.count("url(#map-nodata)") == 354
