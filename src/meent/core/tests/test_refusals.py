"""One family of refusals: the API maps each to problem+json once, forms show them as field errors."""

import pytest
from django import forms
from django.test import RequestFactory

from meent.api.problems import exception_handler
from meent.core.refusals import ConflictRefused, ImportRefused, Refused


def test_every_module_raises_the_same_import_refusal():
    from meent.connect import services as connect_services
    from meent.leden import services as leden_services
    from meent.realisatie.benchmark import parsing

    assert connect_services.ImportRefused is leden_services.ImportRefused is parsing.ImportRefused is ImportRefused
    assert issubclass(connect_services.RegistrationRefused, Refused)
    assert issubclass(connect_services.ChangeRefused, Refused)


@pytest.mark.parametrize(
    ("refusal", "status"),
    [
        (ImportRefused(["regel 2: geen datum", "regel 5: geen vorm"], field="bestand"), 400),
        (ConflictRefused("Vol"), 409),
    ],
)
def test_the_api_answers_a_refusal_with_problem_json(refusal, status):
    request = RequestFactory().post("/api/v1/voorbeeld")
    response = exception_handler(refusal, {"request": request})
    assert response.status_code == status and response.content_type == "application/problem+json"
    assert response.data["status"] == status and response.data["instance"] == "/api/v1/voorbeeld"
    reasons = [(p["name"], p["reason"]) for p in response.data["invalid_params"]]
    assert reasons == [(refusal.field or "nonFieldErrors", str(error)) for error in refusal.errors]


def test_a_form_shows_a_refusal_on_its_field():
    class Upload(forms.Form):
        bestand = forms.CharField()

    form = Upload({"bestand": "x"})
    assert form.is_valid()
    ImportRefused(["regel 2: geen datum", "regel 5: geen vorm"], field="bestand").add_to(form)
    assert form.errors == {"bestand": ["regel 2: geen datum", "regel 5: geen vorm"]}
    ImportRefused("Het bestand is leeg.").add_to(form)
    assert form.non_field_errors() == ["Het bestand is leeg."]
