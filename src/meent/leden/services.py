"""Writes to the members registry: reference data, the CBS importer, organisations and accounts."""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from meent.core.audit import log_read
from meent.core.refusals import ImportRefused
from meent.core.roles import Role
from meent.leden import reference
from meent.leden.models import (
    Account,
    ApiModule,
    ApiToken,
    Gemeente,
    MachineClient,
    Membership,
    Organisation,
    Person,
    Population,
    Province,
    RoleChangeRequest,
    Succession,
    Veiligheidsregio,
)


@dataclass
class GemeentenImportReport:
    created: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_file: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{len(self.created)} nieuw",
            f"{len(self.renamed)} hernoemd",
            f"{len(self.moved)} van provincie gewisseld",
            f"{self.unchanged} ongewijzigd",
        ]
        text = ", ".join(parts)
        if self.not_in_file:
            text += f"; {len(self.not_in_file)} huidige gemeenten staan niet in het bestand: " + ", ".join(
                self.not_in_file[:10]
            )
        return text


def ensure_roles() -> None:
    for role in Role:
        Group.objects.get_or_create(name=role.value)


@transaction.atomic
def import_gemeenten(text: str, *, valid_from: datetime.date | None = None) -> GemeentenImportReport:
    """Import a CBS "Gemeenten alfabetisch" CSV: all rows or none.

    New codes are created (valid from ``valid_from``), changed names and provinces are updated. Gemeenten the
    registry knows as current but the file lacks are reported, not ended: ending one is a herindeling.
    """
    try:
        rows, aliases = reference.parse_cbs_gemeenten(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ImportRefused(f"Niets geïmporteerd: {exc}.") from exc
    report = GemeentenImportReport()
    provinces = {p.code: p for p in Province.objects.all()}
    existing = {g.code: g for g in Gemeente.objects.select_related("province")}
    for row in rows:
        province = provinces.get(row.province_code)
        if province is None:
            province, _ = Province.objects.get_or_create(code=row.province_code, defaults={"name": row.province_name})
            provinces[row.province_code] = province
        alias_text = ", ".join(aliases.get(row.code, []))
        gemeente = existing.get(row.code)
        if gemeente is None:
            gemeente = Gemeente.objects.create(
                code=row.code, name=row.name, province=province, aliases=alias_text, valid_from=valid_from
            )
            report.created.append(row.code)
            ensure_gemeente_organisation(gemeente)
            continue
        changed = False
        if gemeente.name != row.name:
            report.renamed.append(f"{row.code} {gemeente.name} → {row.name}")
            gemeente.name = row.name
            changed = True
        if gemeente.province_id != province.id:
            report.moved.append(row.code)
            gemeente.province = province
            changed = True
        if alias_text and gemeente.aliases != alias_text:
            gemeente.aliases = alias_text
            changed = True
        if changed:
            gemeente.save()
        else:
            report.unchanged += 1
    in_file = {row.code for row in rows}
    report.not_in_file = sorted(
        code
        for code, g in existing.items()
        if g.valid_until is None and g.kind == Gemeente.Kind.GEMEENTE and code not in in_file
    )
    return report


def ensure_gemeente_organisation(gemeente: Gemeente) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        gemeente=gemeente,
        defaults={
            "name": f"Gemeente {gemeente.name}" if gemeente.kind == Gemeente.Kind.GEMEENTE else gemeente.name,
            "kind": Organisation.Kind.GEMEENTE,
        },
    )
    return organisation


