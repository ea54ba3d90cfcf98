from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "meent.api"
    label = "meent_api"
    verbose_name = "API"
