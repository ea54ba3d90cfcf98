from rest_framework import serializers

from meent.realisatie.inkoop.models import Contract


class JaarBesparingSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="year")
    deelnemers = serializers.IntegerField(source="participants", help_text="Deelnemers met een jaarcijfer.")
    basiskosten = serializers.DecimalField(source="baseline", max_digits=16, decimal_places=2)
    contractkosten = serializers.DecimalField(source="cost", max_digits=16, decimal_places=2)
    besparing = serializers.DecimalField(source="saving", max_digits=16, decimal_places=2)


class ContractSerializer(serializers.ModelSerializer):
    nummer = serializers.CharField(source="number")
    titel = serializers.CharField(source="title")
    categorie = serializers.CharField(source="category")
    leverancier = serializers.CharField(source="supplier")
    ingangsdatum = serializers.DateField(source="start_date")
    einddatum = serializers.DateField(source="end_date", help_text="Laatste dag, inclusief gebruikte verlengingen.")
    looptijdJaren = serializers.IntegerField(source="term_years")
    verlengingsoptiesJaren = serializers.IntegerField(source="extension_options")
    verlengdJaren = serializers.IntegerField(source="extensions_used")
    gibitVersie = serializers.CharField(source="gibit_version")
    deelnemers = serializers.IntegerField(
        source="participant_count", help_text="Deelnemende gemeenten die de aanroeper mag zien."
    )
    besparingLooptijd = serializers.DecimalField(
        source="saving_term",
        max_digits=16,
        decimal_places=2,
        allow_null=True,
        help_text="Basiskosten min contractkosten over alle jaren, uit de jaarcijfers die de aanroeper mag zien.",
    )
    besparingPerJaar = JaarBesparingSerializer(source="per_year", many=True)

    class Meta:
        model = Contract
        fields = [
            "nummer",
            "titel",
            "categorie",
            "leverancier",
            "ingangsdatum",
            "einddatum",
            "looptijdJaren",
            "verlengingsoptiesJaren",
            "verlengdJaren",
            "gibitVersie",
            "deelnemers",
            "besparingLooptijd",
            "besparingPerJaar",
        ]
        read_only_fields = fields
