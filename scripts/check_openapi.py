"""Fail when the published openapi.json differs from what the code generates (run `make openapi` to update)."""

import difflib
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meent.settings")

import django

django.setup()

from drf_spectacular.generators import SchemaGenerator  # noqa: E402
from drf_spectacular.renderers import OpenApiJsonRenderer  # noqa: E402

published_path = Path(__file__).resolve().parent.parent / "openapi.json"
generated = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
published = json.loads(published_path.read_text()) if published_path.exists() else {}
if generated != published:
    a = json.dumps(published, indent=2, sort_keys=True).splitlines()
    b = json.dumps(generated, indent=2, sort_keys=True).splitlines()
    sys.stdout.writelines(
        line + "\n" for line in list(difflib.unified_diff(a, b, "openapi.json", "code", lineterm=""))[:80]
    )
    print("openapi.json is niet bijgewerkt: voer 'make openapi' uit en commit het resultaat.", file=sys.stderr)
    sys.exit(1)
print("openapi.json komt overeen met de code.")
