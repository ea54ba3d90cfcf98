app_name = "crit"
urlpatterns: list = []
