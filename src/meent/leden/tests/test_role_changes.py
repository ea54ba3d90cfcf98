"""F2: no role grants itself more. Roles change through a request a second administrator approves; superuser
status cannot be set from the web; second-factor secrets and API keys never show; all of it is audited."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from meent.core.roles import Role
from meent.leden import services
from meent.leden.models import Account, RoleChangeRequest

pytestmark = pytest.mark.django_db


def _request(client, account, roles, reason="Nieuwe taak"):
    return client.post(
        "/admin/leden/rolechangerequest/add/",
        {"account": account.pk, "roles": roles, "reason": reason},
        follow=True,
    )


def _decide(client, change, action):
    return client.post(
        "/admin/leden/rolechangerequest/",
        {"action": action, "_selected_action": [change.pk]},
        follow=True,
    )


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_own_role_change_is_refused_and_audited(client, make_account, login):
    bestuur = make_account(Role.BESTUUR)
    login(bestuur)
    response = _request(client, bestuur, ["bestuur", "ibd-analist"])
    assert "eigen rollen" in _messages(response)
    assert bestuur.groups.filter(name="ibd-analist").count() == 0
    refused = RoleChangeRequest.objects.get(account=bestuur)
    assert refused.status == RoleChangeRequest.Status.REFUSED and refused.requested_by == bestuur
    entry = LogEntry.objects.get_for_object(refused).get(action=LogEntry.Action.CREATE)
    assert entry.actor == bestuur and "refused" in str(entry.changes)


def test_a_second_administrator_approves_and_the_change_is_audited(client, make_account, login):
    first, second = make_account(Role.BESTUUR), make_account(Role.BESTUUR)
    analyst = make_account(Role.CONNECT)
    login(first)
    assert "tweede beheerder" in _messages(_request(client, analyst, ["connect", "ibd-analist"]))
    change = RoleChangeRequest.objects.get(account=analyst)
    assert change.status == RoleChangeRequest.Status.PENDING
    assert set(analyst.groups.values_list("name", flat=True)) == {"connect"}
    # The requester cannot approve their own request.
    assert "tweede beheerder" in _messages(_decide(client, change, "approve"))
    change.refresh_from_db()
    assert change.status == RoleChangeRequest.Status.PENDING

    client.logout()
    login(second)
    page = client.get("/admin/leden/rolechangerequest/").content.decode()
    assert "Nieuwe taak" in page and first.username in page
    _decide(client, change, "approve")
    change.refresh_from_db()
    assert change.status == RoleChangeRequest.Status.APPROVED and change.decided_by == second
    assert set(analyst.groups.values_list("name", flat=True)) == {"connect", "ibd-analist"}
    entries = LogEntry.objects.get_for_object(analyst).filter(actor=second)
    groups_change = next(e for e in entries if "groups" in (e.changes or {}))
    assert groups_change.changes["groups"]["objects"] == ["ibd-analist"]


def test_no_one_approves_a_change_to_their_own_roles(make_account):
    first, second = make_account(Role.BESTUUR), make_account(Role.BESTUUR)
    change = services.request_role_change(by=first, account=second, roles=["bestuur", "ibd-analist"], reason="x")
    with pytest.raises(services.RoleChangeRefused):
        services.approve_role_change(change, by=second)
    with pytest.raises(services.RoleChangeRefused):
        services.approve_role_change(change, by=make_account(Role.CONNECT))
    services.reject_role_change(change, by=make_account(Role.BESTUUR))
    assert not second.groups.filter(name="ibd-analist").exists()


def test_superuser_and_roles_cannot_be_set_on_the_account_page(client, make_account, login):
    bestuur = make_account(Role.BESTUUR)
    login(bestuur)
    url = f"/admin/leden/account/{bestuur.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page and 'name="groups"' not in page
    response = client.post(
        url,
        {
            "username": bestuur.username,
            "first_name": "Bea",
            "last_name": "",
            "email": "",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name="ibd-analist").pk],
            "user_permissions": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    bestuur = Account.objects.get(pk=bestuur.pk)
    assert bestuur.first_name == "Bea"
    assert not bestuur.is_superuser
    assert not bestuur.groups.filter(name="ibd-analist").exists()


def test_second_factor_secrets_are_never_shown_and_device_changes_are_audited(client, make_account, login):
    root = make_account(Role.BESTUUR)
    Account.objects.filter(pk=root.pk).update(is_superuser=True)
    root.refresh_from_db()
    other = make_account(Role.IBD_ANALIST)
    device = TOTPDevice.objects.create(user=other, name="telefoon", key="3132333435363738393031323334353637383930")
    static = StaticDevice.objects.create(user=other, name="reserve")
    StaticToken.objects.create(device=static, token="geheimcode1")
    login(root)
    for url in (
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/",
        "/admin/otp_static/staticdevice/",
        f"/admin/otp_static/staticdevice/{static.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert device.key not in body and "geheimcode1" not in body and "qrcode" not in body, url
    assert client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    created = LogEntry.objects.get_for_object(device).get(action=LogEntry.Action.CREATE)
    assert "telefoon" in str(created.changes) and device.key not in str(created.changes)
    assert "geheimcode1" not in str(LogEntry.objects.filter(object_repr__contains="geheim").values_list("changes"))


def test_admin_index_lists_what_bestuur_may_manage(client, make_account, login):
    login(make_account(Role.BESTUUR))
    page = client.get("/admin/").content.decode()
    assert "/admin/leden/account/" in page and "/admin/leden/rolechangerequest/" in page
    assert "/admin/leden/gemeente/" in page
    for model_url in ("/admin/leden/account/", "/admin/leden/gemeente/", "/admin/leden/rolechangerequest/"):
        assert client.get(model_url).status_code == 200
    assert "/admin/otp_totp/" not in page and "/admin/auth/group/" not in page
