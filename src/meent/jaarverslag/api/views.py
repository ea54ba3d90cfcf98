from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from meent.jaarverslag import selectors
from meent.jaarverslag.api.serializers import KeyFigureSerializer, ReportSerializer
from meent.jaarverslag.models import Report

TAGS = ["Jaarverslag"]
YEAR = OpenApiParameter("jaar", int, OpenApiParameter.PATH, description="Het jaar van het jaarverslag.")


class ReportListView(GenericAPIView):
    serializer_class = ReportSerializer
    queryset = Report.objects.none()  # for the schema; the reports come from selectors.reports_for
    permission_rules = {"get": "jaarverslag.view_index"}
    pagination_class = None

    @extend_schema(
        summary="Jaarverslagen",
        description="Gepubliceerde jaarverslagen; voor medewerkers ook concepten.",
        tags=TAGS,
        operation_id="jaarverslagen_list",
        responses=ReportSerializer(many=True),
    )
    def get(self, request):
        reports = selectors.reports_for(request.user)
        return Response(self.get_serializer(reports, many=True).data)


class KeyFiguresView(GenericAPIView):
    serializer_class = KeyFigureSerializer
    queryset = Report.objects.none()  # for the schema's path parameter; the report is looked up by year
    permission_rules = {"get": "jaarverslag.view_index"}
    object_level_rules = True
    pagination_class = None

    @extend_schema(
        summary="Kerncijfers van een jaarverslag",
        description="Elk cijfer met naam, eenheid en definitie. `waarde` is de gepubliceerde waarde; medewerkers zien "
        "de waarde zoals die nu wordt berekend, naast `gepubliceerdeWaarde`. Een concept is alleen voor medewerkers.",
        tags=TAGS,
        parameters=[YEAR],
        operation_id="jaarverslagen_kerncijfers_list",
        responses=KeyFigureSerializer(many=True),
    )
    def get(self, request, jaar: int):
        report = get_object_or_404(Report, year=jaar)
        if not request.user.has_perm("jaarverslag.view_report", report):
            self.permission_denied(request)
        live = request.user.has_perm("jaarverslag.view_drafts")
        rows = selectors.key_figures(report, live=live)
        return Response(self.get_serializer(rows, many=True).data)
