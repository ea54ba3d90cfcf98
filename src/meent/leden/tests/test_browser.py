"""The security forms of this slice, each submitted once in Chromium (with its Origin header and CSRF cookie):
a role-change request and its approval by a second administrator, a machine client and its key in the admin,
and switching off the second factor with password and code."""

import pytest
from django_otp.oath import totp

from meent.core.demo import DEMO_PASSWORD, DEMO_TOTP_KEY, load_accounts
from meent.core.testing import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_role_change_machine_key_and_second_factor_forms(page, live_server, browser):
    from django_scopes import scopes_disabled

    from meent.core.roles import Role
    from meent.leden import services
    from meent.leden.models import Account, ApiToken, RoleChangeRequest

    with scopes_disabled():
        load_accounts()
        association = Account.objects.get(username="bestuur").organisation
        services.create_account(
            username="bestuur2", password=DEMO_PASSWORD, organisation=association, roles=[Role.BESTUUR]
        )
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.create(user=Account.objects.get(username="bestuur2"), name="default", key=DEMO_TOTP_KEY)
    base = live_server.url
    log_in(page, base, "bestuur")

    page.goto(f"{base}/admin/leden/rolechangerequest/add/")
    connect_pk = Account.objects.get(username="connect").pk
    page.locator("select#id_account").evaluate(
        f"(s) => {{ s.add(new Option('connect', '{connect_pk}', true, true)); }}"
    )
    page.get_by_label("Analist IBD").check()
    page.get_by_label("Medewerker Connect").check()
    page.get_by_label("Reden").fill("Helpt de IBD tijdens de zomer")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    assert "tweede beheerder" in page.locator(".messagelist").inner_text()
    change = RoleChangeRequest.objects.get(account__username="connect")
    assert change.status == RoleChangeRequest.Status.PENDING

    page.goto(f"{base}/admin/leden/machineclient/add/")
    bestuur_pk = Account.objects.get(username="bestuur").pk
    page.get_by_label("Naam").fill("rapportage")
    page.locator("select#id_account").evaluate(
        f"(s) => {{ s.add(new Option('bestuur', '{bestuur_pk}', true, true)); }}"
    )
    page.get_by_label("Leden (gemeenten, organisaties)").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.goto(f"{base}/admin/leden/apitoken/add/")
    page.locator("select#id_client").select_option(label="rapportage")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    message = page.locator(".messagelist").inner_text()
    token = ApiToken.objects.get(client__name="rapportage")
    key = message.split()[-1]
    assert key.startswith(token.prefix) and services.authenticate_token(key, method="GET", module="leden") == token

    second = browser.new_context(locale="nl-NL").new_page()
    log_in(second, base, "bestuur2")
    second.goto(f"{base}/admin/leden/rolechangerequest/")
    second.locator("input[name=_selected_action]").first.check()
    second.locator("select[name=action]").select_option("approve")
    second.get_by_role("button", name="Uitvoeren").click()
    assert "goedgekeurd" in second.locator(".messagelist").inner_text()
    assert Account.objects.get(username="connect").groups.filter(name="ibd-analist").exists()
    second.context.close()

    page.goto(f"{base}/account/two_factor/disable/")
    assert serious_violations(page) == []
    page.get_by_label("Huidig wachtwoord").fill(DEMO_PASSWORD)
    # The next time step's code: the login above may have used this step's, and a code counts only once.
    page.get_by_label("Huidige code uit uw authenticator-app").fill(
        f"{totp(bytes.fromhex(DEMO_TOTP_KEY), drift=1):06d}"
    )
    page.get_by_role("button", name="Uitschakelen").click()
    page.wait_for_url(f"{base}/account/two_factor/")
    assert not TOTPDevice.objects.filter(user__username="bestuur").exists()


def test_login_page_offers_password_reset(page, live_server):
    page.goto(f"{live_server.url}/account/login/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.wait_for_url(f"{live_server.url}/account/password_reset/")
    assert page.locator("input[name=email]").is_visible()
