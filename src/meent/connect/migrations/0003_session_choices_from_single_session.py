"""Each registration that held one session gets that session as its one session choice, with the place it had:
in the session when the registration held a seat (the session's counter already counted it), waiting when the
registration waited, cancelled with it."""

from django.db import migrations

STATUS = {"aangemeld": "aangemeld", "aanwezig": "aangemeld", "wachtlijst": "wachtlijst", "geannuleerd": "geannuleerd"}


def forwards(apps, schema_editor):
    Registration = apps.get_model("connect", "Registration")
    SessionChoice = apps.get_model("connect", "SessionChoice")
    rows = Registration.objects.filter(session__isnull=False).values_list(
        "pk", "session_id", "status", "created_at", "promoted_at", "cancelled_at"
    )
    SessionChoice.objects.bulk_create(
        [
            SessionChoice(
                registration_id=pk,
                session_id=session_id,
                status=STATUS[status],
                created_at=created_at,
                promoted_at=promoted_at,
                cancelled_at=cancelled_at,
            )
            for pk, session_id, status, created_at, promoted_at, cancelled_at in rows.iterator()
        ],
        batch_size=1000,
    )


def backwards(apps, schema_editor):
    """Back to one session per registration, preferably one whose choice held a place in it."""
    Registration = apps.get_model("connect", "Registration")
    SessionChoice = apps.get_model("connect", "SessionChoice")
    for choice in SessionChoice.objects.order_by("registration_id", "status", "pk").iterator():
        Registration.objects.filter(pk=choice.registration_id, session__isnull=True).update(session_id=choice.session_id)


class Migration(migrations.Migration):
    dependencies = [("connect", "0002_session_choices")]

    operations = [migrations.RunPython(forwards, backwards)]
