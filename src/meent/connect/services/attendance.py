"""Attendance: set by organisers one by one or imported from a list of addresses."""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from meent.connect.models import (
    Event,
    Registration,
)
from meent.connect.services.refusals import ChangeRefused
from meent.core.refusals import ImportRefused


@transaction.atomic
def set_attendance(registration: Registration, *, attended: bool) -> Registration:
    """Check-in at the door (or undo it); only registrations holding a seat can attend."""
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if not locked.holds_seat:
        raise ChangeRefused(_("Alleen aangemelde deelnemers kunnen aanwezig worden gemeld."))
    locked.status = Registration.Status.AANWEZIG if attended else Registration.Status.AANGEMELD
    locked.save(update_fields=["status"])
    return locked


ATTENDANCE_EMAIL_COLUMNS = ("e-mailadres", "email", "e-mail")


def import_attendance(event: Event, text: str) -> int:
    """Mark the registrants listed in a CSV (a column ``e-mailadres``; comma or semicolon separated) as attended.
    All or nothing: any bad line refuses the whole file. Returns the number of registrations marked."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportRefused([_("Het bestand is leeg.")])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    column = next((columns[c] for c in ATTENDANCE_EMAIL_COLUMNS if c in columns), None)
    if column is None:
        raise ImportRefused([_("De kolom 'e-mailadres' ontbreekt in de eerste regel.")])
    registrations = {
        r.email: r for r in Registration.objects.filter(event=event).exclude(status=Registration.Status.GEANNULEERD)
    }
    errors: list[str] = []
    marked: dict[str, Registration] = {}
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportRefused(
            [_("Regel %(line)d: het bestand is geen geldige CSV.") % {"line": reader.line_num}]
        ) from exc
    for line_number, row in rows:
        email = (row.get(column) or "").strip().lower()
        if not email:
            errors.append(_("Regel %(line)d: het e-mailadres is leeg.") % {"line": line_number})
            continue
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("Regel %(line)d: '%(email)s' is geen geldig e-mailadres.") % {"line": line_number, "email": email}
            )
            continue
        registration = registrations.get(email)
        if registration is None:
            errors.append(
                _("Regel %(line)d: %(email)s is niet aangemeld voor dit evenement.")
                % {"line": line_number, "email": email}
            )
        elif registration.status == Registration.Status.WACHTLIJST:
            errors.append(
                _("Regel %(line)d: %(email)s staat op de wachtlijst en had geen plaats.")
                % {"line": line_number, "email": email}
            )
        else:
            marked[email] = registration
    if errors:
        raise ImportRefused(errors)
    if not marked:
        raise ImportRefused([_("Het bestand bevat geen deelnemers.")])
    with transaction.atomic():
        Registration.objects.filter(pk__in=[r.pk for r in marked.values()]).update(status=Registration.Status.AANWEZIG)
    return len(marked)
