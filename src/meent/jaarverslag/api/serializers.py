from rest_framework import serializers


class ReportSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="year")
    titel = serializers.CharField(source="title")
    gepubliceerd = serializers.SerializerMethodField()
    versie = serializers.SerializerMethodField()
    gepubliceerdOp = serializers.SerializerMethodField()

    def _publication(self, report):
        return report.latest_publication

    def get_gepubliceerd(self, report) -> bool:
        return self._publication(report) is not None

    def get_versie(self, report) -> int | None:
        publication = self._publication(report)
        return publication.version if publication else None

    def get_gepubliceerdOp(self, report) -> str | None:
        publication = self._publication(report)
        return publication.published_at.isoformat() if publication else None


def _value(value) -> str | None:
    """A value as JSON: a number as a string (exact), a list figure's rows as "label: value" lines, no data null."""
    if value is None or not value.has_data:
        return None
    if value.rows is not None:
        return "; ".join(f"{row.label}: {row.value}" for row in value.rows)
    return str(value.number)


class KeyFigureSerializer(serializers.Serializer):
    sleutel = serializers.CharField(source="key")
    naam = serializers.SerializerMethodField()
    waarde = serializers.SerializerMethodField()
    weergave = serializers.SerializerMethodField()
    eenheid = serializers.CharField(source="unit")
    definitie = serializers.SerializerMethodField()
    gepubliceerdeWaarde = serializers.SerializerMethodField()

    def get_naam(self, row) -> str:
        return str(row["label"])

    def get_waarde(self, row) -> str | None:
        return _value(row["value"])

    def get_weergave(self, row) -> str:
        return str(row["value"])

    def get_definitie(self, row) -> str:
        return str(row["definition"])

    def get_gepubliceerdeWaarde(self, row) -> str | None:
        return _value(row["published"])
