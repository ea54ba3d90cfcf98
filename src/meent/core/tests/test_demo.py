"""`make demo` can run twice: the second load duplicates nothing, in any module."""

import pytest
from django.apps import apps

from meent.core.demo import DEMO_ACCOUNTS, load_demo
from meent.leden.models import Account

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("meent.")
    }


def test_demo_loads_every_role_and_loading_again_duplicates_nothing():
    load_demo()
    first = row_counts()
    assert set(Account.objects.values_list("username", flat=True)) >= {a.username for a in DEMO_ACCOUNTS}
    load_demo()
    assert row_counts() == first
