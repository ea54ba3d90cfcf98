import base64
from collections.abc import Iterable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from meent.core.views import RuleView
from meent.leden.selectors import current_successors
from meent.realisatie.benchmark import downloads, selectors, svg
from meent.realisatie.benchmark.forms import CompareForm, ImportForm, PeerForm
from meent.realisatie.benchmark.models import Area, DataImport, Indicator, PeerStatistic, Theme
from meent.realisatie.benchmark.services import current_division_shares
from meent.realisatie.benchmark.tasks import import_upload

MAX_COMPARE_INDICATORS = 50
MAX_COMPARE_GEMEENTEN = 12


def _peer(request: HttpRequest, default: str = PeerStatistic.Group.GROOTTEKLASSE) -> str:
    form = PeerForm(request.GET)
    return (form.cleaned_data.get("peergroep") or default) if form.is_valid() else default


class HomeView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/home.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = (self.request.GET.get("q") or "").strip()[:100]
        labels = dict(Theme.choices)
        themes: dict[str, list[Indicator]] = {}
        for indicator in Indicator.objects.order_by("name"):
            themes.setdefault(indicator.theme, []).append(indicator)
        context.update(
            query=query,
            results=selectors.search_gemeenten(query) if query else [],
            themes=[(labels[t], themes[t]) for t in Theme.values if t in themes],
            gemeenten=selectors.current_gemeenten(),
        )
        return context

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        code = (request.GET.get("gemeente") or "").strip()
        if code.isascii() and code.isalnum():  # anything else cannot be a code, and cannot be reversed into a path
            return HttpResponseRedirect(reverse("benchmark:profile", args=[code]))
        return super().get(request, *args, **kwargs)


class ProfileView(RuleView, TemplateView):
    """A gemeente's figures per theme: an overview with the first indicators of every theme, or one theme whole,
    paginated, so a page stays light with thousands of indicators."""

    permission_required = "benchmark.view_data"
    template_name = "benchmark/profile.html"
    overview_per_theme = 5
    per_page = 50

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        try:
            area = selectors.gemeente_area(self.kwargs["code"])
        except Area.DoesNotExist as exc:
            raise Http404(_("Deze gemeente staat niet in het register.")) from exc
        group = _peer(self.request)
        successors = [] if area.is_current else current_successors(area.gemeente)
        by_theme = selectors.profile_indicators(area)
        theme = self.request.GET.get("thema", "")
        page_obj = None
        if theme in by_theme:
            page_obj = Paginator(by_theme[theme], self.per_page).get_page(self.request.GET.get("page"))
            shown = page_obj.object_list
        else:
            theme = ""
            shown = [i for ids in by_theme.values() for i in ids[: self.overview_per_theme]]
        labels = dict(Theme.choices)
        context.update(
            area=area,
            themes=[
                (value, label, rows, len(by_theme[value]))
                for value, label, rows in selectors.profile(area, group=group, indicator_ids=shown)
            ],
            theme=theme,
            theme_links=[(value, labels[value], len(ids)) for value, ids in by_theme.items()],
            page_obj=page_obj,
            peer=selectors.peer_group(area, group) if area.is_current else None,
            peer_form=PeerForm(self.request.GET or None, initial={"peergroep": group}),
            successors=successors,
            inhabitants_estimated=selectors.inhabitants_estimated(area),
            size_class=selectors.SIZE_CLASS_LABELS.get(area.size_class or 0, ""),
        )
        return context


class CompareView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/compare.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        choices = list(Indicator.objects.order_by("theme", "name").values_list("code", "name"))
        form = CompareForm(request.GET or None, indicator_choices=choices)
        rows, peers, areas = [], None, []
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            codes = data["gemeenten"][:MAX_COMPARE_GEMEENTEN]
            by_code = {a.code: a for a in Area.objects.filter(code__in=codes)}
            areas = [by_code[c] for c in codes if c in by_code]
            indicators = selectors.indicators_for(data["indicatoren"], data["thema"])[:MAX_COMPARE_INDICATORS]
            rows, peers = selectors.compare(
                areas, indicators, group=data["peergroep"], period_code=data["periode"].strip()
            )
            formaat = request.GET.get("formaat")
            if formaat in downloads.FORMATS:
                return downloads.response(selectors.compare_table(rows, areas, peers), formaat)
        charts = [
            (
                row,
                svg.bar_chart(
                    row.indicator.name,
                    f"chart-{i}",
                    [(a.name, v, False) for a, v in zip(areas, row.values, strict=True)]
                    + ([(peers.label, row.peer, True)] if peers else [])
                    + [(_("Nederland"), row.nederland, True)],
                    row.indicator.decimals,
                ),
            )
            for i, row in enumerate(rows)
        ]
        context = self.get_context_data(
            form=form, form_method="get", charts=charts, areas=areas, peers=peers, rows=rows
        )
        return self.render_to_response(context)


