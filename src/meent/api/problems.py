"""Errors as ``application/problem+json`` (RFC 9457), for DRF views and for anything else under ``/api/``."""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from meent.core.refusals import Refused

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "De aanvraag is ongeldig.",
    401: "U bent niet aangemeld.",
    403: "U heeft geen toegang tot deze gegevens.",
    404: "Niet gevonden.",
    405: "Deze methode is hier niet toegestaan.",
    406: "Dit formaat kan niet worden geleverd.",
    409: "De aanvraag botst met de huidige toestand.",
    415: "Dit formaat wordt niet ondersteund.",
    429: "Te veel verzoeken.",
    500: "Er ging iets mis op de server.",
}


def problem_body(status: int, *, detail: str | None = None, instance: str = "", **extra) -> dict:
    body = {
        "type": f"https://meent.example/problemen/{status}",
        "title": TITLES.get(status, HTTPStatus(status).phrase),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


def problem_response(request: HttpRequest, status: int, *, detail: str | None = None, **extra) -> JsonResponse:
    return JsonResponse(
        problem_body(status, detail=detail, instance=request.path, **extra),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_invalid_params(value, name))
    elif isinstance(detail, list):
        if detail and all(isinstance(item, str) for item in detail):
            params.extend(
                {"name": prefix or "nonFieldErrors", "code": getattr(item, "code", "invalid"), "reason": str(item)}
                for item in detail
            )
        else:
            for index, item in enumerate(detail):
                params.extend(_invalid_params(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        params.append(
            {"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"), "reason": str(detail)}
        )
    return params


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = TITLES[409]
    default_code = "conflict"


def refusal_response(exc: Refused, request: Request) -> Response:
    """Every service refusal, whichever module raised it: its status, its reasons as ``invalid_params``."""
    params = [{"name": exc.field or "nonFieldErrors", "code": exc.code, "reason": str(e)} for e in exc.errors]
    body = problem_body(exc.status, detail=str(exc), instance=request.path, invalid_params=params)
    return Response(body, status=exc.status, content_type=PROBLEM_CONTENT_TYPE)


def exception_handler(exc, context) -> Response | None:
    if isinstance(exc, Refused):
        return refusal_response(exc, context["request"])
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's handler500 answers problem+json for /api/
    request = context["request"]
    status = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        body = problem_body(
            status,
            detail="Een of meer velden zijn ongeldig.",
            instance=request.path,
            invalid_params=_invalid_params(exc.detail),
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else None
        body = problem_body(status, detail=str(detail) if detail else None, instance=request.path)
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
