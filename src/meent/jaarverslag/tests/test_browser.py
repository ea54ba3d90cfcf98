"""The report and its editor in Chromium: the published page and the editor's pages without serious or critical
accessibility violations (axe-core); an editor writes a block, sees the live preview and saves it."""

import pytest

from meent.core.demo import load_accounts
from meent.core.testing import log_in, serious_violations
from meent.jaarverslag import services
from meent.jaarverslag.models import Block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def report():
    load_accounts()
    report = services.create_report(2020)
    services.publish(report, by=None)
    return report


def test_the_published_report_is_accessible(report, page, live_server):
    page.goto(f"{live_server.url}/jaarverslag/2020/")
    assert page.get_by_role("heading", level=1, name="Jaarverslag 2020").is_visible()
    assert page.get_by_text("geen gegevens").first.is_visible()  # no demo records here: never 0
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_an_editor_writes_a_block_with_live_preview(report, page, live_server):
    block = Block.objects.filter(chapter__report=report, chapter__key="ibd").first()
    log_in(page, live_server.url, "communicatie")
    page.goto(f"{live_server.url}/jaarverslag/2020/bewerken/")
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/jaarverslag/2020/hoofdstukken/ibd/blokken/{block.pk}/")
    assert serious_violations(page) == []
    page.fill("[name=body]", "**Nieuw** in {{ leden.gemeenten }} gemeenten")
    page.locator("#voorbeeld strong", has_text="Nieuw").wait_for()
    assert "355" in page.locator("#voorbeeld").inner_text()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/jaarverslag/2020/bewerken/**")
    block.refresh_from_db()
    assert block.body.startswith("**Nieuw**")
    assert serious_violations(page) == []
