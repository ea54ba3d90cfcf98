"""API representations of the grant fund. An application never carries reviewers or scores: the API shows
every reader what the applicant may see of it, plus the transitions the caller may make."""

from rest_framework import serializers

from meent.international.fonds import services
from meent.international.fonds.models import Application, Fund, Status


class FundSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    donor = serializers.CharField(source="donor.name")
    valuta = serializers.CharField(source="currency")
    budget = serializers.DecimalField(max_digits=14, decimal_places=2)
    toegekend = serializers.DecimalField(source="committed", max_digits=14, decimal_places=2)
    uitbetaald = serializers.DecimalField(source="paid", max_digits=14, decimal_places=2)
    resterend = serializers.DecimalField(source="remaining", max_digits=14, decimal_places=2)
    beginOp = serializers.DateField(source="starts_on")
    eindOp = serializers.DateField(source="ends_on")

    class Meta:
        model = Fund
        fields = [
            "id",
            "naam",
            "donor",
            "valuta",
            "budget",
            "toegekend",
            "uitbetaald",
            "resterend",
            "beginOp",
            "eindOp",
        ]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    nummer = serializers.CharField(source="number", allow_null=True)
    oproep = serializers.CharField(source="call.title")
    titel = serializers.CharField(source="title")
    organisatie = serializers.CharField(source="organisation_name")
    registratienummer = serializers.CharField(source="registration_number")
    status = serializers.CharField(help_text="Status in de screening: " + ", ".join(Status.values) + ".")
    gebieden = serializers.SlugRelatedField(source="areas", slug_field="code", many=True, read_only=True)
    gevraagdBedrag = serializers.DecimalField(source="amount_requested", max_digits=14, decimal_places=2)
    toegekendBedrag = serializers.DecimalField(
        source="amount_granted", max_digits=14, decimal_places=2, allow_null=True
    )
    motivering = serializers.CharField(source="decision_motivation")
    ingediendOp = serializers.DateTimeField(source="submitted_at", allow_null=True)
    beslotenOp = serializers.DateTimeField(source="decided_at", allow_null=True)
    toegestaneOvergangen = serializers.SerializerMethodField(
        help_text="De statussen waarheen de aanroeper de aanvraag nu mag zetten (POST …/overgang)."
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "nummer",
            "oproep",
            "titel",
            "organisatie",
            "registratienummer",
            "status",
            "gebieden",
            "gevraagdBedrag",
            "toegekendBedrag",
            "motivering",
            "ingediendOp",
            "beslotenOp",
            "toegestaneOvergangen",
        ]
        read_only_fields = fields

    def get_toegestaneOvergangen(self, application: Application) -> list[str]:
        user = self.context["request"].user
        if not user.has_perm("fonds.manage_application", application):
            return []
        return services.available_transitions(application)


class TransitionSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=list(services.TRANSITIONS), help_text="De nieuwe status.")
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
    bedrag = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="Alleen bij toegekend: het toe te kennen bedrag (standaard het gevraagde).",
    )
