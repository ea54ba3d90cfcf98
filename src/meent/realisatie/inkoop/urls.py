app_name = "inkoop"
urlpatterns: list = []
