from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from meent.international.crit.models import Language, Message, Question, Topic, Urgency
from meent.leden.models import Organisation


class MessageSerializer(serializers.ModelSerializer):
    van = serializers.CharField(source="kind", read_only=True)
    expert = serializers.CharField(source="expert.person", read_only=True, allow_null=True, default=None)
    tekst = serializers.CharField(source="text", read_only=True)
    geplaatstOp = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = Message
        fields = ["van", "expert", "tekst", "geplaatstOp"]


class QuestionSerializer(serializers.ModelSerializer):
    kenmerk = serializers.CharField(source="reference", read_only=True)
    partner = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.exclude(country="NL"), write_only=True, help_text="Id van de partnerorganisatie."
    )
    organisatie = serializers.CharField(source="partner_name", read_only=True)
    contactpersoon = serializers.CharField(source="contact_name", max_length=200)
    email = serializers.EmailField(source="contact_email")
    onderwerp = serializers.CharField(source="subject", max_length=200)
    vraag = serializers.CharField(source="text")
    thema = serializers.ChoiceField(source="topic", choices=Topic.choices)
    land = CountryField(source="country")
    taal = serializers.ChoiceField(source="language", choices=Language.choices)
    urgentie = serializers.ChoiceField(source="urgency", choices=Urgency.choices, default=Urgency.NORMAAL)
    status = serializers.CharField(read_only=True)
    ontvangenOp = serializers.DateTimeField(source="received_at", read_only=True, allow_null=True)
    eersteAntwoordUiterlijk = serializers.DateTimeField(source="first_answer_due", read_only=True, allow_null=True)
    eersteAntwoordOp = serializers.DateTimeField(source="first_answer_at", read_only=True, allow_null=True)
    geslotenOp = serializers.DateTimeField(source="closed_at", read_only=True, allow_null=True)
    tevredenheid = serializers.IntegerField(source="satisfaction", read_only=True, allow_null=True)
    berichten = MessageSerializer(source="messages", many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "id",
            "kenmerk",
            "partner",
            "organisatie",
            "contactpersoon",
            "email",
            "onderwerp",
            "vraag",
            "thema",
            "land",
            "taal",
            "urgentie",
            "status",
            "ontvangenOp",
            "eersteAntwoordUiterlijk",
            "eersteAntwoordOp",
            "geslotenOp",
            "tevredenheid",
            "berichten",
        ]
