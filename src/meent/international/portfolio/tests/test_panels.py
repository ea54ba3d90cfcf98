from django.test import RequestFactory

from meent.core import registry
from meent.core.roles import Role
from meent.leden.models import Gemeente


def _section(user, code: str):
    request = RequestFactory().get("/")
    request.user = user
    return registry.gemeente_sections["portfolio.gemeente"].render(request, Gemeente.objects.get(code=code))


def test_the_gemeente_section_lists_the_projects_its_officials_contributed_to(demo, make_account):
    amsterdam = make_account(Role.GEMEENTE, gemeente="GM0363", username="adam")
    section = _section(amsterdam, "GM0363")
    assert {c.project.code for c in section["contributions"]} == {"libanon-gemeenten-opvang"}
    assert section["url"] == ""  # a gemeente does not open the staff list
    # Another gemeente's contributions stay hidden from Amsterdam; staff see them with the link to the list.
    assert _section(amsterdam, "GM0344") is None
    staff = _section(make_account(Role.INTERNATIONAL, username="int-panel"), "GM0344")
    assert staff["url"] == "/international/" and staff["contributions"]
    # Nothing contributed: no section.
    assert _section(make_account(Role.BESTUUR, username="best"), "GM0014") is not None
    assert _section(make_account(Role.BESTUUR, username="best2"), "GM0153") is None


def test_the_chapter_places_only_registered_figures():
    import re

    chapter = registry.chapters["portfolio"]
    assert set(chapter.blocks) == {2020, 2021}
    for blocks in chapter.blocks.values():
        for block in blocks:
            for text in (block.nl, block.en):
                for key in re.findall(r"\{\{\s*(?:kaart |grafiek |tabel )?([a-z_]+\.[a-z_]+)", text):
                    assert key in registry.figures, key
