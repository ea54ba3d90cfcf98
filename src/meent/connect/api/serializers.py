from rest_framework import serializers

from meent.connect.models import Evaluation, Event, EventChange, Registration, Session, SessionChoice


class SessionSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    begin = serializers.DateTimeField(source="starts_at", allow_null=True)
    einde = serializers.DateTimeField(source="ends_at", allow_null=True)
    capaciteit = serializers.IntegerField(source="capacity", allow_null=True)
    vrijePlaatsen = serializers.IntegerField(source="seats_left", allow_null=True)

    class Meta:
        model = Session
        fields = ["id", "titel", "begin", "einde", "capaciteit", "vrijePlaatsen"]


class SessionChoiceSerializer(serializers.ModelSerializer):
    """One chosen session and the registrant's place in it: `aangemeld` (in the session), `wachtlijst` (on the
    session's own waiting list) or `geannuleerd`."""

    sessie = serializers.IntegerField(source="session_id")
    titel = serializers.CharField(source="session.title")
    status = serializers.CharField(help_text="`aangemeld`, `wachtlijst` (van deze sessie) of `geannuleerd`.")

    class Meta:
        model = SessionChoice
        fields = ["sessie", "titel", "status"]


class EventChangeSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="kind")
    oudeDatum = serializers.DateTimeField(source="old_starts_at", allow_null=True)
    nieuweDatum = serializers.DateTimeField(source="new_starts_at", allow_null=True)
    oudeVorm = serializers.CharField(source="old_format")
    nieuweVorm = serializers.CharField(source="new_format")
    reden = serializers.CharField(source="reason")
    vervangendEvenement = serializers.IntegerField(source="replacement_id", allow_null=True)
    gewijzigdOp = serializers.DateTimeField(source="changed_at")

    class Meta:
        model = EventChange
        fields = [
            "soort",
            "oudeDatum",
            "nieuweDatum",
            "oudeVorm",
            "nieuweVorm",
            "reden",
            "vervangendEvenement",
            "gewijzigdOp",
        ]


class EventSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    omschrijving = serializers.CharField(source="description")
    soort = serializers.ChoiceField(source="kind", choices=Event.Kind.choices)
    vorm = serializers.ChoiceField(source="format", choices=Event.Format.choices)
    status = serializers.CharField(help_text="`gepland` of `geannuleerd`.")
    begin = serializers.DateTimeField(source="starts_at")
    einde = serializers.DateTimeField(source="ends_at")
    locatie = serializers.CharField(source="venue")
    opdrachtgevers = serializers.SlugRelatedField(source="commissioners", slug_field="name", many=True, read_only=True)
    capaciteit = serializers.IntegerField(source="capacity")
    vrijePlaatsen = serializers.IntegerField(source="seats_left")
    aanmeldenMogelijk = serializers.SerializerMethodField()
    sessies = SessionSerializer(source="sessions", many=True, read_only=True)
    wijzigingen = EventChangeSerializer(source="changes", many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "titel",
            "omschrijving",
            "soort",
            "vorm",
            "status",
            "begin",
            "einde",
            "locatie",
            "opdrachtgevers",
            "capaciteit",
            "vrijePlaatsen",
            "aanmeldenMogelijk",
            "sessies",
            "wijzigingen",
        ]

    def get_aanmeldenMogelijk(self, obj: Event) -> bool:
        return obj.registration_open()


class RegistrationRequestSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    organisatie = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    sessies = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        default=list,
        max_length=100,
        help_text="Nummers van de gekozen sessies; sessies op hetzelfde moment kunnen niet samen.",
    )


class RegistrationSerializer(serializers.ModelSerializer):
    """A registration as its registrant sees it; ``token`` is the personal code for viewing and cancelling."""

    evenement = serializers.IntegerField(source="event_id")
    sessies = SessionChoiceSerializer(source="session_choices", many=True, read_only=True)
    naam = serializers.CharField(source="name")
    organisatie = serializers.CharField(source="organisation_name")
    status = serializers.ChoiceField(choices=Registration.Status.choices)
    bevestigd = serializers.BooleanField(source="is_confirmed")
    aangemeldOp = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Registration
        fields = ["token", "evenement", "sessies", "naam", "email", "organisatie", "status", "bevestigd", "aangemeldOp"]


class RegistrationReceivedSerializer(serializers.Serializer):
    """The answer to a registration by anyone but an organiser: the same whether or not the address was already
    registered (#11 F12); the mail says which, with the personal code."""

    status = serializers.CharField(help_text="Altijd `ontvangen`.")
    bericht = serializers.CharField()


class RegistrationStaffSerializer(RegistrationSerializer):
    """For organisers: everything but the registrant's personal code."""

    class Meta(RegistrationSerializer.Meta):
        fields = ["id", "evenement", "sessies", "naam", "email", "organisatie", "status", "bevestigd", "aangemeldOp"]


class EvaluationSerializer(serializers.ModelSerializer):
    algemeen = serializers.IntegerField(source="overall")
    inhoud = serializers.IntegerField(source="content")
    sprekers = serializers.IntegerField(source="speakers")
    organisatie = serializers.IntegerField(source="organisation")
    toelichting = serializers.CharField(source="comment")
    ingevuldOp = serializers.DateTimeField(source="submitted_at")

    class Meta:
        model = Evaluation
        fields = ["id", "algemeen", "inhoud", "sprekers", "organisatie", "toelichting", "ingevuldOp"]
