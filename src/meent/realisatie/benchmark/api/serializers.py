from rest_framework import serializers

from meent.realisatie.benchmark.models import Indicator, Observation, Theme


class IndicatorSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    eenheid = serializers.CharField(source="unit")
    thema = serializers.ChoiceField(source="theme", choices=Theme.choices)
    bron = serializers.CharField(source="source")
    toelichting = serializers.CharField(source="description")
    hogerIsBeter = serializers.BooleanField(source="higher_is_better", allow_null=True)
    optelbaar = serializers.BooleanField(source="additive")
    cumulatief = serializers.BooleanField(source="cumulative")
    decimalen = serializers.IntegerField(source="decimals")
    synthetisch = serializers.BooleanField(source="synthetic")

    class Meta:
        model = Indicator
        fields = [
            "code",
            "naam",
            "eenheid",
            "thema",
            "bron",
            "toelichting",
            "hogerIsBeter",
            "optelbaar",
            "cumulatief",
            "decimalen",
            "synthetisch",
        ]


class WaarnemingSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    gebied = serializers.CharField(source="area.code")
    gebiedsnaam = serializers.CharField(source="area.name")
    periode = serializers.CharField(source="period.code")
    waarde = serializers.FloatField(source="value")
    geschat = serializers.BooleanField(source="estimated")
    bron = serializers.CharField(source="source.key")

    class Meta:
        model = Observation
        fields = ["indicator", "gebied", "gebiedsnaam", "periode", "waarde", "geschat", "bron"]


class ProfielRegelSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    naam = serializers.CharField()
    eenheid = serializers.CharField()
    periode = serializers.CharField()
    waarde = serializers.FloatField()
    geschat = serializers.BooleanField()
    nederland = serializers.FloatField(allow_null=True)
    peergroep = serializers.FloatField(allow_null=True, help_text="Mediaan van de peergroep.")
    positie = serializers.IntegerField(allow_null=True)
    aantalGemeenten = serializers.IntegerField(allow_null=True)
    trend = serializers.ListField(child=serializers.ListField(), help_text="[periode, waarde] per periode.")


class ProfielThemaSerializer(serializers.Serializer):
    thema = serializers.CharField()
    indicatoren = ProfielRegelSerializer(many=True)


class ProfielSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    inwoners = serializers.IntegerField(allow_null=True)
    huidigeIndeling = serializers.BooleanField()
    peergroep = serializers.CharField(allow_null=True)
    themas = ProfielThemaSerializer(many=True)
