"""The IATI 2.03 files (activities and organisation) of the published projects.

The Ministry of Foreign Affairs requires its partners to publish in IATI and to link each activity "upwards": the
incoming commitment and incoming funds of a ministry contract carry the ministry's activity identifier
(``XM-DAC-7-PPR-…``) as ``provider-activity-id``. A project that lacks what the files need is not published half:
:func:`problems` names what is missing and the staff page lists it as "niet publiceerbaar".
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from meent.international.portfolio import selectors
from meent.international.portfolio.models import Funding, Project, ProjectYear, Status
from meent.leden.models import Organisation

# The reporting organisation's IATI identifier (its Chamber of Commerce number); the demo's is fictitious.
REPORTING_ORG = getattr(settings, "MEENT_IATI_REPORTING_ORG", "NL-KVK-00000000")
REPORTING_ORG_NAME = "VNG International"
REPORTING_ORG_TYPE = "22"  # IATI OrganisationType: national NGO
MINISTRY_PREFIX = "XM-DAC-7-PPR-"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# IATI ActivityStatus codes
ACTIVITY_STATUS = {
    Status.PREPARATION: "1",  # pipeline / identification
    Status.ACTIVE: "2",  # implementation
    Status.RESUMED: "2",
    Status.SUSPENDED: "6",
    Status.STOPPED: "5",  # cancelled
    Status.COMPLETED: "4",  # closed
}
# IATI OrganisationType codes by the registry's kinds
ORGANISATION_TYPE = {
    Organisation.Kind.MINISTERIE: "10",
    Organisation.Kind.GEMEENTE: "10",
    Organisation.Kind.OVERHEID: "10",
    Organisation.Kind.DONOR: "40",
    Organisation.Kind.NGO: "22",
    Organisation.Kind.PARTNER: "15",
}
INCOMING_COMMITMENT, INCOMING_FUNDS, EXPENDITURE = "11", "1", "4"
CENT = Decimal("0.01")


def identifier(project: Project) -> str:
    return f"{REPORTING_ORG}-{project.code}"


def problems(project: Project) -> list[str]:
    """Why ``project`` cannot be published in IATI; empty when it can."""
    found = []
    if not project.published:
        found.append(_("Het project is niet openbaar gemaakt."))
    if not project.title_en:
        found.append(_("De Engelse titel ontbreekt."))
    if not project.description:
        found.append(_("De beschrijving ontbreekt."))
    if project.start_date is None:
        found.append(_("De begindatum ontbreekt."))
    if not project.countries.all():
        found.append(_("Er is geen land vastgelegd."))
    if not any(theme.dac_code for theme in project.themes.all()):
        found.append(_("Er is geen thema (met DAC-sector) vastgelegd."))
    fundings = list(project.fundings.all())
    if not fundings:
        found.append(_("Er is geen donor vastgelegd."))
    for funding in fundings:
        if funding.donor.kind == Organisation.Kind.MINISTERIE and not funding.provider_activity_id.startswith(
            MINISTRY_PREFIX
        ):
            found.append(
                _("De financiering van %(donor)s verwijst niet naar de activiteit van het ministerie (%(prefix)s…).")
                % {"donor": funding.donor.name, "prefix": MINISTRY_PREFIX}
            )
    if not project.years.all():
        found.append(_("Er is geen jaarbudget vastgelegd."))
    return found


@dataclass(frozen=True)
class Verdict:
    project: Project
    problems: list[str]


def verdicts() -> list[Verdict]:
    """Every project with what stands in the way of its publication."""
    qs = selectors.projects().prefetch_related("years", "fundings__donor")
    return [Verdict(project, problems(project)) for project in qs]


def publishable() -> list[Project]:
    return [verdict.project for verdict in verdicts() if not verdict.problems]


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def _narratives(parent, texts: dict[str, str]) -> None:
    for language, text in texts.items():
        if text:
            _sub(parent, "narrative", text).set(XML_LANG, language)


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _percent(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 100, not 1E+2


def _org_ref(funding: Funding) -> str:
    """The donor's organisation identifier, read from its activity identifier (XM-DAC-7-PPR-… → XM-DAC-7)."""
    if funding.provider_activity_id.startswith(MINISTRY_PREFIX):
        return MINISTRY_PREFIX.removesuffix("-PPR-")
    return ""


def _reporting_org(parent) -> None:
    org = _sub(parent, "reporting-org", ref=REPORTING_ORG, type=REPORTING_ORG_TYPE)
    _narratives(org, {"nl": REPORTING_ORG_NAME})


def _year_end(project: Project, year: int) -> datetime.date:
    return min(datetime.date(year, 12, 31), project.end_date or datetime.date(year, 12, 31))


