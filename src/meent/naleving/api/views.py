from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from meent.naleving import selectors
from meent.naleving.api.serializers import CampaignDetailSerializer, CampaignSerializer
from meent.naleving.models import Answer

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
                "gemeente": t.gemeente.code,
                "naam": t.gemeente.name,
                "status": t.status,
                "eersteAntwoord": t.first_answer_at,
                "herinneringen": t.reminders,
                "versie": latest[t.pk].version if t.pk in latest else None,
                "antwoord": latest[t.pk].data if t.pk in latest else None,
            }
            for t in targets
        ]
        return campaign
