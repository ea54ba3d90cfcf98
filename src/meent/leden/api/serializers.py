from rest_framework import serializers

from meent.leden.models import Gemeente, Organisation


class GemeenteSerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="kind")
    naam = serializers.CharField(source="name")
    cbsNaam = serializers.CharField(source="cbs_label")
    provincie = serializers.CharField(source="province.name", default=None, allow_null=True)
    provinciecode = serializers.CharField(source="province.code", default=None, allow_null=True)
    veiligheidsregio = serializers.CharField(source="veiligheidsregio.code", default=None, allow_null=True)
    geldigVan = serializers.DateField(source="valid_from", allow_null=True)
    geldigTot = serializers.DateField(source="valid_until", allow_null=True)
    opvolgers = serializers.SerializerMethodField()
    voorgangers = serializers.SerializerMethodField()

    class Meta:
        model = Gemeente
        fields = [
            "code",
            "naam",
            "cbsNaam",
            "soort",
            "provincie",
            "provinciecode",
            "veiligheidsregio",
            "geldigVan",
            "geldigTot",
            "voorgangers",
            "opvolgers",
        ]

    def get_opvolgers(self, obj: Gemeente) -> list[str]:
        return [s.successor.code for s in obj.successions.all()]

    def get_voorgangers(self, obj: Gemeente) -> list[str]:
        return [s.predecessor.code for s in obj.predecessions.all()]


class OrganisationSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    soort = serializers.ChoiceField(source="kind", choices=Organisation.Kind.choices)
    land = serializers.CharField(source="country")
    gemeente = serializers.CharField(source="gemeente.code", default=None, read_only=True, allow_null=True)

    class Meta:
        model = Organisation
        fields = ["id", "naam", "soort", "land", "gemeente", "website"]
