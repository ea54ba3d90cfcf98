"""Meent's URLs plus ``POST /benchmark/kale-post``: the framework floor for the registration rush. It passes the
same middleware as a registration, reads the JSON body and answers 201 with a small JSON body, and touches
nothing else — no database, no serializer."""

import json

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from meent.urls import urlpatterns as meent_urlpatterns


@csrf_exempt  # as the API: token or no authentication, no session cookie
@require_POST
def bare_post(request: HttpRequest) -> JsonResponse:
    body = json.loads(request.body)
    return JsonResponse({"status": "ok", "naam": body.get("naam")}, status=201)


urlpatterns = [path("benchmark/kale-post", bare_post), *meent_urlpatterns]
