"""Programmes with a sounding board (klankbordgroep): the board's seats, its meetings and the decision list.
Naleving manages them; the board of the association reads them; a gemeente sees its own administrators' seats on
its 360° page. A seat's person is a person of the registry who holds the role *bestuurder* at the gemeente."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from meent.core.refusals import Refused
from meent.leden import services as leden
from meent.leden.models import Account, Gemeente, Membership, Person
from meent.naleving.models import BoardMember, Decision, Meeting, Programme


def programmes() -> QuerySet:
    return Programme.objects.annotate(
        member_count=Count("board", distinct=True), meeting_count=Count("meetings", distinct=True)
    ).order_by("-start", "title")


def programme(pk: int) -> Programme | None:
    return programmes().filter(pk=pk).first()


def board(programme: Programme) -> list[BoardMember]:
    return list(programme.board.select_related("person", "gemeente"))


def meetings(programme: Programme) -> list[Meeting]:
    return list(programme.meetings.prefetch_related("decisions").order_by("date"))


def seats_of(gemeente: Gemeente) -> list[BoardMember]:
    """The sounding-board seats of ``gemeente``'s administrators, for its 360° page."""
    return list(BoardMember.objects.filter(gemeente=gemeente).select_related("programme", "person"))


@transaction.atomic
def create_programme(*, title: str, start: datetime.date, description: str = "", by: Account | None) -> Programme:
    if Programme.objects.filter(title__iexact=title.strip()).exists():
        raise Refused(_("Er is al een programma met deze titel."), field="title")
    return Programme.objects.create(title=title.strip(), start=start, description=description, created_by=by)


@transaction.atomic
def add_board_member(
    programme: Programme,
    *,
    gemeente: Gemeente,
    first_name: str,
    last_name: str,
    email: str,
    function: str,
    since: datetime.date | None = None,
) -> BoardMember:
    """Seat an administrator of ``gemeente``: the person is found in the registry by e-mail address (or added) and
    holds the role *bestuurder* there."""
    if not gemeente.is_current:
        raise Refused(_("Deze gemeente bestaat niet meer."), field="gemeente")
    since = since or timezone.localdate()
    email = email.strip().lower()
    person = Person.objects.filter(email__iexact=email).order_by("pk").first()
    if person is None:
        person = Person.objects.create(first_name=first_name.strip(), last_name=last_name.strip(), email=email)
    if BoardMember.objects.filter(programme=programme, person=person).exists():
        raise Refused(_("Deze persoon zit al in de klankbordgroep."), field="email")
    membership = leden.hold_role(
        person=person,
        organisation=leden.ensure_gemeente_organisation(gemeente),
        role=Membership.Role.BESTUURDER,
        start=since,
    )
    try:
        with transaction.atomic():
            return BoardMember.objects.create(
                programme=programme,
                person=person,
                gemeente=gemeente,
                function=function,
                membership=membership,
                since=since,
            )
    except IntegrityError:
        raise Refused(_("Deze persoon zit al in de klankbordgroep."), field="email") from None


def add_meeting(
    programme: Programme, *, date: datetime.date, agenda: str, minutes: str = "", document_url: str = ""
) -> Meeting:
    if date < programme.start:
        raise Refused(_("De bijeenkomst ligt vóór de start van het programma."), field="date")
    return Meeting.objects.create(
        programme=programme, date=date, agenda=agenda, minutes=minutes, document_url=document_url
    )


def add_decision(meeting: Meeting, *, text: str, status: str = Decision.Status.OPEN) -> Decision:
    if status not in Decision.Status.values:
        raise Refused(_("Kies open, in uitvoering of afgerond."), field="status")
    return Decision.objects.create(meeting=meeting, text=text, status=status)


def set_decision_status(decision: Decision, status: str) -> Decision:
    if status not in Decision.Status.values:
        raise Refused(_("Kies open, in uitvoering of afgerond."), field="status")
    decision.status = status
    decision.save(update_fields=["status"])
    return decision


def board_years() -> list[int]:
    first = Programme.objects.order_by("start").values_list("start__year", flat=True).first()
    return list(range(first, timezone.localdate().year + 1)) if first else []


def board_rows(year: int) -> list[tuple[str, int, int]] | None:
    """Per programme started by ``year``: the board's seats and the gemeenten represented at the end of the year."""
    end = datetime.date(year, 12, 31)
    rows = []
    for item in Programme.objects.filter(start__lte=end).order_by("start", "title"):
        seats = BoardMember.objects.filter(programme=item, since__lte=end)
        rows.append((item.title, seats.count(), seats.values("gemeente").distinct().count()))
    return rows or None
