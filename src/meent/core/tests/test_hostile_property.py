"""#11 F8 as a property: no value typed into any form, query string or API call makes a page answer 5xx, and the
API answers every refusal as problem+json. Every page of the access matrix is opened by a persona allowed to see
it; every field of every form on it, every query parameter and every JSON property of every API operation gets
hostile values (year-1 dates, numbers no database holds, superscript digits, control characters, lone surrogates,
slashes, over-long addresses, formulas, deep nesting)."""

import json
import re
from urllib.parse import quote

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meent.core.testing import ANONYMOUS, PERSONAS
from meent.core.tests.test_access_matrix import all_cases
from meent.core.tests.test_access_matrix import fixtures as fixtures  # the matrix's objects

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = [
    "0001-01-01T00:00",
    "0001-01-01",
    "9999-12-31T23:59",
    "99999999999999999999",
    "-1",
    "²",
    "a\x01b",
    "\x00",
    "a/b",
    "../..",
    "a" * 250 + "@voorbeeld.nl",
    '=HYPERLINK("http://evil.example/","x")',
    "BOGUS",
    "",
    "x" * 5000,
]
JSON_HOSTILE = [*HOSTILE_TEXT, "a\ud800b", 99999999999999999999, -1, 1.5, True, None, [], {}, ["99999999999999999999"]]
EXAMPLES = settings(
    max_examples=2,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FORM_EXAMPLES = settings(EXAMPLES, max_examples=8)
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"[^>]*>')
QUERY_NAMES = ["jaar", "q", "page", "status", "formaat", "gemeente", "actie", "soort", "vorm", "thema", "periode"]
# The persona that opens a case: the one with the widest view first.
PREFERENCE = ["ibd-analist", "connect", "realisatie", "bestuur", "gemeente-utrecht-iso", "gemeente-amsterdam"]


def _persona(allowed) -> str:
    return next((p for p in PREFERENCE if p in allowed), next(iter(sorted(allowed))))


def _check(response, url: str) -> None:
    assert response.status_code < 500, f"{url}: {response.status_code}"
    if url.startswith("/api/") and response.status_code >= 400:
        assert response["Content-Type"].startswith("application/problem+json"), f"{url}: {response['Content-Type']}"


def _form_fields(html: str) -> list[str]:
    if 'method="post"' not in html:
        return []
    fields = [name for name in FIELD.findall(html) if name not in ("csrfmiddlewaretoken", "language", "next")]
    return sorted(set(fields))


def _valid_values(form) -> dict:
    """Values the form would accept, so that one hostile value in one field reaches the service and the database
    (a form refusing another field first would hide a crash)."""
    values = {}
    for name, field in form.fields.items():
        bound = form[name]
        initial = bound.value()
        if isinstance(field, forms.FileField):
            continue
        if initial not in (None, "", []):
            value = field.widget.format_value(initial) if not isinstance(initial, list | tuple) else initial
        elif isinstance(field, forms.ChoiceField):
            choices = [str(v) for v, _label in field.choices if str(v)]
            value = (
                choices[:1]
                if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
                else (choices[0] if choices else "")
            )
        elif isinstance(field, forms.DateTimeField):
            value = "2030-06-01T10:00"
        elif isinstance(field, forms.DateField):
            value = "2030-06-01"
        elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            value = "1"
        elif isinstance(field, forms.EmailField):
            value = "hostile@voorbeeld.nl"
        elif isinstance(field, forms.URLField):
            value = "https://voorbeeld.nl/"
        elif isinstance(field, forms.BooleanField):
            value = "on"
        else:
            value = "Tekst"
        if value is not None:
            values[name] = value
    return values


@pytest.fixture
def as_persona(client, make_account, login):
    accounts = {}

    def switch(persona: str):
        client.logout()
        if persona != ANONYMOUS:
            if persona not in accounts:
                roles, gemeente = PERSONAS[persona]
                accounts[persona] = make_account(*roles, gemeente=gemeente, username=f"hostile-{persona}")
            login(accounts[persona])
        return client

    return switch


def test_every_form_and_query_string_survives_hostile_values(fixtures, as_persona):
    by_persona: dict[str, list[str]] = {}
    for case in all_cases().values():
        if case.method == "get" and case.allowed:
            by_persona.setdefault(_persona(case.allowed), []).append(case.resolve_url(fixtures))
    for persona, urls in sorted(by_persona.items()):
        client = as_persona(persona)
        for url in sorted(set(urls)):
            page = client.get(url)
            is_html = not page.streaming and page.get("Content-Type", "").startswith("text/html")
            fields = _form_fields(page.content.decode(errors="replace")) if is_html else []
            form = (page.context or {}).get("form") if is_html else None
            valid = _valid_values(form) if isinstance(form, forms.BaseForm) else {}
            _attack_page(client, url, fields, valid)


def _operations() -> list[tuple[str, str, dict, list[str]]]:
    """Every operation of the published API with the property names of its JSON body."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema.get("components", {}).get("schemas", {})

    def properties(operation: dict) -> list[str]:
        content = (operation.get("requestBody") or {}).get("content", {})
        body = next(iter(content.values()), {}).get("schema", {})
        if ref := body.get("$ref"):
            body = components.get(ref.rsplit("/", 1)[-1], {})
        return sorted(body.get("properties", {}))

    return [
        (path, method, operation, properties(operation))
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def _body(names: list[str]):
    values = st.sampled_from(JSON_HOSTILE)
    deep = "[" * 3000 + "]" * 3000
    return st.one_of(st.fixed_dictionaries({n: values for n in names}), st.just(deep), st.just('{"a": "\\ud800"}'))


def _attack_page(client, url: str, fields: list[str], valid: dict) -> None:
    """Hostile query strings; and per form field, that field hostile while the others hold valid values."""

    @EXAMPLES
    @given(query=st.fixed_dictionaries({name: st.sampled_from(HOSTILE_TEXT) for name in QUERY_NAMES}))
    def hostile_query(query):
        _check(client.get(url, query), url)

    hostile_query()
    if not fields:
        return

    @FORM_EXAMPLES
    @given(field=st.sampled_from(fields), value=st.sampled_from(HOSTILE_TEXT))
    def hostile_field(field, value):
        _check(client.post(url, {**valid, field: value}), f"{url} {field}={value!r}")

    hostile_field()


def _attack_operation(client, path: str, method: str, operation: dict, names: list[str]) -> None:
    query_names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]

    @EXAMPLES
    @given(
        ident=st.sampled_from(["99999999999999999999", "²", "a/b", "0", "-1", "1", "IBD-0001-0001"]),
        query=st.fixed_dictionaries({n: st.sampled_from(HOSTILE_TEXT) for n in query_names}),
        body=_body(names),
    )
    def hostile(ident, query, body):
        url = re.sub(r"\{[^}]+\}", quote(ident, safe=""), path)
        if method == "get":
            response = client.get(url, query)
        else:
            text = body if isinstance(body, str) else json.dumps(body)
            response = getattr(client, method)(url, text, content_type="application/json")
        _check(response, url)

    hostile()


@pytest.mark.parametrize("persona", ["connect", "ibd-analist"])
def test_every_api_operation_answers_hostile_values_with_a_problem(persona, as_persona):
    client = as_persona(persona)
    operations = _operations()
    assert len(operations) >= 20
    for path, method, operation, names in operations:
        _attack_operation(client, path, method, operation, names)
