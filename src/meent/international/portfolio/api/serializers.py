from rest_framework import serializers

from meent.international.portfolio.models import Funding, Programme, Project, ProjectCountry, ProjectYear, StatusChange


class ProgrammaSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    naamEn = serializers.CharField(source="name_en")
    financier = serializers.CharField(source="funder.name")
    kantoor = serializers.CharField(source="office.name")
    overeengekomenOp = serializers.DateField(source="signed_on")
    begin = serializers.DateField(source="start_date")
    einde = serializers.DateField(source="end_date")
    budgetEur = serializers.DecimalField(source="budget_eur", max_digits=14, decimal_places=2)
    themas = serializers.SlugRelatedField(source="themes", slug_field="code", many=True, read_only=True)
    landen = serializers.SerializerMethodField()
    strategisch = serializers.BooleanField(source="strategic")
    activiteitFinancier = serializers.CharField(source="provider_activity_id")

    class Meta:
        model = Programme
        fields = [
            "id",
            "code",
            "naam",
            "naamEn",
            "financier",
            "kantoor",
            "overeengekomenOp",
            "begin",
            "einde",
            "budgetEur",
            "themas",
            "landen",
            "strategisch",
            "activiteitFinancier",
        ]

    def get_landen(self, programme: Programme) -> list[str]:
        return [country.code for country in programme.countries]


class LandSerializer(serializers.ModelSerializer):
    land = serializers.CharField(source="country.code")
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        model = ProjectCountry
        fields = ["land", "percentage"]


class FinancieringSerializer(serializers.ModelSerializer):
    donor = serializers.CharField(source="donor.name")
    donorId = serializers.IntegerField(source="donor_id")
    valuta = serializers.CharField(source="currency")
    bedrag = serializers.DecimalField(source="amount", max_digits=14, decimal_places=2)
    koers = serializers.DecimalField(source="rate", max_digits=12, decimal_places=6)
    bedragEur = serializers.DecimalField(source="amount_eur", max_digits=14, decimal_places=2)
    getekendOp = serializers.DateField(source="signed_on")
    activiteitDonor = serializers.CharField(source="provider_activity_id")

    class Meta:
        model = Funding
        fields = ["donor", "donorId", "valuta", "bedrag", "koers", "bedragEur", "getekendOp", "activiteitDonor"]


class JaarSerializer(serializers.ModelSerializer):
    jaar = serializers.IntegerField(source="year")
    budgetEur = serializers.DecimalField(source="budget_eur", max_digits=14, decimal_places=2)
    gerealiseerdEur = serializers.DecimalField(source="realised_eur", max_digits=14, decimal_places=2)

    class Meta:
        model = ProjectYear
        fields = ["jaar", "budgetEur", "gerealiseerdEur"]


class ProjectSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    titelEn = serializers.CharField(source="title_en")
    titelFr = serializers.CharField(source="title_fr")
    programma = serializers.SlugRelatedField(source="programme", slug_field="code", read_only=True)
    begin = serializers.DateField(source="start_date", allow_null=True)
    einde = serializers.DateField(source="end_date", allow_null=True)
    themas = serializers.SlugRelatedField(source="themes", slug_field="code", many=True, read_only=True)
    landen = LandSerializer(source="countries", many=True, read_only=True)
    financiering = FinancieringSerializer(source="fundings", many=True, read_only=True)
    jaren = JaarSerializer(source="years", many=True, read_only=True)
    # A plain string: "Status" is already the name of another module's enum in the OpenAPI document.
    status = serializers.CharField(
        read_only=True, help_text="voorbereiding, actief, opgeschort, hervat, gestopt of afgerond"
    )
    openbaar = serializers.BooleanField(source="published")

    class Meta:
        model = Project
        fields = [
            "id",
            "code",
            "titel",
            "titelEn",
            "titelFr",
            "programma",
            "status",
            "begin",
            "einde",
            "themas",
            "landen",
            "financiering",
            "jaren",
            "openbaar",
        ]


class StatuswijzigingSerializer(serializers.ModelSerializer):
    van = serializers.CharField(source="from_status")
    naar = serializers.CharField(source="to_status")
    datum = serializers.DateField(source="date")
    reden = serializers.CharField(source="reason")
    toelichting = serializers.CharField(source="explanation")
    vastgelegdOp = serializers.DateTimeField(source="recorded_at")

    class Meta:
        model = StatusChange
        fields = ["van", "naar", "datum", "reden", "toelichting", "vastgelegdOp"]
