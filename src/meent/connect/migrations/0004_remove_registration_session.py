from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("connect", "0003_session_choices_from_single_session")]

    operations = [
        migrations.RemoveField(
            model_name='registration',
            name='session',
        ),
        migrations.AddField(
            model_name='registration',
            name='sessions',
            field=models.ManyToManyField(blank=True, related_name='registrations', through='connect.SessionChoice', to='connect.session', verbose_name='sessies'),
        ),
    ]
