app_name = "ibd"
urlpatterns: list = []
