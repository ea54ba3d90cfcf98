from django import forms
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from meent.api.problems import Conflict
from meent.connect import selectors, services
from meent.connect.api.serializers import (
    EvaluationSerializer,
    EventSerializer,
    RegistrationReceivedSerializer,
    RegistrationRequestSerializer,
    RegistrationSerializer,
    RegistrationStaffSerializer,
)
from meent.connect.models import Event, EventChange, Registration, SessionChoice
from meent.connect.throttling import RegistrationThrottle, refusal, retry_seconds
from meent.core.audit import log_read

CHOICES = Prefetch("session_choices", queryset=SessionChoice.objects.select_related("session").order_by("session_id"))


class EventListParams(forms.Form):
    soort = forms.ChoiceField(required=False, choices=[("", ""), *Event.Kind.choices])
    vorm = forms.ChoiceField(required=False, choices=[("", ""), *Event.Format.choices])
    jaar = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    zoek = forms.CharField(required=False, max_length=100)
    komend = forms.BooleanField(required=False)


LIST_PARAMETERS = [
    OpenApiParameter("soort", str, enum=Event.Kind.values, description="Soort evenement."),
    OpenApiParameter("vorm", str, enum=Event.Format.values, description="Fysiek, digitaal of hybride."),
    OpenApiParameter("jaar", int, description="Jaar waarin het evenement begint."),
    OpenApiParameter("zoek", str, description="Deel van de titel, omschrijving of locatie."),
    OpenApiParameter("komend", bool, description="Alleen evenementen die nog niet voorbij zijn."),
]
TOKEN = OpenApiParameter(
    "token",
    str,
    OpenApiParameter.PATH,
    description="Persoonlijke code uit de bevestigingsmail.",
    pattern="^[A-Za-z0-9_-]+$",
)
ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van het evenement.")


