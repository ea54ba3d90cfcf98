"""Joint procurement in Chromium: Realisatie imports a file through the form (first with a bad line, then a good
one), the pages have no serious accessibility violations (axe-core), and Amsterdam sees only its own."""

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.realisatie.inkoop.models import YearFigure
from meent.realisatie.inkoop.tests.factories import make_contract

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contract():
    load_accounts()
    return make_contract(title="Printers en multifunctionals")


def test_realisatie_imports_figures_through_the_form(contract, page, live_server, tmp_path):
    log_in(page, live_server.url, "realisatie")
    page.goto(f"{live_server.url}/inkoop/contracten/nieuw/")
    assert serious_violations(page) == []
    page.get_by_label("Titel").fill("Mobiele telefonie 2026")
    page.get_by_label("Leverancier").fill("Belt B.V.")
    page.get_by_label("Ingangsdatum").fill("2026-01-01")
    page.get_by_role("button", name="Toevoegen").click()
    page.wait_for_url("**/inkoop/contracten/INK-2026-0001/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mobiele telefonie 2026"

    page.goto(f"{live_server.url}/inkoop/importeren/")
    assert serious_violations(page) == []
    bad = tmp_path / "fout.csv"
    bad.write_text(
        f"contract;gemeente;jaar;basiskosten;contractkosten\n{contract.number};GM0363;2020;120000;90000\n"
        f"{contract.number};GM9999;2020;1;1\n",
        encoding="utf-8",
    )
    page.set_input_files("input[name=bestand]", str(bad))
    page.get_by_role("button", name="Importeren").click()
    error = page.locator("#id_bestand_error")
    assert error.is_visible() and "Regel 3: onbekende gemeente 'GM9999'" in error.inner_text()
    assert serious_violations(page) == []
    assert not YearFigure.unscoped.exists()

    good = tmp_path / "goed.csv"
    good.write_text(
        f"contract;gemeente;jaar;basiskosten;contractkosten\n{contract.number};GM0363;2020;120000;90000\n"
        f"{contract.number};GM0344;2020;80.000,00;60.000,00\n",
        encoding="utf-8",
    )
    page.set_input_files("input[name=bestand]", str(good))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url(f"{live_server.url}/inkoop/")
    assert page.get_by_text("2 jaarcijfers toegevoegd", exact=False).is_visible()
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/inkoop/contracten/{contract.number}/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert serious_violations(page) == []

    page.context.clear_cookies()
    log_in(page, live_server.url, "amsterdam")
    page.goto(f"{live_server.url}/inkoop/contracten/{contract.number}/")
    assert page.get_by_text("Amsterdam", exact=False).first.is_visible()
    assert page.get_by_text("Utrecht").count() == 0
    assert serious_violations(page) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pages_fit_a_phone_in_both_languages(language, contract, browser, live_server):
    from django.conf import settings

    from meent.core.tests.test_layout_browser import CHECK_LAYOUT
    from meent.realisatie.inkoop import services

    services.import_figures(
        f"contract;gemeente;jaar;basiskosten;contractkosten\n{contract.number};GM0363;2020;1250000;937500\n"
        f"{contract.number};GM0344;2020;800000;600000\n{contract.number};GM0344;2021;810000;605000\n".encode(),
        filename="cijfers.csv",
        by=None,
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    log_in(page, live_server.url, "realisatie")  # the login page in Dutch, then the language of the test
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    for path in ("/inkoop/", f"/inkoop/contracten/{contract.number}/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.lang") == language
        assert page.locator("svg[role=img]").first.is_visible()
        problems = page.evaluate(CHECK_LAYOUT)
        page.set_viewport_size({"width": 360, "height": 740})
        problems += page.evaluate(CHECK_LAYOUT)
        page.set_viewport_size({"width": 390, "height": 844})
        assert problems + serious_violations(page) == [], path
    context.close()
