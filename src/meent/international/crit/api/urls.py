from rest_framework.routers import SimpleRouter

from meent.international.crit.api.views import QuestionViewSet

router = SimpleRouter(trailing_slash=False)
router.register("vragen", QuestionViewSet, basename="vraag")
urlpatterns = router.urls
