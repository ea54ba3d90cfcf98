app_name = "inzameling"
urlpatterns: list = []
