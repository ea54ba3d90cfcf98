"""The API: indicators, observations (JSON and CSV, paginated) and a gemeente's profile."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_indicators_list_and_filter_by_theme(client, demo_data):
    body = client.get("/api/v1/indicatoren", {"thema": "corona"}).json()
    codes = {i["code"] for i in body["results"]}
    assert {"covid-positief-cumulatief", "rioolwater-rna", "ic-opnames-bewezen"} <= codes
    assert all(i["thema"] == "corona" for i in body["results"])
    detail = client.get("/api/v1/indicatoren/werkloosheid").json()
    assert detail["synthetisch"] is True and detail["hogerIsBeter"] is False


def test_unknown_theme_is_a_problem(client, demo_data):
    response = client.get("/api/v1/indicatoren", {"thema": "sport"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_observations_filter_and_paginate(client, demo_data):
    query = {"indicator": "covid-positief-cumulatief", "gebied": "GM0363", "pageSize": 10}
    body = client.get("/api/v1/waarnemingen", query).json()
    assert body["count"] == 187 and len(body["results"]) == 10
    assert body["results"][0]["periode"] == "2020-03-13"
    day = client.get("/api/v1/waarnemingen", {**query, "periode": "2020-09-15", "indeling": "bron"}).json()
    assert [r["waarde"] for r in day["results"]] == [8260.0]


def test_observations_as_csv(client, demo_data):
    response = client.get(
        "/api/v1/waarnemingen",
        {"indicator": "inwoners", "periode": "2020", "pageSize": 500},
        HTTP_ACCEPT="text/csv",
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))
    assert len(rows) == 342  # today's gemeenten, with herindelingen applied
    assert {r["gebied"] for r in rows} >= {"GM0363", "GM1979"}


def test_bad_period_is_a_problem_even_for_csv(client, demo_data):
    response = client.get("/api/v1/waarnemingen", {"periode": "gisteren"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "periode"


def test_profile_of_a_gemeente(client, demo_data):
    body = client.get("/api/v1/gemeenten/GM0363/profiel", {"peergroep": "provincie"}).json()
    assert body["naam"] == "Amsterdam" and body["huidigeIndeling"] is True
    themes = {t["thema"]: t["indicatoren"] for t in body["themas"]}
    inhabitants = next(i for i in themes["Bevolking"] if i["indicator"] == "inwoners")
    assert inhabitants["positie"] == 1 and inhabitants["aantalGemeenten"] == 342
    assert inhabitants["nederland"] == pytest.approx(17_407_585, rel=0.001)


def test_profile_of_one_theme(client, demo_data):
    body = client.get("/api/v1/gemeenten/GM0363/profiel", {"thema": "corona"}).json()
    assert [t["thema"] for t in body["themas"]] == ["Corona"] and body["themas"][0]["indicatoren"]
    response = client.get("/api/v1/gemeenten/GM0363/profiel", {"thema": "sport"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "thema"


def test_profile_of_an_unknown_gemeente_is_404(client, demo_data):
    response = client.get("/api/v1/gemeenten/GM9999/profiel")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
