import datetime

import factory

from meent.international.portfolio import services
from meent.international.portfolio.models import Project, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = "bestuur"
    name = "Lokaal bestuur"
    name_en = "Local governance"
    name_fr = "Gouvernance locale"
    dac_code = "15112"


def make_project(code: str = "test-project", *, countries=None, published: bool = True, **kwargs) -> Project:
    defaults = {
        "title": "Testproject",
        "title_en": "Test project",
        "description": "Een project om te testen.",
        "description_en": "A project to test with.",
        "start_date": datetime.date(2020, 1, 1),
        "end_date": datetime.date(2022, 12, 31),
        "themes": [ThemeFactory()],
        "recorded_on": datetime.date(2019, 12, 1),
    }
    defaults.update(kwargs)
    return services.create_project(code=code, countries=countries or {"ML": 100}, published=published, **defaults)
