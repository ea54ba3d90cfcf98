app_name = "jaarverslag"
urlpatterns: list = []
