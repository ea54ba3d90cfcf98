"""Reads of the portfolio: the filtered lists and what the figures, charts and the map count."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meent.core.registry import shared
from meent.international.portfolio.models import (
    Contribution,
    Employment,
    Funding,
    Programme,
    Project,
    ProjectCountry,
    ProjectYear,
    Status,
    StatusChange,
)
from meent.leden.models import Gemeente, Organisation

DISRUPTED = (Status.SUSPENDED, Status.STOPPED)


class DonorType:
    INTERNATIONAL = "internationaal"
    DUTCH_GOVERNMENT = "nederlandse_overheid"
    OTHER = "overig"
    LABELS = {
        INTERNATIONAL: _("Internationale donoren"),
        DUTCH_GOVERNMENT: _("Nederlandse overheid"),
        OTHER: _("Overig"),
    }


def donor_type(organisation: Organisation) -> str:
    """International donors (EU, World Bank, USAID …) are the registry's donors; Dutch government is a ministry,
    gemeente or other government in the Netherlands; everything else (foundations, NGOs) is other."""
    kinds = Organisation.Kind
    if organisation.kind == kinds.DONOR:
        return DonorType.INTERNATIONAL
    if organisation.kind in (kinds.MINISTERIE, kinds.GEMEENTE, kinds.OVERHEID) and organisation.country == "NL":
        return DonorType.DUTCH_GOVERNMENT
    return DonorType.OTHER


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


# Lists ---------------------------------------------------------------------------------------------------------


def projects(
    *,
    country: str = "",
    theme: str = "",
    donor: int | None = None,
    status: str = "",
    year: int | None = None,
    programme: Programme | None = None,
) -> QuerySet[Project]:
    """Projects filtered by country (ISO code), theme (code), donor (organisation id), status and year (with a
    budget or spending that year)."""
    qs = Project.objects.select_related("programme").prefetch_related(
        "countries", "themes", Prefetch("fundings", queryset=Funding.objects.select_related("donor"))
    )
    if country:
        qs = qs.filter(countries__country=country.upper())
    if theme:
        qs = qs.filter(themes__code=theme)
    if donor:
        qs = qs.filter(fundings__donor_id=donor)
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(Q(years__year=year) & (Q(years__realised_eur__gt=0) | Q(years__budget_eur__gt=0)))
    if programme is not None:
        qs = qs.filter(programme=programme)
    return qs.distinct().order_by("code")


def programmes() -> QuerySet[Programme]:
    return (
        Programme.objects.select_related("funder", "office")
        .prefetch_related("themes")
        .annotate(project_count=Count("projects"))
        .order_by("-start_date", "name")
    )


def published_projects() -> QuerySet[Project]:
    return projects().filter(published=True)


def donors() -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=Funding.objects.values("donor_id")).order_by("name")


def countries_in_use() -> list[str]:
    return sorted(set(ProjectCountry.objects.values_list("country", flat=True)))


def history(project: Project) -> QuerySet[StatusChange]:
    return project.status_changes.select_related("by").order_by("date", "pk")


# Years and counts ----------------------------------------------------------------------------------------------


@shared
def portfolio_years() -> list[int]:
    """Years with realised spending on any project."""
    return sorted(set(ProjectYear.objects.filter(realised_eur__gt=0).values_list("year", flat=True)))


@shared
def staff_years() -> list[int]:
    """Years from the first employment to the last (or this year, while someone is still employed)."""
    bounds = Employment.objects.aggregate(first=Min("start_date"), last=Max("end_date"))
    if bounds["first"] is None:
        return []
    last = (
        timezone.localdate().year if Employment.objects.filter(end_date__isnull=True).exists() else bounds["last"].year
    )
    return list(range(bounds["first"].year, last + 1))


@shared
def active_countries(year: int) -> list[str]:
    """ISO codes of the countries of projects with realised spending in ``year``."""
    spending = ProjectYear.objects.filter(year=year, realised_eur__gt=0).values("project_id")
    return sorted(set(ProjectCountry.objects.filter(project_id__in=spending).values_list("country", flat=True)))


@shared
def turnover(year: int) -> Decimal | None:
    return ProjectYear.objects.filter(year=year).aggregate(total=Sum("realised_eur"))["total"]


@dataclass(frozen=True)
class DonorShare:
    donor: Organisation
    kind: str
    amount: Decimal


@shared
def funding_by_donor(year: int) -> list[DonorShare]:
    """The year's realised spending of each project divided over its donors in proportion to their contracted
    euro amounts (a project with one donor: all of it); largest donor first."""
    spending = dict(ProjectYear.objects.filter(year=year, realised_eur__gt=0).values_list("project_id", "realised_eur"))
    contracts: dict[int, list[Funding]] = defaultdict(list)
    for funding in Funding.objects.filter(project_id__in=spending).select_related("donor"):
        contracts[funding.project_id].append(funding)
    totals: dict[int, Decimal] = defaultdict(Decimal)
    organisations: dict[int, Organisation] = {}
    for project_id, realised in spending.items():
        fundings = contracts.get(project_id, [])
        contracted = sum(f.amount_eur for f in fundings)
        for funding in fundings:
            totals[funding.donor_id] += realised * funding.amount_eur / contracted
            organisations[funding.donor_id] = funding.donor
    return sorted(
        (DonorShare(organisations[pk], donor_type(organisations[pk]), amount) for pk, amount in totals.items()),
        key=lambda share: (-share.amount, share.donor.name),
    )


def funding_by_type(year: int) -> dict[str, Decimal]:
    totals = {kind: Decimal(0) for kind in DonorType.LABELS}
    for share in funding_by_donor(year):
        totals[share.kind] += share.amount
    return totals


def share(part: Decimal, whole: Decimal | None) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded to one decimal; None without a whole."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def status_at(year: int) -> dict[int, str]:
    """Each project's status on 31 December of ``year`` (projects whose history started by then)."""
    result: dict[int, str] = {}
    for project_id, to_status in (
        StatusChange.objects.filter(date__lte=year_end(year))
        .order_by("date", "pk")
        .values_list("project_id", "to_status")
    ):
        result[project_id] = to_status
    return result