@extend_schema_view(
    list=extend_schema(
        summary="Evenementen: congressen, webinars en trainingen", tags=["Connect"], parameters=LIST_PARAMETERS
    ),
    retrieve=extend_schema(summary="Eén evenement met programma en wijzigingen", tags=["Connect"], parameters=[ID]),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """The public catalogue, registering and cancelling by personal code; organisers also read the registrations
    and evaluations of an event."""

    serializer_class = EventSerializer
    lookup_value_regex = "[0-9]{1,18}"  # a longer id cannot exist (bigint), and SQLite cannot even look it up
    filter_backends = []
    permission_rules = {
        "list": "connect.view_event",
        "retrieve": "connect.view_event",
        "registrations": "connect.view_registration",
        "register": "connect.add_registration",
        "own_registration": "connect.view_own_registration",
        "cancel_registration": "connect.view_own_registration",
        "evaluations": "connect.view_evaluation",
    }

    def get_queryset(self):
        related = (
            "sessions",
            "commissioners",
            Prefetch("changes", queryset=EventChange.objects.order_by("changed_at", "pk")),
        )
        if self.action != "list":
            return Event.objects.prefetch_related(*related)
        params = EventListParams(self.request.query_params)
        if not params.is_valid():
            raise ValidationError({name: [str(e) for e in errors] for name, errors in params.errors.items()})
        data = params.cleaned_data
        return selectors.catalogue(
            search=data["zoek"] or None,
            kind=data["soort"] or None,
            format=data["vorm"] or None,
            year=data["jaar"],
            upcoming=data["komend"],
        ).prefetch_related(*related)

    def get_throttles(self) -> list:
        return [RegistrationThrottle()] if self.action == "register" else []

    def throttled(self, request: Request, wait) -> None:
        exc = Throttled(detail=refusal(wait))
        exc.wait = retry_seconds(wait)  # set after construction: DRF would append an English sentence otherwise
        raise exc

    def _event(self, pk) -> Event:
        return get_object_or_404(Event, pk=pk)

    @extend_schema(
        summary="Aanmeldingen voor een evenement (organisatoren)",
        tags=["Connect"],
        parameters=[ID],
        responses=RegistrationStaffSerializer(many=True),
    )
    @action(detail=True, methods=["get"], url_path="aanmeldingen", url_name="aanmeldingen")
    def registrations(self, request: Request, pk=None) -> Response:
        event = self._event(pk)
        log_read(request.user, event, "deelnemerslijst (API)")
        page = self.paginate_queryset(selectors.participants(event).prefetch_related(CHOICES))
        return self.get_paginated_response(RegistrationStaffSerializer(page, many=True).data)

    @extend_schema(
        summary="Aanmelden voor een evenement",
        description="Neemt een plaats als die er is (status `aangemeld`), anders een plaats op de wachtlijst "
        "(status `wachtlijst`). Per gekozen sessie (`sessies`) een plaats in de sessie, of als die vol is een "
        "plaats op de wachtlijst van die sessie; de plaats in het evenement blijft dan staan. "
        "De deelnemer krijgt een mail met de status (per sessie), de persoonlijke code en de link om het "
        "e-mailadres te bevestigen. Het antwoord is 202, hetzelfde of het e-mailadres al is aangemeld of niet: een "
        "adres dat al is aangemeld krijgt een mail met zijn persoonlijke link, zodat het antwoord niet verraadt "
        "wie op de deelnemerslijst staat. Alleen organisatoren van het evenement krijgen 201 met de aanmelding "
        "(ook de persoonlijke code en de status per sessie), en 409 als het e-mailadres al is aangemeld. "
        "400 als een sessie niet bij het evenement hoort of twee sessies tegelijk zijn. "
        "409 als de aanmelding gesloten is of het evenement geannuleerd is. "
        "429 (met Retry-After) bij te veel aanmeldingen vanaf hetzelfde adres kort na elkaar.",
        tags=["Connect"],
        parameters=[ID],
        request=RegistrationRequestSerializer,
        responses={
            201: OpenApiResponse(RegistrationSerializer, description="Aangemeld (alleen voor organisatoren)."),
            202: OpenApiResponse(
                RegistrationReceivedSerializer, description="Ontvangen; de deelnemer hoort de rest per mail."
            ),
            409: OpenApiResponse(
                description="Aanmelding gesloten of evenement geannuleerd; voor organisatoren ook: al aangemeld."
            ),
            429: OpenApiResponse(description="Te veel aanmeldingen vanaf dit adres; zie de Retry-After-header."),
        },
    )
    @registrations.mapping.post
    def register(self, request: Request, pk=None) -> Response:
        event = self._event(pk)
        body = RegistrationRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        fields = {
            "event": event,
            "name": data["naam"],
            "email": data["email"],
            "organisation_name": data["organisatie"],
            "sessions": data["sessies"],
            "account": request.user,
        }
        organiser = request.user.has_perm("connect.manage_event", event)
        try:
            if not organiser:
                # The same answer whether or not the address was already registered; the mail says which (#11 F12).
                services.register_or_remind(**fields)
                return Response(
                    RegistrationReceivedSerializer(
                        {"status": "ontvangen", "bericht": services.received_message(data["email"])}
                    ).data,
                    status=status.HTTP_202_ACCEPTED,
                )
            registration = services.register(**fields)
        except services.RegistrationClosed as exc:
            raise Conflict(str(exc)) from exc
        except services.AlreadyRegistered as exc:
            raise Conflict(str(exc)) from exc
        except services.RegistrationRefused as exc:
            raise ValidationError({"sessies": [str(exc)]}) from exc
        registration = Registration.objects.prefetch_related(CHOICES).get(pk=registration.pk)
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)

    def _registration(self, pk, token) -> Registration:
        return get_object_or_404(
            Registration.objects.select_related("event").prefetch_related(CHOICES), event_id=pk, token=token
        )

    @extend_schema(
        summary="Eigen aanmelding bekijken met de persoonlijke code",
        tags=["Connect"],
        parameters=[ID, TOKEN],
        responses=RegistrationSerializer,
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"aanmeldingen/(?P<token>[A-Za-z0-9_-]+)",
        url_name="aanmelding",
    )
    def own_registration(self, request: Request, pk=None, token=None) -> Response:
        return Response(RegistrationSerializer(self._registration(pk, token)).data)

    @extend_schema(
        summary="Afmelden met de persoonlijke code",
        description="De vrijgekomen plaats gaat naar de eerste op de wachtlijst. 409 als het evenement voorbij is.",
        tags=["Connect"],
        parameters=[ID, TOKEN],
        responses={204: None, 409: OpenApiResponse(description="Het evenement is al voorbij.")},
    )
    @own_registration.mapping.delete
    def cancel_registration(self, request: Request, pk=None, token=None) -> Response:
        registration = self._registration(pk, token)
        try:
            services.cancel_registration(registration.token)
        except services.ChangeRefused as exc:
            raise Conflict(str(exc)) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Evaluaties van een evenement (organisatoren)",
        tags=["Connect"],
        parameters=[ID],
        responses=EvaluationSerializer(many=True),
    )
    @action(detail=True, methods=["get"], url_path="evaluaties", url_name="evaluaties")
    def evaluations(self, request: Request, pk=None) -> Response:
        event = self._event(pk)
        log_read(request.user, event, "evaluaties (API)")
        page = self.paginate_queryset(selectors.evaluations(event).order_by("submitted_at", "pk"))
        return self.get_paginated_response(EvaluationSerializer(page, many=True).data)
