"""Every page wears one of the four page patterns (templates/patterns/: list, detail, form, dashboard), so a new
module looks like the others without copying markup. A template that extends base.html itself must be in the short
allow-list below, with the reason it is not one of the patterns (DEVELOPERS.md, "Look and page patterns")."""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]  # src/meent
EXTENDS_BASE = re.compile(r"""\{%\s*extends\s+["']base\.html["']\s*%\}""")
EXTENDS_PATTERN = re.compile(r"""\{%\s*extends\s+["']patterns/(\w+)\.html["']\s*%\}""")

# Path under src/meent → why it extends base.html directly.
ALLOWED = {
    "templates/patterns/list_page.html": "a page pattern itself",
    "templates/patterns/detail_page.html": "a page pattern itself",
    "templates/patterns/form_page.html": "a page pattern itself",
    "templates/patterns/dashboard.html": "a page pattern itself",
    "templates/400.html": "error page: a heading, a sentence and the way back, whatever broke",
    "templates/403.html": "error page: a heading, a sentence and the way back, whatever broke",
    "templates/403_csrf.html": "error page: a heading, a sentence and the way back, whatever broke",
    "templates/404.html": "error page: a heading, a sentence and the way back, whatever broke",
    "templates/500.html": "error page: a heading, a sentence and the way back, whatever broke",
    "templates/two_factor/_base.html": "maps django-two-factor's own block names onto base.html for its login pages",
    "core/templates/core/lockout.html": "message only: too many wrong passwords, try again later",
    "international/crit/templates/crit/ask_sent.html": "message only: the confirmation mail has been sent",
    "international/fonds/templates/fonds/register_confirm.html": "message only: the address is confirmed (or not)",
    "naleving/templates/naleving/link_refused.html": "message only: the personal link has expired or is broken",
    "jaarverslag/templates/jaarverslag/report.html": "a document: one article with its own contents",
}


def _templates() -> dict[str, str]:
    found = {
        str(path.relative_to(SRC)): path.read_text(encoding="utf-8")
        for path in SRC.rglob("templates/**/*.html")
        if "node_modules" not in path.parts
    }
    assert len(found) > 100, "the template search found fewer templates than Meent has"
    return found


def test_no_page_extends_base_html_unless_it_is_allowed():
    direct = {name for name, text in _templates().items() if EXTENDS_BASE.search(text)}
    unexpected = sorted(direct - ALLOWED.keys())
    assert not unexpected, (
        "These templates extend base.html; extend a page pattern instead (templates/patterns/, DEVELOPERS.md "
        f"'Look and page patterns'), or add them to ALLOWED with the reason: {unexpected}"
    )


def test_the_allow_list_names_only_templates_that_still_extend_base_html():
    templates = _templates()
    stale = sorted(name for name in ALLOWED if name not in templates or not EXTENDS_BASE.search(templates[name]))
    assert not stale, f"Remove these from ALLOWED: they are gone or no longer extend base.html: {stale}"


@pytest.mark.parametrize("pattern", ["list_page", "detail_page", "form_page", "dashboard"])
def test_every_pattern_has_the_shared_blocks_and_is_in_use(pattern):
    source = (SRC / "templates" / "patterns" / f"{pattern}.html").read_text(encoding="utf-8")
    for block in ("heading", "subnav", "intro"):
        assert re.search(rf"\{{%\s*block {block}\s*%\}}", source), f"patterns/{pattern}.html lacks block {block}"
    users = [name for name, text in _templates().items() if (m := EXTENDS_PATTERN.search(text)) and m[1] == pattern]
    assert len(users) >= 3, (pattern, users)
