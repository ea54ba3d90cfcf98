"""``?jaar=``: a valid year or the page's default, never an error page."""

import pytest
from django.test import RequestFactory

from meent.core.roles import Role
from meent.core.years import year_parameter


def jaar(value: str):
    return RequestFactory().get("/", {"jaar": value})


@pytest.mark.parametrize("raw", ["-1", "abc", "", " ", "2020.5", "١٢٣٤", "99999999999999999999", "1999", "2101"])
def test_anything_but_a_plausible_year_gives_the_default(raw):
    assert year_parameter(jaar(raw), default=2021) == 2021


def test_a_year_is_taken_as_asked_within_the_choices():
    assert year_parameter(jaar("2020")) == 2020
    assert year_parameter(jaar(" 2020 "), choices=[2020, 2021]) == 2020
    assert year_parameter(jaar("2019"), choices=[2020, 2021]) == 2021  # the default is the latest choice


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["-1", "abc", "99999999999999999999"])
def test_the_year_pages_answer_a_bad_year_with_their_default(client, make_account, login, raw):
    login(make_account(Role.BESTUUR, Role.CONNECT))
    for path in ("/gemeenten/", "/ibd/cijfers/", "/connect/cijfers/", "/trainees/"):
        assert client.get(path, {"jaar": raw}).status_code == 200, path
