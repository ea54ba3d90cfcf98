from rest_framework.routers import SimpleRouter

from meent.realisatie.inkoop.api.views import ContractViewSet

router = SimpleRouter(trailing_slash=False)
router.register("contracten", ContractViewSet, basename="contract")
urlpatterns = router.urls
