from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from meent.international.inzameling import selectors
from meent.international.inzameling.api.serializers import InzamelingSerializer

TAGS = ["Inzamelingen"]


@extend_schema_view(
    list=extend_schema(summary="Inzamelingen met hun stand (openbaar, zoals de pagina)", tags=TAGS),
    retrieve=extend_schema(summary="Eén inzameling met haar stand", tags=TAGS),
)
class CampaignViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Like the public campaign page: progress and number of gifts, never who gave what."""

    serializer_class = InzamelingSerializer
    permission_rules = {"list": "inzameling.view_campaigns", "retrieve": "inzameling.view_campaigns"}
    filter_backends = []

    def get_queryset(self):
        return selectors.campaigns()
