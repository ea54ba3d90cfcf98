app_name = "fonds"
urlpatterns: list = []
