"""The API's JSON parser: JSON as the standard library reads it, within limits, so that no body can crash or stall
a worker. Refused bodies are a 400 problem+json (DRF's ``ParseError``)."""

import codecs
import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as BaseJSONParser

from meent.core.input import strip_control_characters

MAX_DEPTH = 20  # no request body of this API nests deeper than three levels


def _refuse(detail: str):
    raise ParseError(detail)


def _clean(document, max_depth: int = MAX_DEPTH):
    """The document with control characters dropped from every text, walked without recursion; a lone surrogate
    (which no text encoding can write, and which made validation hang) or nesting deeper than ``max_depth`` refuses
    it."""

    def text(value: str) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            _refuse("De JSON bevat een ongeldig teken (een losse UTF-16-surrogaat).")
        return strip_control_characters(value)

    def leaf(value):
        return text(value) if isinstance(value, str) else value

    root = [leaf(document)]
    stack = [(root, 0, 0)]
    while stack:
        container, key, depth = stack.pop()
        value = container[key]
        if not isinstance(value, dict | list):
            continue
        if depth >= max_depth:
            _refuse(f"De JSON is dieper genest dan {max_depth} niveaus.")
        if isinstance(value, dict):
            cleaned = {text(k): leaf(v) for k, v in value.items()}
            container[key] = cleaned
            stack.extend((cleaned, k, depth + 1) for k in cleaned)
        else:
            cleaned = [leaf(v) for v in value]
            container[key] = cleaned
            stack.extend((cleaned, i, depth + 1) for i in range(len(cleaned)))
    return root[0]


class JSONParser(BaseJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            document = json.load(codecs.getreader(encoding)(stream), parse_constant=self._refuse_constant)
        except RecursionError:
            _refuse(f"De JSON is dieper genest dan {MAX_DEPTH} niveaus.")
        except (ValueError, UnicodeDecodeError) as exc:
            raise ParseError(f"De JSON is ongeldig: {exc}") from exc
        return _clean(document)

    @staticmethod
    def _refuse_constant(name: str):
        _refuse(f"De JSON bevat {name}, dat geen geldig getal is.")
