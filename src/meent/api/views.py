from drf_spectacular.views import SpectacularJSONAPIView


class OpenApiView(SpectacularJSONAPIView):
    """The published OpenAPI 3 document; anyone may read it."""

    permission_classes = []
    authentication_classes = []
    permission_rules = {"get": "core.view_home"}
