import pytest

pytestmark = pytest.mark.django_db


def test_list_of_current_gemeenten_is_paginated(client):
    body = client.get("/api/v1/gemeenten").json()
    assert body["count"] == 342 + 3  # with the three Caribbean public bodies
    assert len(body["results"]) == 50


def test_caribbean_public_bodies_are_listed_and_found_unless_left_out(client):
    bonaire = client.get("/api/v1/gemeenten?zoek=Bonaire").json()["results"]
    assert [(g["code"], g["soort"], g["provincie"]) for g in bonaire] == [("BQ-BO", "openbaar_lichaam", None)]
    assert client.get("/api/v1/gemeenten?zoek=Bonaire&europeesNederland=true").json()["count"] == 0
    assert client.get("/api/v1/gemeenten?europeesNederland=true").json()["count"] == 342
    assert client.get("/api/v1/gemeenten?europeesNederland=false").json()["count"] == 345


def test_list_filters_year_province_and_search(client):
    assert client.get("/api/v1/gemeenten?jaar=2020&europeesNederland=true").json()["count"] == 355
    assert client.get("/api/v1/gemeenten?jaar=2020&provincie=Groningen").json()["count"] == 12
    assert [g["code"] for g in client.get("/api/v1/gemeenten?zoek=Den Haag").json()["results"]] == ["GM0518"]


def test_detail_by_cbs_code(client):
    body = client.get("/api/v1/gemeenten/GM0363").json()
    assert body["naam"] == "Amsterdam"
    assert body["provincie"] == "Noord-Holland"
    assert body["voorgangers"] == ["GM0457"]  # Weesp, added in 2022
    assert client.get("/api/v1/gemeenten/GM0457").json()["opvolgers"] == ["GM0363"]


def test_bad_filter_is_a_problem_with_the_invalid_parameter(client):
    response = client.get("/api/v1/gemeenten?jaar=twintig")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "jaar"
