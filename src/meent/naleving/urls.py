app_name = "naleving"
urlpatterns: list = []
