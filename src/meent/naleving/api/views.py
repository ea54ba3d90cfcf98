from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from meent.leden.models import Gemeente
from meent.naleving import globalgoals, roadmaps, selectors
from meent.naleving.api.serializers import (
    CampaignDetailSerializer,
    CampaignSerializer,
    GlobalGoalsSerializer,
    ProgressInputSerializer,
    ProgressSerializer,
    RoadmapDetailSerializer,
    RoadmapSerializer,
)
from meent.naleving.models import Answer, Field, Progress

TAGS = ["Naleving"]


@extend_schema_view(
    list=extend_schema(summary="Campagnes van Naleving", tags=TAGS),
    retrieve=extend_schema(
        summary="Eén campagne met de antwoorden per gemeente en de dekking per uur",
        tags=TAGS,
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de campagne.")],
    ),
)
class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    permission_rules = {"list": "naleving.view_campaigns", "retrieve": "naleving.view_campaigns"}

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.campaigns().prefetch_related(Prefetch("fields", Field.objects.select_related("step")))
        return selectors.campaigns()

    def get_serializer_class(self):
        return CampaignDetailSerializer if self.action == "retrieve" else CampaignSerializer

    def get_object(self):
        campaign = super().get_object()
        targets = selectors.coverage(campaign)
        curve = selectors.curve(campaign, targets)
        campaign.coverage_series = [{"uur": h, "beantwoord": n} for h, n in (curve.points if curve else [])]
        latest = {a.target_id: a for a in Answer.unscoped.filter(target__campaign=campaign).order_by("version")}
        campaign.gemeente_answers = [
            {
                "gemeente": t.code,
                "naam": t.name,
                "status": t.status,
                "eersteAntwoord": t.first_answer_at,
                "herinneringen": t.reminders,
                "versie": latest[t.target_id].version if t.target_id in latest else None,
                "antwoord": latest[t.target_id].data if t.target_id in latest else None,
            }
            for t in targets
        ]
        return campaign


@extend_schema_view(
    list=extend_schema(summary="Routekaarten met hun stappen", tags=TAGS),
    retrieve=extend_schema(
        summary="Eén routekaart met de voortgang per gemeente",
        description="Medewerkers van Naleving en het bestuur zien alle gemeenten; een gemeenteaccount alleen de eigen.",
        tags=TAGS,
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de routekaart.")],
    ),
    voortgang=extend_schema(
        summary="Voortgang op een stap vastleggen",
        description="Een gemeenteaccount alleen voor de eigen gemeente; Naleving voor elke gemeente.",
        tags=TAGS,
        request=ProgressInputSerializer,
        responses={201: ProgressSerializer},
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de routekaart.")],
    ),
)
class RoadmapViewSet(viewsets.ReadOnlyModelViewSet):
    permission_rules = {
        "list": "naleving.view_roadmaps",
        "retrieve": "naleving.view_roadmaps",
        "voortgang": "naleving.record_progress",
    }

    def get_queryset(self):
        return roadmaps.roadmaps()

    def get_serializer_class(self):
        return RoadmapDetailSerializer if self.action == "retrieve" else RoadmapSerializer

    def get_object(self):
        roadmap = super().get_object()
        progress = Progress.unscoped.filter(step__roadmap=roadmap).select_related("gemeente", "step")
        if not self.request.user.has_perm("naleving.view_heat_map"):
            progress = progress.filter(gemeente=self.request.user.gemeente)
        roadmap.visible_progress = progress.order_by("gemeente__name", "step__number")
        return roadmap

    @action(detail=True, methods=["post"])
    def voortgang(self, request, pk=None):
        roadmap = super().get_object()
        data = ProgressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        step = roadmap.steps.filter(number=values["stap"]).first()
        if step is None:
            raise ValidationError({"stap": ["Deze routekaart heeft geen stap met dit nummer."]})
        gemeente = request.user.gemeente
        if values.get("gemeente"):
            gemeente = Gemeente.objects.filter(code=values["gemeente"].upper()).first()
        if gemeente is None:
            raise ValidationError({"gemeente": ["Geef de CBS-code van een bestaande gemeente."]})
        progress = roadmaps.record_progress(
            step, gemeente, status=values["status"], by=request.user, date=values.get("datum"), note=values["notitie"]
        )
        return Response(ProgressSerializer(progress).data, status=201)


@extend_schema_view(
    list=extend_schema(
        summary="Global Goals-gemeenten van een jaar en het aantal per jaar",
        description="Openbaar. Een gemeente die uit een herindeling ontstond is lid vanaf de aansluiting van haar "
        "voorganger (in ``via``).",
        tags=TAGS,
        parameters=[
            OpenApiParameter("jaar", int, description="Indeling op 31 december van dit jaar; standaard dit jaar.")
        ],
        responses=GlobalGoalsSerializer,
    )
)
class GlobalGoalsViewSet(viewsets.ViewSet):
    permission_rules = {"list": "naleving.view_global_goals"}

    def list(self, request):
        raw = request.query_params.get("jaar") or str(timezone.localdate().year)
        if not raw.isdigit() or not 1900 <= int(raw) <= 2100:
            raise ValidationError({"jaar": ["Geef een jaartal, bijvoorbeeld 2020."]})
        year = int(raw)
        members = globalgoals.members(year)
        data = {
            "jaar": year,
            "aantal": len(members),
            "gemeenten": members,
            "perJaar": [{"jaar": y, "aantal": n} for y, n in globalgoals.per_year()],
        }
        return Response(GlobalGoalsSerializer(data).data)
