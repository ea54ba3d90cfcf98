from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from meent.international.crit import selectors, services
from meent.international.crit.api.serializers import QuestionSerializer
from meent.international.crit.models import Status

TAGS = ["CriT-helpdesk"]


@extend_schema_view(
    list=extend_schema(
        summary="Vragen aan de CriT-helpdesk die de aanroeper mag zien",
        description="Medewerkers International zien alle vragen, een expert de vragen die aan hem zijn toegewezen.",
        tags=TAGS,
        parameters=[OpenApiParameter("status", str, enum=Status.values, description="Alleen deze status.")],
    ),
    retrieve=extend_schema(summary="Eén vraag met de uitwisseling", tags=TAGS),
    create=extend_schema(summary="Een vraag registreren namens een partnerorganisatie (medewerker)", tags=TAGS),
)
class QuestionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = QuestionSerializer
    permission_rules = {"list": "crit.view_questions", "retrieve": "crit.view_question", "create": "crit.manage"}
    object_level_rules = True
    filter_backends = []

    def get_queryset(self):
        qs = selectors.visible_questions(self.request.user).prefetch_related("messages__expert__person")
        status = self.request.query_params.get("status")
        if self.action == "list" and status in Status.values:
            qs = qs.filter(status=status)
        return qs

    def get_object(self):
        pk = self.kwargs["pk"]
        question = selectors.question_for(self.request.user, int(pk)) if str(pk).isdecimal() else None
        if question is None:
            raise Http404
        self.check_object_permissions(self.request, question)
        return question

    def perform_create(self, serializer) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = services.register_question(by=self.request.user, **data)
