from rest_framework import serializers

from meent.naleving.models import Campaign, Field

# Plain strings, not enums: drf-spectacular would otherwise name several "status" enums of the API apart.
PROGRESS_STATUSES = "niet_gestart, bezig of gereed (de service weigert andere waarden)."


class FieldSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="kind")
    sleutel = serializers.CharField(source="key")
    verplicht = serializers.BooleanField(source="required")
    routekaart = serializers.IntegerField(
        source="step.roadmap_id",
        allow_null=True,
        help_text="Nummer van de routekaart waarvan het veld de voortgang op een stap vraagt; anders leeg.",
    )
    stap = serializers.IntegerField(
        source="step.number",
        allow_null=True,
        help_text="Nummer van die stap; het antwoord (niet_gestart, bezig of gereed) wordt de voortgang.",
    )

    class Meta:
        model = Field
        fields = ["sleutel", "label", "soort", "verplicht", "routekaart", "stap"]


class CampaignSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    vraag = serializers.CharField(source="question")
    doelgroep = serializers.CharField(source="target_kind")
    indelingJaar = serializers.IntegerField(source="division_year")
    verstuurd = serializers.DateTimeField(source="sent_at")
    uitersteAntwoordmoment = serializers.DateTimeField(source="deadline")
    aantalDoelgemeenten = serializers.IntegerField(source="target_count")
    aantalBeantwoord = serializers.IntegerField(source="answered_count")

    class Meta:
        model = Campaign
        fields = [
            "id",
            "titel",
            "vraag",
            "doelgroep",
            "indelingJaar",
            "verstuurd",
            "uitersteAntwoordmoment",
            "aantalDoelgemeenten",
            "aantalBeantwoord",
        ]


class CoveragePointSerializer(serializers.Serializer):
    uur = serializers.IntegerField(help_text="Uren na verzending.")
    beantwoord = serializers.IntegerField(help_text="Gemeenten die toen hadden geantwoord.")


class GemeenteAnswerSerializer(serializers.Serializer):
    gemeente = serializers.CharField(help_text="CBS-code.")
    naam = serializers.CharField()
    status = serializers.CharField(help_text="beantwoord, herinnerd of ontbreekt.")
    eersteAntwoord = serializers.DateTimeField(allow_null=True)
    herinneringen = serializers.IntegerField()
    versie = serializers.IntegerField(allow_null=True, help_text="Versie van het geldende antwoord.")
    antwoord = serializers.DictField(allow_null=True, help_text="Het geldende antwoord, per veldsleutel.")


class CampaignDetailSerializer(CampaignSerializer):
    velden = FieldSerializer(source="fields", many=True)
    dekking = CoveragePointSerializer(many=True, source="coverage_series")
    gemeenten = GemeenteAnswerSerializer(many=True, source="gemeente_answers")

    class Meta(CampaignSerializer.Meta):
        fields = [*CampaignSerializer.Meta.fields, "velden", "dekking", "gemeenten"]


class StepSerializer(serializers.Serializer):
    nummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    handreiking = serializers.CharField(source="guidance")
    links = serializers.ListField(child=serializers.CharField(), source="link_list")


class ProgressSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="gemeente.code", help_text="CBS-code.")
    stap = serializers.IntegerField(source="step.number")
    status = serializers.CharField(help_text=PROGRESS_STATUSES)
    datum = serializers.DateField(source="date")
    notitie = serializers.CharField(source="note", allow_blank=True)


class RoadmapSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    titel = serializers.CharField(source="title")
    toelichting = serializers.CharField(source="description")
    stappen = StepSerializer(many=True, source="steps.all")


class RoadmapDetailSerializer(RoadmapSerializer):
    voortgang = ProgressSerializer(many=True, source="visible_progress")


class ProgressInputSerializer(serializers.Serializer):
    stap = serializers.IntegerField(min_value=1)
    status = serializers.CharField(help_text=PROGRESS_STATUSES)
    datum = serializers.DateField(required=False)
    notitie = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    gemeente = serializers.CharField(
        required=False, max_length=6, help_text="CBS-code; standaard de gemeente van het account."
    )


class GlobalGoalsGemeenteSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="gemeente.code", help_text="CBS-code in de indeling van het jaar.")
    naam = serializers.CharField(source="gemeente.name")
    lidSinds = serializers.DateField(source="joined")
    via = serializers.SerializerMethodField(help_text="CBS-codes van voorgangers die zich aansloten.")

    def get_via(self, member) -> list[str]:
        return [g.code for g in member.via]


class GlobalGoalsYearSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    aantal = serializers.IntegerField()


class GlobalGoalsSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    aantal = serializers.IntegerField()
    gemeenten = GlobalGoalsGemeenteSerializer(many=True)
    perJaar = GlobalGoalsYearSerializer(many=True)