def _activity(parent, project: Project, now: datetime.datetime) -> None:
    activity = _sub(parent, "iati-activity", last_updated_datetime=now.isoformat(timespec="seconds"))
    activity.set(XML_LANG, "nl")
    activity.set("default-currency", "EUR")
    _sub(activity, "iati-identifier", identifier(project))
    _reporting_org(activity)
    _narratives(_sub(activity, "title"), {"nl": project.title, "en": project.title_en, "fr": project.title_fr})
    _narratives(
        _sub(activity, "description", type="1"),
        {"nl": project.description, "en": project.description_en, "fr": project.description_fr},
    )
    fundings = list(project.fundings.all())
    for funding in fundings:
        org = _sub(activity, "participating-org", role="1", type=ORGANISATION_TYPE.get(funding.donor.kind, "90"))
        if ref := _org_ref(funding):
            org.set("ref", ref)
        if funding.provider_activity_id:
            org.set("activity-id", funding.provider_activity_id)
        _narratives(org, {"nl": funding.donor.name})
    own = _sub(activity, "participating-org", role="4", ref=REPORTING_ORG, type=REPORTING_ORG_TYPE)
    _narratives(own, {"nl": REPORTING_ORG_NAME})
    for partner in project.partners.select_related("organisation"):
        org = _sub(activity, "participating-org", role="4", type=ORGANISATION_TYPE.get(partner.organisation.kind, "90"))
        _narratives(org, {"nl": partner.organisation.name})
    _sub(activity, "activity-status", code=ACTIVITY_STATUS[project.status])
    _sub(activity, "activity-date", type="1", iso_date=project.start_date.isoformat())
    if project.status != Status.PREPARATION:
        started = project.status_changes.filter(to_status=Status.ACTIVE).order_by("date").first()
        if started is not None:
            _sub(activity, "activity-date", type="2", iso_date=started.date.isoformat())
    if project.end_date:
        _sub(activity, "activity-date", type="3", iso_date=project.end_date.isoformat())
    for country in project.countries.all():
        _sub(activity, "recipient-country", code=country.country.code, percentage=_percent(country.percentage))
    themes = [theme for theme in project.themes.all() if theme.dac_code]
    shares = [(Decimal(100) / len(themes)).quantize(CENT)] * len(themes)
    shares[-1] = Decimal(100) - sum(shares[:-1])  # the shares add up to exactly 100
    for theme, share in zip(themes, shares, strict=True):
        _narratives(
            _sub(activity, "sector", vocabulary="1", code=theme.dac_code, percentage=_percent(share)),
            {"nl": theme.name, "en": theme.name_en},
        )
    years = sorted(project.years.all(), key=lambda row: row.year)
    for row in years:
        start = max(datetime.date(row.year, 1, 1), project.start_date)
        budget = _sub(activity, "budget", type="1", status="2")
        _sub(budget, "period-start", iso_date=start.isoformat())
        _sub(budget, "period-end", iso_date=_year_end(project, row.year).isoformat())
        _sub(budget, "value", _money(row.budget_eur), currency="EUR", value_date=start.isoformat())
    contracted = sum(f.amount_eur for f in fundings)
    for funding in fundings:
        _transaction(activity, INCOMING_COMMITMENT, funding.signed_on, funding.amount_eur, funding)
    for row in years:
        if row.realised_eur and row.year <= now.year:
            day = min(_year_end(project, row.year), now.date())
            for funding in fundings:  # the donors pay what is spent, in proportion to their contracts
                _transaction(activity, INCOMING_FUNDS, day, row.realised_eur * funding.amount_eur / contracted, funding)
            _transaction(activity, EXPENDITURE, day, row.realised_eur)


def _transaction(activity, kind: str, day: datetime.date, amount: Decimal, funding: Funding | None = None) -> None:
    transaction = _sub(activity, "transaction")
    _sub(transaction, "transaction-type", code=kind)
    _sub(transaction, "transaction-date", iso_date=day.isoformat())
    _sub(transaction, "value", _money(amount), currency="EUR", value_date=day.isoformat())
    if funding is not None:
        provider = _sub(transaction, "provider-org")
        if ref := _org_ref(funding):
            provider.set("ref", ref)
        if funding.provider_activity_id:
            provider.set("provider-activity-id", funding.provider_activity_id)
        _narratives(provider, {"nl": funding.donor.name})
    else:
        receiver = _sub(transaction, "receiver-org")
        _narratives(receiver, {"nl": _("Leveranciers en partners")})


def activities_xml(projects: list[Project] | None = None) -> bytes:
    now = timezone.now().replace(microsecond=0)
    root = etree.Element("iati-activities", version="2.03", **{"generated-datetime": now.isoformat()})
    for project in publishable() if projects is None else projects:
        _activity(root, project, now)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def organisation_xml() -> bytes:
    now = timezone.now().replace(microsecond=0)
    root = etree.Element("iati-organisations", version="2.03", **{"generated-datetime": now.isoformat()})
    organisation = _sub(root, "iati-organisation", last_updated_datetime=now.isoformat())
    organisation.set(XML_LANG, "nl")
    organisation.set("default-currency", "EUR")
    _sub(organisation, "organisation-identifier", REPORTING_ORG)
    _narratives(_sub(organisation, "name"), {"nl": REPORTING_ORG_NAME})
    _reporting_org(organisation)
    totals = ProjectYear.objects.values("year").annotate(budget=Sum("budget_eur"), realised=Sum("realised_eur"))
    rows = sorted(totals, key=lambda r: r["year"])
    for row in rows:
        budget = _sub(organisation, "total-budget", status="2")
        _period(budget, row["year"])
        _sub(budget, "value", _money(row["budget"]), currency="EUR", value_date=f"{row['year']}-01-01")
    for row in rows:
        if row["realised"] and row["year"] < now.year:
            expenditure = _sub(organisation, "total-expenditure")
            _period(expenditure, row["year"])
            _sub(expenditure, "value", _money(row["realised"]), currency="EUR", value_date=f"{row['year']}-12-31")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _period(parent, year: int) -> None:
    _sub(parent, "period-start", iso_date=f"{year}-01-01")
    _sub(parent, "period-end", iso_date=f"{year}-12-31")
