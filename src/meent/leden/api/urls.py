from rest_framework.routers import SimpleRouter

from meent.leden.api.views import GemeenteViewSet, OrganisationViewSet

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", GemeenteViewSet, basename="gemeente")
router.register("organisaties", OrganisationViewSet, basename="organisatie")
urlpatterns = router.urls
