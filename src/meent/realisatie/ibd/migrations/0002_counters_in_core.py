# The yearly number counters moved to core (meent.core.numbering): copy them over, then drop the IBD's own.

from django.db import migrations


def copy_counters(apps, schema_editor):
    Counter = apps.get_model("ibd", "Counter")
    YearlyCounter = apps.get_model("core", "YearlyCounter")
    YearlyCounter.objects.bulk_create(
        YearlyCounter(series=c.series, year=c.year, last_number=c.last_number) for c in Counter.objects.all()
    )


def copy_back(apps, schema_editor):
    Counter = apps.get_model("ibd", "Counter")
    YearlyCounter = apps.get_model("core", "YearlyCounter")
    Counter.objects.bulk_create(
        Counter(series=c.series, year=c.year, last_number=c.last_number)
        for c in YearlyCounter.objects.filter(series__in=["IBD", "ADV"])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ibd", "0001_initial"),
        ("core", "0001_yearly_counter"),
    ]

    operations = [
        migrations.RunPython(copy_counters, copy_back),
        migrations.DeleteModel(name="Counter"),
    ]
