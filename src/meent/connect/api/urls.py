from rest_framework.routers import SimpleRouter

from meent.connect.api.views import EventViewSet

router = SimpleRouter(trailing_slash=False)
router.register("evenementen", EventViewSet, basename="evenement")
urlpatterns = router.urls
