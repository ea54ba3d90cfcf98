"""One Dutch way of writing dates everywhere: "12 oktober 2020" (with the weekday or the time where it helps),
in Europe/Amsterdam; never "12-10-2020" or "12 okt 2020" on one page and the other on the next."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

import meent

# "Ymd" only compares two days; "H:i", "j F", "F Y" and "Y" (a year alone) are parts of a date already written out.
ALLOWED = {"j F Y", "j F Y H:i", "l j F Y, H:i", "j F H:i", "j F", "F Y", "Y", "H:i", "Ymd"}


def test_every_template_writes_dates_in_the_one_format():
    formats = {}
    for template in Path(meent.__file__).parent.rglob("templates/**/*.html"):
        for fmt in re.findall(r'\|date:"([^"]*)"', template.read_text()):
            formats.setdefault(fmt, []).append(template.name)
        assert not re.search(r"\|date(?!:)", template.read_text()), f"{template.name}: |date without a format"
    assert {fmt: names for fmt, names in formats.items() if fmt not in ALLOWED} == {}


@pytest.mark.parametrize(("language", "expected"), [("nl", "12 oktober 2020 14:30"), ("en", "12 October 2020 14:30")])
def test_a_moment_is_written_out_in_amsterdam_time(language, expected):
    moment = datetime.datetime(2020, 10, 12, 12, 30, tzinfo=datetime.UTC)  # 14:30 summer time in Amsterdam
    with translation.override(language):
        assert Template('{{ moment|date:"j F Y H:i" }}').render(Context({"moment": moment})) == expected