@transaction.atomic
def load_reference_data() -> None:
    """Load provinces, veiligheidsregio's, every gemeente since 2020 with its herindelingen, inhabitants and
    the Caribbean public bodies from the shipped files. Idempotent: running it again changes nothing."""
    ensure_roles()
    report = import_gemeenten(reference.read_text("gemeenten-2020.csv.gz"))
    del report  # the 2020 list is the base; the herindelingen below move it forward

    for row in reference.rows("veiligheidsregios.csv.gz"):
        Veiligheidsregio.objects.update_or_create(
            code=row["veiligheidsregiocode"],
            defaults={"name": row["veiligheidsregionaam"], "inhabitants_reference": int(row["inwoners"])},
        )

    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    for step in reference.herindelingen():
        old = gemeenten[step.old_code]
        new = gemeenten.get(step.new_code)
        if new is None:
            new = Gemeente.objects.create(
                code=step.new_code, name=step.new_name, province=old.province, valid_from=step.effective_date
            )
            gemeenten[new.code] = new
        if old.valid_until != step.effective_date:
            old.valid_until = step.effective_date
            old.save(update_fields=["valid_until"])
        Succession.objects.update_or_create(
            predecessor=old, successor=new, defaults={"effective_date": step.effective_date, "kind": step.kind}
        )

    for code, label in reference.gemeenten_2025().items():
        gemeente = gemeenten[code]
        if label != gemeente.name and gemeente.cbs_label != label:
            gemeente.cbs_label = label
            gemeente.save(update_fields=["cbs_label"])

    regions = {r.code: r for r in Veiligheidsregio.objects.all()}
    for row in reference.rows("veiligheidsregio-gemeenten.csv"):
        gemeente = gemeenten[row["gemeentecode"]]
        region = regions[row["veiligheidsregiocode"]]
        if gemeente.veiligheidsregio_id != region.id:
            gemeente.veiligheidsregio = region
            gemeente.save(update_fields=["veiligheidsregio"])

    for code, inhabitants in reference.inhabitants_2020().items():
        Population.objects.update_or_create(gemeente=gemeenten[code], year=2020, defaults={"inhabitants": inhabitants})

    for row in reference.rows("openbare-lichamen.csv"):
        Gemeente.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["naam"],
                "kind": Gemeente.Kind.OPENBAAR_LICHAAM,
                "valid_from": datetime.date.fromisoformat(row["geldig_van"]),
            },
        )

    for gemeente in Gemeente.objects.all():
        ensure_gemeente_organisation(gemeente)


def create_organisation(*, name: str, kind: str, country: str = "NL", website: str = "") -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=name, kind=kind, country=country.upper(), defaults={"website": website}
    )
    return organisation


def add_membership(*, person: Person, organisation: Organisation, role: str) -> Membership:
    membership, _ = Membership.unscoped.get_or_create(person=person, organisation=organisation, role=role)
    return membership


def hold_role(
    *, person: Person, organisation: Organisation, role: str, start: datetime.date, ends: Membership | None = None
) -> Membership:
    """``person`` holds ``role`` at ``organisation`` from ``start``; ``ends`` (the previous holder's membership, if
    any) ends the day before. The ended membership stays in the registry: the history of who held the role."""
    if ends is not None and ends.person_id != person.pk and ends.end_date is None:
        ends.end_date = max(start - datetime.timedelta(days=1), ends.start_date or datetime.date.min)
        ends.save(update_fields=["end_date"])
    membership, created = Membership.unscoped.get_or_create(
        person=person, organisation=organisation, role=role, defaults={"start_date": start}
    )
    if not created and membership.end_date is not None:
        membership.end_date = None  # one row per person and role: holding it again reopens it
        membership.save(update_fields=["end_date"])
    return membership


def create_account(
    *,
    username: str,
    password: str,
    organisation: Organisation,
    roles: list[Role],
    person: Person | None = None,
    email: str = "",
) -> Account:
    """Create or update an account with exactly these roles. Staff of the association get admin-site access
    only through the BESTUUR role."""
    ensure_roles()
    account, _ = Account.objects.get_or_create(username=username)
    account.organisation = organisation
    account.person = person
    account.email = email or (person.email if person else "")
    if person:
        account.first_name, account.last_name = person.first_name, person.last_name
    account.is_staff = Role.BESTUUR in roles
    account.is_superuser = False
    account.set_password(password)
    account.save()
    account.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return account


