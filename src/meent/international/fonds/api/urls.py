from rest_framework.routers import SimpleRouter

from meent.international.fonds.api.views import ApplicationViewSet, FundViewSet

router = SimpleRouter(trailing_slash=False)
router.register("fondsen", FundViewSet, basename="fonds")
router.register(r"fondsen/(?P<fonds_id>[0-9]+)/aanvragen", ApplicationViewSet, basename="fonds-aanvraag")
urlpatterns = router.urls