def profile_urls(codes: Iterable[str]) -> dict[str, str]:
    """Each gemeente's profile address, reversed once: ``reverse`` costs about 0.1 ms, and a ranking with its map
    links all 342 gemeenten twice."""
    pattern = reverse("benchmark:profile", args=["GM0000"])
    return {code: pattern.replace("GM0000", code) for code in codes}


class IndicatorView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/indicator.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        context = self.get_context_data(**kwargs)
        formaat = request.GET.get("formaat")
        if formaat in downloads.FORMATS and context["period"]:
            table = selectors.ranking_table(context["indicator"], context["period"], context["rows"])
            return downloads.response(table, formaat)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        indicator = Indicator.objects.filter(code=self.kwargs["code"]).first()
        if indicator is None:
            raise Http404(_("Deze indicator bestaat niet."))
        periods = selectors.indicator_periods(indicator)
        requested = self.request.GET.get("periode")
        period = next((p for p in periods if p.code == requested), periods[0] if periods else None)
        source_division = self.request.GET.get("indeling") == "bron"
        rows = selectors.ranking(indicator, period, source_division=source_division) if period else []
        values = [r.value for r in rows]
        bounds = svg.classes(values)
        decimals = indicator.decimals
        map_values, labels = self.map_values(rows, source_division, decimals)
        urls = profile_urls({r.area.code for r in rows} | set(map_values))
        index = periods.index(period) if period else 0
        context.update(
            indicator=indicator,
            periods=periods,
            period=period,
            previous=periods[index + 1] if period and index + 1 < len(periods) else None,
            following=periods[index - 1] if period and index > 0 else None,
            source_division=source_division,
            rows=rows,
            object_list=[(r, urls[r.area.code]) for r in rows],
            bins=selectors.distribution(values),
            histogram=svg.histogram(
                _("Verdeling over de gemeenten"), "verdeling", selectors.distribution(values), decimals
            ),
            map=svg.choropleth(
                _("Kaart: %(name)s per gemeente") % {"name": indicator.name},
                map_values,
                labels,
                {code: urls[code] for code in map_values},
                bounds,
            )
            if rows
            else "",
            legend=svg.map_legend(bounds, decimals),
        )
        return context

    def map_values(self, rows, source_division: bool, decimals: int) -> tuple[dict, dict]:
        """Values per 2020 gemeente for the 2020 map: as given on the source division, or the value of today's
        gemeente that holds most of its territory (a split gemeente is named as such)."""
        by_code = {r.area.code: r for r in rows}
        values, labels = {}, {}
        shares = {} if source_division else current_division_shares()
        for code, name, _path in svg.boundaries_2020()[0]:
            target = code
            if not source_division:
                parts = shares.get(code, [])
                target = max(parts, key=lambda s: s.weight).code if parts else code
            row = by_code.get(target)
            if row is None:
                continue
            values[code] = row.value
            label = f"{row.area.name}: {svg.fmt(row.value, decimals)}"
            if target != code:
                label = _("%(old)s (nu %(label)s)") % {"old": name, "label": label}
            labels[code] = label
        return values, labels


