"""Writes to the members registry: reference data, the CBS importer, organisations and accounts."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction

from meent.core.refusals import ImportRefused
from meent.core.roles import Role
from meent.leden import reference
from meent.leden.models import (
    Account,
    Gemeente,
    Membership,
    Organisation,
    Person,
    Population,
    Province,
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
