from django.utils import timezone
from rest_framework import serializers

from meent.realisatie.ibd.forms import recipient_choices
from meent.realisatie.ibd.models import (
    PAP,
    TLP,
    Category,
    Impact,
    Incident,
    Observable,
    ObservableType,
    RequestType,
    TimelineEntry,
)


class IncidentSerializer(serializers.ModelSerializer):
    nummer = serializers.CharField(source="number", read_only=True)
    titel = serializers.CharField(source="title", max_length=200)
    omschrijving = serializers.CharField(source="description")
    gemeente = serializers.CharField(source="gemeente.code", read_only=True)
    ontdektOp = serializers.DateTimeField(source="detected_at")
    gemeldOp = serializers.DateTimeField(source="reported_at", read_only=True)
    categorie = serializers.ChoiceField(source="category", choices=Category.choices)
    soortVraag = serializers.ChoiceField(source="request_type", choices=RequestType.choices)
    impact = serializers.ChoiceField(choices=Impact.choices)
    ernst = serializers.CharField(source="severity", read_only=True)
    tlp = serializers.ChoiceField(choices=TLP.choices, default=TLP.AMBER)
    pap = serializers.ChoiceField(choices=PAP.choices, default=PAP.AMBER)
    status = serializers.CharField(read_only=True)
    eersteReactieOp = serializers.DateTimeField(source="first_response_at", read_only=True, allow_null=True)
    afgeslotenOp = serializers.DateTimeField(source="closed_at", read_only=True, allow_null=True)
    samenvatting = serializers.CharField(source="closing_summary", read_only=True)
    ontvangers = serializers.ListField(
        child=serializers.CharField(max_length=150),
        write_only=True,
        required=False,
        help_text="Gebruikersnamen van genoemde ontvangers (informatiebeveiligers van de eigen gemeente of "
        "analisten van de IBD). Nodig bij AMBER+STRICT en RED; de melder staat er altijd bij.",
    )

    class Meta:
        model = Incident
        fields = [
            "nummer",
            "titel",
            "omschrijving",
            "gemeente",
            "ontdektOp",
            "gemeldOp",
            "categorie",
            "soortVraag",
            "impact",
            "ernst",
            "tlp",
            "pap",
            "status",
            "eersteReactieOp",
            "afgeslotenOp",
            "samenvatting",
            "ontvangers",
        ]

    def validate_ontdektOp(self, value):
        if value > timezone.now():
            raise serializers.ValidationError("Het tijdstip van ontdekken kan niet in de toekomst liggen.")
        return value

    def validate_ontvangers(self, value: list[str]) -> list:
        user = self.context["request"].user
        allowed = {a.username: a for a in recipient_choices(user.gemeente)}
        unknown = [name for name in value if name not in allowed]
        if unknown:
            raise serializers.ValidationError(f"Onbekende of niet toegestane ontvangers: {', '.join(unknown)}.")
        return [allowed[name] for name in value]


class TimelineEntrySerializer(serializers.ModelSerializer):
    soort = serializers.ChoiceField(
        source="kind", choices=[c for c in TimelineEntry.Kind.choices if c[0] != TimelineEntry.Kind.STATUS]
    )
    tekst = serializers.CharField(source="text")
    tijdstip = serializers.DateTimeField(source="occurred_at", required=False)
    tlp = serializers.ChoiceField(choices=TLP.choices, default=TLP.AMBER)
    pap = serializers.ChoiceField(choices=PAP.choices, default=PAP.AMBER)
    auteur = serializers.SerializerMethodField()

    class Meta:
        model = TimelineEntry
        fields = ["id", "soort", "tekst", "tijdstip", "tlp", "pap", "auteur"]
        read_only_fields = ["id"]

    def get_auteur(self, obj: TimelineEntry) -> str:
        return obj.author.get_full_name() or obj.author.username


class ObservableSerializer(serializers.ModelSerializer):
    soort = serializers.ChoiceField(source="type", choices=ObservableType.choices)
    waarde = serializers.CharField(source="value", max_length=2000)
    tlp = serializers.ChoiceField(choices=TLP.choices, default=TLP.AMBER)
    pap = serializers.ChoiceField(choices=PAP.choices, default=PAP.AMBER)
    bron = serializers.CharField(source="source", read_only=True)

    class Meta:
        model = Observable
        fields = ["id", "soort", "waarde", "tlp", "pap", "bron"]
        read_only_fields = ["id"]
