app_name = "risicobeheer"
urlpatterns: list = []
