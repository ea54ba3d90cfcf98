"""The demo's 2020 and 2021 reports, rendered as web page and PDF: every seed figure in scope shows its seed
value, computed from the demo records."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from meent.conftest import shared_by_the_module
from meent.core.demo import load_demo
from meent.jaarverslag.models import Publication, Report

# (what the 2020 seed pages print, as the report writes it)
SEED_2020 = [
    "107",  # congresses
    "99",  # of which digital
    "28",  # cancelled
    "40",  # webinars
    "800",  # Dag van de Stad
    "7,7",
    "2.300",  # Voor de Jeugd Dag
    "8,2",
    "51",
    "1.200",  # Dag van Zorg en Veiligheid
    "7,8",
    "24",
    "1.194",  # Cyber
    "11",
    "321",  # Juridische 2-daagse
    "30",
    "230",  # training days
    "67",
    "163",
    "256",  # rescheduled more than once
    "70",  # cancelled for good
    "27,5%",  # growth in assignments
    "175",  # IBD incidents
    "25",  # veiligheidsregio's
]
TOP_CONGRESSES = [
    "Congres Aardgasvrije wijken",
    "Voor de Jeugd Dag 2020",
    "Webinars Cyber",
    "Dag van de Stad 2020",
    "Juridische 2-daagse",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with shared_by_the_module(django_db_blocker):
        load_demo()
        yield


def _cards(html: str) -> list[str]:
    return re.findall(r'<p class="meent-kaart__getal"><a[^>]*>([^<]+)</a>', html)


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.django_db
def test_2020_is_published_and_2021_a_draft(demo):
    assert Report.objects.get(year=2020).publications.count() == 1
    assert not Publication.objects.filter(report__year=2021).exists()


@pytest.mark.django_db
def test_the_2020_web_page_shows_every_seed_figure_computed(demo, client):
    html = client.get("/jaarverslag/2020/").content.decode()
    cards = _cards(html)
    for value in ("107", "99", "28", "40", "800", "7,7", "2.300", "8,2", "51", "1.200", "7,8", "24", "1.194"):
        assert value in cards, value
    for value in ("11", "321", "30", "8", "230", "256", "70", "175", "25"):
        assert value in cards, value
    # the cyber programme's one exercise, on its own card
    assert '>1</a></p><p class="meent-kaart__tekst">overheidsbrede cyberoefening</p>' in html
    for text in ("67</a> fysiek", "163</a> online", "van <a", "40</a> naar", "51</a>, en", "27,5%", ">1</a> keer"):
        assert text in html, text
    positions = [html.index(title) for title in TOP_CONGRESSES]
    assert positions == sorted(positions)  # the top 5 in the seed's order
    assert "<svg" in html and "<table" in html
    assert "geen gegevens" not in html.split("hoofdstuk-leden")[1]


@pytest.mark.django_db
def test_the_2020_pdf_shows_every_seed_figure(demo, client):
    response = client.get("/jaarverslag/2020/pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for value in SEED_2020:
        assert value in text, value
    assert re.search(r"(?<!\d)1\s+overheidsbrede cyberoefening", text)  # Cyber's one exercise, on its card
    for title in [*TOP_CONGRESSES, "Inhoud", "VNG Connect", "Informatiebeveiligingsdienst"]:
        assert title in text, title
    assert "/StructTreeRoot" in PdfReader(io.BytesIO(response.content)).trailer["/Root"]  # tagged (PDF/UA)


@pytest.mark.django_db
def test_the_2021_draft_renders_for_staff_only(demo, client, login, make_account):
    from meent.core.roles import Role

    assert client.get("/jaarverslag/2021/").status_code == 302  # anonymous: log in first
    login(make_account(Role.COMMUNICATIE, username="cato-test"))
    html = client.get("/jaarverslag/2021/").content.decode()
    assert ("Concept" in html and "352" in _cards(html)) or "352" in html  # gemeenten on 1 January 2021
    assert "25" in _cards(html)
    text = _pdf_text(client.get("/jaarverslag/2021/pdf").content)
    assert "352" in text and "Concept" in text


@pytest.mark.django_db
def test_the_english_page_uses_english_notation(demo, client):
    with translation.override("en"):
        html = client.get("/jaarverslag/2020/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2,300" in _cards(html) and "7.7" in _cards(html) and "congresses" in html
