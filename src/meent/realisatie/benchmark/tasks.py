import base64

from django_scopes import scopes_disabled
from django_tasks import task

from meent.realisatie.benchmark import services


@task()
def import_upload(kind: str, content_b64: str, filename: str, table: str, theme: str, user_id: int | None) -> int:
    """Run an uploaded import in the background; the import log shows the outcome. Returns the log's id."""
    from meent.leden.models import Account

    user = Account.objects.filter(pk=user_id).first() if user_id else None
    with scopes_disabled():
        log = services.run_import(
            kind, base64.b64decode(content_b64), filename=filename, table=table, theme=theme, user=user
        )
    return log.pk
