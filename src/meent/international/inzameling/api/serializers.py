from rest_framework import serializers

from meent.international.inzameling import selectors
from meent.international.inzameling.models import Campaign


class InzamelingSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    doel = serializers.CharField(source="purpose")
    begunstigden = serializers.CharField(source="beneficiaries")
    streefbedrag = serializers.DecimalField(source="target", max_digits=12, decimal_places=2)
    vanaf = serializers.DateField(source="starts_on")
    sluitNa = serializers.DateField(source="ends_on")
    opgehaald = serializers.SerializerMethodField(help_text="Som van de giften waarvan de ontvangst is bevestigd.")
    giften = serializers.SerializerMethodField(help_text="Aantal giften waarvan de ontvangst is bevestigd.")

    class Meta:
        model = Campaign
        fields = ["id", "titel", "doel", "begunstigden", "streefbedrag", "vanaf", "sluitNa", "opgehaald", "giften"]
        read_only_fields = fields

    def get_opgehaald(self, campaign: Campaign) -> str:
        return f"{selectors.progress(campaign).raised:.2f}"

    def get_giften(self, campaign: Campaign) -> int:
        return selectors.progress(campaign).gifts