# --- Machine clients and their API keys ---------------------------------------------------------------------

TOKEN_PREFIX_LENGTH = 8
DEFAULT_TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 366


class TokenRefused(Exception):
    """An API key that does not (or no longer) open this request; ``status`` is 401 or 403."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _hash_key(key: str) -> str:
    # The key is 40 random bytes, so a plain SHA-256 cannot be brute-forced; no slow password hash is needed.
    return hashlib.sha256(key.encode()).hexdigest()


def _may_act_for(by: Account | None, account: Account) -> None:
    """On the web a client is only ever made for one's own account (else an administrator could act as an IBD
    analyst); ``by=None`` is the operator on the server (``meent token``)."""
    if by is not None and by.pk != account.pk:
        raise ValueError("een machineclient handelt alleen namens het eigen account van wie hem aanmaakt")


def create_machine_client(
    *, by: Account | None, name: str, account: Account, modules: list[str], can_write: bool = False
) -> MachineClient:
    """A named client acting for ``account``: read-only unless ``can_write``, only in ``modules``."""
    _may_act_for(by, account)
    name = name.strip()
    if not name:
        raise ValueError("een machineclient heeft een naam nodig")
    unknown = sorted(set(modules) - set(ApiModule.values))
    if unknown or not modules:
        raise ValueError(
            f"onbekende module(s) {', '.join(unknown)}; kies uit {', '.join(ApiModule.values)}"
            if unknown
            else f"kies minstens één module uit {', '.join(ApiModule.values)}"
        )
    if MachineClient.objects.filter(name=name).exists():
        raise ValueError(f"er bestaat al een machineclient met de naam {name!r}")
    return MachineClient.objects.create(name=name, account=account, modules=sorted(set(modules)), can_write=can_write)


def issue_token(client: MachineClient, *, by: Account | None, days: int = DEFAULT_TOKEN_DAYS) -> tuple[ApiToken, str]:
    """A new key for ``client``; the key is returned only here and never stored."""
    _may_act_for(by, client.account)
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValueError(f"de geldigheid is 1 tot en met {MAX_TOKEN_DAYS} dagen, niet {days}")
    prefix = secrets.token_hex(TOKEN_PREFIX_LENGTH // 2)
    key = f"{prefix}.{secrets.token_urlsafe(40)}"
    token = ApiToken.objects.create(
        client=client,
        prefix=prefix,
        key_hash=_hash_key(key),
        created_by=by,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token, key


def revoke_token(token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def authenticate_token(key: str, *, method: str, module: str | None) -> ApiToken:
    """The token of ``key`` if it may make this request: known, not expired or revoked, its account active, the
    API module within its scopes and a write only with the write scope. Every accepted use is logged."""
    prefix, _, _secret = key.partition(".")
    token = ApiToken.objects.select_related("client__account").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.key_hash, _hash_key(key)):
        raise TokenRefused(401, "Deze API-sleutel is ongeldig.")
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRefused(401, "Deze API-sleutel is ingetrokken.")
    if token.expires_at <= now:
        raise TokenRefused(401, "Deze API-sleutel is verlopen.")
    account = token.client.account
    if not account.is_active:
        raise TokenRefused(401, "Het account van deze API-sleutel is niet actief.")
    if module is not None and module not in token.client.modules:
        raise TokenRefused(403, "Deze API-sleutel geeft geen toegang tot dit deel van de API.")
    if method.upper() not in ("GET", "HEAD", "OPTIONS") and not token.client.can_write:
        raise TokenRefused(403, "Deze API-sleutel mag alleen lezen.")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    log_read(account, token)
    return token


# --- Roles: the four-eyes rule -------------------------------------------------------------------------------


class RoleChangeRefused(Exception):
    """A role change that the four-eyes rule does not allow; the message is one Dutch sentence. ``change`` is
    the stored refused request, when the attempt itself is recorded."""

    def __init__(self, message: str, change: RoleChangeRequest | None = None) -> None:
        super().__init__(message)
        self.change = change


def _can_administer_roles(user: Account) -> bool:
    return user.is_active and user.has_role(Role.BESTUUR)


def request_role_change(*, by: Account, account: Account, roles: list[str], reason: str) -> RoleChangeRequest:
    """Ask for ``account`` to hold exactly ``roles``; a second administrator decides. A request for one's own
    roles is stored as refused (so the attempt is in the audit trail) and raises :class:`RoleChangeRefused`."""
    unknown = sorted(set(roles) - set(Role.values))
    if unknown:
        raise RoleChangeRefused(f"Onbekende rol: {', '.join(unknown)}.")
    if not reason.strip():
        raise RoleChangeRefused("Geef een reden voor de wijziging.")
    if not _can_administer_roles(by):
        raise RoleChangeRefused("Alleen bestuur en beheer mag rolwijzigingen aanvragen.")
    status = RoleChangeRequest.Status.REFUSED if by.pk == account.pk else RoleChangeRequest.Status.PENDING
    change = RoleChangeRequest.objects.create(
        account=account, roles=sorted(set(roles)), reason=reason.strip(), requested_by=by, status=status
    )
    if status == RoleChangeRequest.Status.REFUSED:
        # The stored refusal is the audit of the attempt: callers catch this and commit.
        raise RoleChangeRefused(
            "U kunt geen wijziging van uw eigen rollen aanvragen; een andere beheerder moet dat doen.", change
        )
    return change


def _decide(change: RoleChangeRequest, by: Account) -> None:
    if change.status != RoleChangeRequest.Status.PENDING:
        raise RoleChangeRefused("Over deze rolwijziging is al beslist.")
    if not _can_administer_roles(by):
        raise RoleChangeRefused("Alleen bestuur en beheer mag rolwijzigingen beoordelen.")
    if by.pk in (change.requested_by_id, change.account_id):
        raise RoleChangeRefused(
            "Een tweede beheerder moet deze rolwijziging beoordelen, niet de aanvrager of het account zelf."
        )


@transaction.atomic
def approve_role_change(change: RoleChangeRequest, *, by: Account) -> RoleChangeRequest:
    change = RoleChangeRequest.objects.select_for_update().get(pk=change.pk)
    _decide(change, by)
    account = change.account
    account.groups.set(Group.objects.filter(name__in=change.roles))  # audited through Account's m2m_fields
    is_staff = Role.BESTUUR.value in change.roles
    if account.is_staff != is_staff:
        account.is_staff = is_staff
        account.save(update_fields=["is_staff"])
    change.status, change.decided_by, change.decided_at = RoleChangeRequest.Status.APPROVED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    return change


@transaction.atomic
def reject_role_change(change: RoleChangeRequest, *, by: Account) -> RoleChangeRequest:
    change = RoleChangeRequest.objects.select_for_update().get(pk=change.pk)
    _decide(change, by)
    change.status, change.decided_by, change.decided_at = RoleChangeRequest.Status.REJECTED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    return change


# --- Second factor -------------------------------------------------------------------------------------------


class SecondFactorRefused(Exception):
    """The second factor stays on; the message is one Dutch sentence."""


@transaction.atomic
def disable_second_factor(user: Account, *, password: str, code: str) -> int:
    """Remove the user's own second-factor devices, only with their current password and a current code (a
    session left open on a shared screen is not enough). Returns the number of devices removed (audited)."""
    from django_otp import devices_for_user, match_token

    if not user.check_password(password):
        raise SecondFactorRefused("Het wachtwoord klopt niet.")
    if match_token(user, code.strip()) is None:
        raise SecondFactorRefused("De code klopt niet of is verlopen.")
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)
