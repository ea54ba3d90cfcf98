from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from meent.core.audit import register
from meent.leden.models import (
    Account,
    ApiToken,
    Gemeente,
    MachineClient,
    Membership,
    Organisation,
    Person,
    Population,
    RoleChangeRequest,
    Succession,
)

register(Gemeente)
register(Succession)
register(Population)
register(Organisation)
register(Person)
register(Membership)
# Roles are groups: their changes are logged with before/after through the many-to-many fields.
register(Account, exclude_fields=["password", "last_login"], m2m_fields={"groups", "user_permissions"})
register(Group, m2m_fields={"permissions"})
register(RoleChangeRequest)
register(MachineClient)
register(ApiToken, exclude_fields=["key_hash"])
# Second-factor devices: who added, confirmed or removed one, never their secrets or throttling counters.
_OTP_INTERNALS = ["key", "throttling_failure_timestamp", "throttling_failure_count", "last_t", "drift"]
register(TOTPDevice, exclude_fields=_OTP_INTERNALS)
register(StaticDevice, exclude_fields=["throttling_failure_timestamp", "throttling_failure_count"])
register(StaticToken, exclude_fields=["token"])