def projects_by_status(year: int) -> list[tuple[str, str, int]]:
    """(status, label, number of projects in that status on 31 December)."""
    counts = defaultdict(int)
    for status in status_at(year).values():
        counts[status] += 1
    return [(value, str(label), counts.get(value, 0)) for value, label in Status.choices]


def disruptions(year: int) -> QuerySet[StatusChange]:
    """The year's suspensions and stops, with their reasons."""
    return (
        StatusChange.objects.filter(date__year=year, to_status__in=DISRUPTED)
        .select_related("project")
        .prefetch_related("project__countries")
        .order_by("date", "pk")
    )


@dataclass(frozen=True)
class StaffCount:
    headcount: int
    fte: Decimal


@shared
def staff(year: int) -> dict[str, StaffCount]:
    """Headcount and FTE on 31 December, in the Netherlands ("nl") and abroad ("abroad")."""
    day = year_end(year)
    employed = Employment.objects.filter(Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day)))
    result = {}
    for key, condition in (("nl", Q(office__country="NL")), ("abroad", ~Q(office__country="NL"))):
        rows = employed.filter(condition)
        result[key] = StaffCount(
            rows.values("person_id").distinct().count(), rows.aggregate(fte=Sum("fte"))["fte"] or Decimal(0)
        )
    return result


def staff_by_office(year: int) -> list[tuple[str, bool, int, Decimal]]:
    """(office, in the Netherlands, headcount, FTE) on 31 December."""
    day = year_end(year)
    rows = (
        Employment.objects.filter(Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day)))
        .values("office__name", "office__country")
        .annotate(headcount=Count("person_id", distinct=True), fte=Sum("fte"))
        .order_by("office__country", "office__name")
    )
    return [(r["office__name"], r["office__country"] == "NL", r["headcount"], r["fte"]) for r in rows]


def strategic_programmes(year: int) -> QuerySet[Programme]:
    """Strategic programmes agreed by ``year`` that have not ended before it."""
    return programmes().filter(strategic=True, signed_on__year__lte=year, end_date__year__gte=year)


def regional_programmes(year: int) -> QuerySet[Programme]:
    """Programmes of the regional office (CILG in Tunis) agreed by ``year`` and running until at least then."""
    from meent.international.portfolio.models import Office

    return programmes().filter(office__kind=Office.Kind.REGIONAL, signed_on__year__lte=year, end_date__year__gte=year)


def country_activity(year: int) -> dict[str, list[Project]]:
    """Per country (ISO code): the projects active in it in ``year`` (realised spending)."""
    spending = ProjectYear.objects.filter(year=year, realised_eur__gt=0).values("project_id")
    result: dict[str, list[Project]] = defaultdict(list)
    for row in (
        ProjectCountry.objects.filter(project_id__in=spending).select_related("project").order_by("project__code")
    ):
        result[row.country.code].append(row.project)
    return dict(result)


def contributions_of(gemeente: Gemeente) -> QuerySet[Contribution]:
    return (
        Contribution.objects.filter(gemeente=gemeente)
        .select_related("project", "official")
        .order_by("-year", "project__code")
    )