class CoronaView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/corona.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        context = self.get_context_data(**kwargs)
        formaat = request.GET.get("formaat")
        if formaat in downloads.FORMATS and context["series"]:
            table = selectors.corona_table(context["area"], context["series"], weekly=context["weekly"])
            return downloads.response(table, formaat)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        code = (self.request.GET.get("gemeente") or "").strip().upper()
        area = Area.objects.filter(code=code, kind=Area.Kind.GEMEENTE, is_current=True).first() if code else None
        weekly = self.request.GET.get("per") != "dag"
        per_100k = self.request.GET.get("maat") == "per100k"
        group = _peer(self.request, default=PeerStatistic.Group.VEILIGHEIDSREGIO) if area else ""
        if not Area.objects.filter(code=Area.NEDERLAND_CODE).exists():
            context.update(series=[], area=area, empty=True)
            return context
        series, peers = selectors.corona_dashboard(area, weekly=weekly, group=group)
        charts = []
        for i, s in enumerate(series):
            keys = [p.label for p in s.points]

            def pick(p):
                return p.per_100k if per_100k else p.value

            lines = [svg.Line(_("Nederland"), [(p.label, pick(p)) for p in s.nederland], "nederland")]
            if peers:
                lines.append(svg.Line(peers.label, [(p.label, pick(p)) for p in s.peer], "peer"))
            charts.append(
                (
                    s,
                    svg.time_chart(
                        s.label,
                        f"corona-{i}",
                        keys,
                        bars=[pick(p) for p in s.points],
                        lines=lines if (per_100k and area) else [],
                        decimals=1 if per_100k else 0,
                    ),
                    self.table(s, per_100k, peers),
                )
            )
        icu = selectors.national_series(selectors.ICU, weekly=weekly)
        context.update(
            area=area,
            estimated=selectors.corona_estimated(area),
            series=series,
            weekly=weekly,
            per_100k=per_100k,
            peers=peers,
            charts=charts,
            peer_form=PeerForm(initial={"peergroep": group}, auto_id="f-%s"),
            peergroep=group,
            gemeenten=selectors.current_gemeenten(),
            icu=icu,
            icu_chart=svg.time_chart(
                _("Nieuwe IC-opnames met COVID-19, Nederland"),
                "ic",
                [p.label for p in icu],
                bars=[p.value for p in icu],
            ),
        )
        return context

    @staticmethod
    def table(series: selectors.CoronaSeries, per_100k: bool, peers) -> list[dict]:
        nederland = {p.label: p for p in series.nederland}
        peer = {p.label: p for p in series.peer}
        return [
            {
                "label": p.label,
                "value": p.value,
                "per_100k": p.per_100k,
                "correction": p.correction,
                "nederland": nederland.get(p.label),
                "peer": peer.get(p.label),
            }
            for p in series.points
        ]


class CoronaWeekView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/corona_week.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        weeks = selectors.corona_weeks()
        week = self.request.GET.get("week")
        if week not in weeks:
            week = weeks[-1] if weeks else None
        rows = selectors.corona_week(week) if week else []
        values = {r.area.code: r.per_100k for r in rows if r.per_100k is not None}
        bounds = svg.classes(list(values.values()))
        shares = current_division_shares()
        by_code = {r.area.code: r for r in rows}
        map_values, labels, links = {}, {}, {}
        for code, name, _path in svg.boundaries_2020()[0]:
            parts = shares.get(code, [])
            target = max(parts, key=lambda s: s.weight).code if parts else code
            row = by_code.get(target)
            if row is None or row.per_100k is None:
                continue
            map_values[code] = row.per_100k
            label = _("%(name)s: %(value)s per 100.000 inwoners") % {
                "name": row.area.name,
                "value": svg.fmt(row.per_100k, 1),
            }
            labels[code] = label if target == code else _("%(old)s (nu %(label)s)") % {"old": name, "label": label}
            links[code] = reverse("benchmark:corona") + f"?gemeente={target}&maat=per100k"
        context.update(
            weeks=weeks,
            week=week,
            rows=rows,
            object_list=rows,
            map=svg.choropleth(
                _("Kaart: positief geteste personen per 100.000 inwoners"), map_values, labels, links, bounds
            )
            if rows
            else "",
            legend=svg.map_legend(bounds, 1),
        )
        return context


class SewageView(RuleView, TemplateView):
    permission_required = "benchmark.view_data"
    template_name = "benchmark/sewage.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        code = (self.request.GET.get("regio") or "").strip().upper()
        region = Area.objects.filter(code=code, kind=Area.Kind.VEILIGHEIDSREGIO).first() if code else None
        selected, overview = selectors.sewage(region)
        weeks = sorted({p.label for _r, points in overview for p in points})[-6:]
        table = [(r, [next((p.value for p in points if p.label == w), None) for w in weeks]) for r, points in overview]
        context.update(
            region=region,
            regions=[r for r, _p in overview],
            selected=selected,
            chart=svg.time_chart(
                _("Virusdeeltjes in rioolwater, weekgemiddelde"),
                "riool",
                [p.label for p in selected],
                bars=[p.value for p in selected],
            )
            if region
            else "",
            weeks=weeks,
            object_list=table,
        )
        return context


class ImportView(RuleView, TemplateView):
    permission_required = "benchmark.view_dataimport"
    template_name = "benchmark/imports.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["imports"] = DataImport.objects.select_related("imported_by")[:50]
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("benchmark.add_dataimport"):
            raise Http404
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["bestand"]
        import_upload.enqueue(
            form.cleaned_data["soort"],
            base64.b64encode(upload.read()).decode(),
            upload.name,
            form.cleaned_data["tabel"],
            form.cleaned_data["thema"],
            request.user.pk,
        )
        messages.info(request, _("Het bestand wordt geïmporteerd; de uitkomst staat hieronder zodra het klaar is."))
        return HttpResponseRedirect(reverse("benchmark:imports"))
