from rest_framework import serializers

from meent.risicobeheer.models import Risk, Scenario, Variable


class VariableSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    eenheid = serializers.CharField(source="unit")
    waarden = serializers.DictField(source="values", child=serializers.CharField())

    class Meta:
        model = Variable
        fields = ["naam", "eenheid", "waarden"]


class ScenarioSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    omschrijving = serializers.CharField(source="description")
    aannames = serializers.CharField(source="assumptions")
    thema = serializers.CharField(source="theme")
    zichtbaarheid = serializers.CharField(source="visibility")
    auteur = serializers.CharField(source="author.name")
    gedeeldOp = serializers.DateField(source="published_on")
    trefwoorden = serializers.SlugRelatedField(source="tags", many=True, read_only=True, slug_field="name")
    varianten = serializers.ListField(source="variants", child=serializers.CharField())
    variabelen = VariableSerializer(source="variables", many=True, read_only=True)

    class Meta:
        model = Scenario
        fields = [
            "id", "titel", "omschrijving", "aannames", "thema", "zichtbaarheid", "auteur", "gedeeldOp",
            "trefwoorden", "varianten", "variabelen",
        ]  # fmt: skip


class RiskSerializer(serializers.ModelSerializer):
    risico = serializers.CharField(source="title")
    thema = serializers.CharField(source="theme")
    oorzaak = serializers.CharField(source="cause")
    gevolg = serializers.CharField(source="effect")
    eigenaar = serializers.CharField(source="owner")
    kansBruto = serializers.IntegerField(source="gross_likelihood")
    impactBruto = serializers.IntegerField(source="gross_impact")
    kansNetto = serializers.IntegerField(source="net_likelihood")
    impactNetto = serializers.IntegerField(source="net_impact")
    status = serializers.CharField(help_text="open of gesloten")
    herbeoordelenOp = serializers.DateField(source="review_on")
    scenario = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Risk
        fields = [
            "id", "risico", "thema", "oorzaak", "gevolg", "eigenaar", "kansBruto", "impactBruto", "kansNetto",
            "impactNetto", "status", "herbeoordelenOp", "scenario",
        ]  # fmt: skip


class BalanceSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="year")
    bijdragen = serializers.DecimalField(source="contributions", max_digits=16, decimal_places=2)
    betalingen = serializers.DecimalField(source="payments", max_digits=16, decimal_places=2)
    herverzekeringspremie = serializers.DecimalField(source="premium", max_digits=16, decimal_places=2)
    saldo = serializers.DecimalField(source="result", max_digits=16, decimal_places=2)


class MemberSerializer(serializers.Serializer):
    code = serializers.CharField(source="veiligheidsregio.code")
    naam = serializers.CharField(source="veiligheidsregio.name")
    deelnemerSinds = serializers.DateField(source="joined_on")


class PoolSerializer(serializers.Serializer):
    deelnemers = MemberSerializer(many=True)
    saldi = BalanceSerializer(many=True)
