"""Figures and charts as a reader sees them."""

import pytest
from django.utils import translation

from meent.realisatie.benchmark import svg


@pytest.mark.parametrize(
    ("language", "value", "decimals", "shown"),
    [
        ("nl", 1234567.891, 1, "1.234.567,9"),
        ("nl", 7.66, 1, "7,7"),
        ("nl", 12, 0, "12"),
        ("nl", -0.04, 1, "0,0"),
        ("nl", -2500.5, 2, "-2.500,50"),
        ("nl", None, 1, "—"),
        ("en", 1234567.891, 1, "1,234,567.9"),
        # A median of two values ends in .5: rounded half up everywhere, not to the even neighbour.
        ("nl", 14.5, 0, "15"),
        ("nl", 29.5, 0, "30"),
        ("nl", 0.25, 1, "0,3"),
        ("nl", 2.675, 2, "2,68"),
    ],
)
def test_figures_are_rounded_in_the_readers_notation(language, value, decimals, shown):
    with translation.override(language):
        assert svg.fmt(value, decimals) == shown
