"""Reads of the members registry."""

import datetime

from django.db.models import Q, QuerySet

from meent.leden.models import Gemeente, Membership, Organisation, Province, Succession, Veiligheidsregio


def current_year() -> int:
    return datetime.date.today().year


def gemeenten(
    *, year: int | None = None, province: str | None = None, search: str | None = None, caribbean: bool = False
) -> QuerySet:
    """Gemeenten of the division of 1 January of ``year`` (default: this year). The Caribbean public bodies are
    members too, but only with ``caribbean``: most views (divisions, figures, peers) are about the European
    Netherlands. They have no province, so a province filter leaves them out."""
    qs = Gemeente.objects.all() if caribbean else Gemeente.objects.municipalities()
    qs = qs.in_year(year or current_year()).select_related("province", "veiligheidsregio")
    if province:
        qs = qs.filter(Q(province__code__iexact=province) | Q(province__name__iexact=province))
    if search:
        qs = _search(qs, search)
    return qs.order_by("name")


def _search(qs: QuerySet, search: str) -> QuerySet:
    return qs.filter(
        Q(name__icontains=search)
        | Q(code__iexact=search)
        | Q(aliases__icontains=search)
        | Q(cbs_label__icontains=search)
    )


def openbare_lichamen(search: str | None = None) -> QuerySet:
    qs = Gemeente.objects.filter(kind=Gemeente.Kind.OPENBAAR_LICHAAM)
    return (_search(qs, search) if search else qs).order_by("name")


def gemeente_by_code(code: str) -> Gemeente:
    return Gemeente.objects.select_related("province", "veiligheidsregio").get(code__iexact=code)


def current_successors(gemeente: Gemeente, on: datetime.date | None = None) -> list[Gemeente]:
    """The gemeente(n) that hold ``gemeente``'s territory on ``on`` (default today), following chains of
    herindelingen. A current gemeente is its own successor."""
    on = on or datetime.date.today()
    result: list[Gemeente] = []
    pending = [gemeente]
    while pending:
        item = pending.pop()
        if item.valid_until is None or item.valid_until > on:
            if item not in result:
                result.append(item)
            continue
        pending.extend(s.successor for s in item.successions.select_related("successor"))
    return sorted(result, key=lambda g: g.code)


def years_available() -> list[int]:
    return list(range(2020, current_year() + 1))


def years_with_division() -> list[int]:
    """The years whose division of 1 January holds at least one gemeente."""
    return [year for year in years_available() if Gemeente.objects.municipalities().in_year(year).exists()]


def veiligheidsregios(*, year: int | None = None) -> QuerySet:
    """Veiligheidsregio's with a gemeente in the division of 1 January of ``year`` (default: this year)."""
    return Veiligheidsregio.objects.filter(gemeenten__in=gemeenten(year=year)).distinct().order_by("code")


def herindelingen(year: int) -> QuerySet:
    """Gemeenten that a herindeling formed or enlarged on 1 January of ``year``."""
    successors = Succession.objects.filter(effective_date__year=year).values("successor")
    return Gemeente.objects.filter(pk__in=successors).order_by("name")


def herindelingen_count(year: int) -> int:
    return herindelingen(year).count()


def mergers_of(gemeente: Gemeente) -> list[Succession]:
    """The herindelingen ``gemeente`` took part in, as predecessor or as successor, oldest first."""
    return list(
        Succession.objects.filter(Q(predecessor=gemeente) | Q(successor=gemeente))
        .select_related("predecessor", "successor")
        .order_by("effective_date", "predecessor__code", "successor__code")
    )


def provinces() -> QuerySet:
    return Province.objects.order_by("name")


def contacts_of(gemeente: Gemeente) -> QuerySet:
    """People with a role at the gemeente; runs in the caller's tenant scope."""
    return (
        Membership.objects.filter(organisation__gemeente=gemeente)
        .select_related("person")
        .order_by("role", "person__last_name")
    )


def organisations(*, kind: str | None = None, search: str | None = None) -> QuerySet:
    qs = Organisation.objects.exclude(kind=Organisation.Kind.GEMEENTE)
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(name__icontains=search)
    return qs.order_by("name")
