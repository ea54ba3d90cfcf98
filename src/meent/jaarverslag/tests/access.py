"""Every page and endpoint of the annual report × persona. The fixtures hold a published report (2020) and a
draft (2021): the published one is public, the draft is for staff; communications and the board edit."""

from meent.core.testing import EVERYONE, SIGNED_IN, STAFF, Case

EDITORS = frozenset({"communicatie", "bestuur"})
REDIRECT = (302,)
BLOCK = {"kind": "tekst", "body": "Tekst met {{ leden.gemeenten }}.", "body_en": "", "order": "10"}


def fixtures() -> dict:
    from meent.jaarverslag import services
    from meent.jaarverslag.models import Block, Chapter, Report
    from meent.jaarverslag.tests import test_figure

    test_figure.register()
    services.create_report(2020)
    published = Report.objects.get(year=2020)
    chapter = Chapter.objects.create(report=published, key="test", title="Test")
    block = Block.objects.create(chapter=chapter, body="Tekst")
    services.publish(published, by=None)
    services.create_report(2021)
    return {"jaarverslag_block": block}


ACCESS = {
    "jaarverslag:index": Case("/jaarverslag/", EVERYONE),
    "jaarverslag:create": Case("/jaarverslag/nieuw/", EDITORS),
    "jaarverslag:report": Case("/jaarverslag/2021/", STAFF),
    "jaarverslag:report-pdf": Case("/jaarverslag/2020/pdf", EVERYONE),
    "jaarverslag:report-figures": Case("/jaarverslag/2021/kerncijfers.csv", STAFF),
    "jaarverslag:figure": Case("/jaarverslag/cijfers/leden.gemeenten/", EVERYONE),
    "jaarverslag:figure-records": Case("/jaarverslag/cijfers/jaarverslag_test.blokken/2020/", SIGNED_IN),
    "jaarverslag:edit": Case("/jaarverslag/2020/bewerken/", EDITORS),
    "jaarverslag:preview": Case("/jaarverslag/2020/voorbeeld/", EDITORS, "post", {"body": "Hallo"}),
    "jaarverslag:block-add": Case("/jaarverslag/2020/hoofdstukken/test/blokken/nieuw/", EDITORS),
    "jaarverslag:block-edit": Case(
        lambda f: f"/jaarverslag/2020/hoofdstukken/test/blokken/{f['jaarverslag_block'].pk}/",
        EDITORS,
        "post",
        BLOCK,
        REDIRECT,
    ),
    "api:jaarverslag-list": Case("/api/v1/jaarverslagen", EVERYONE),
    "api:jaarverslag-kerncijfers": Case("/api/v1/jaarverslagen/2021/kerncijfers", STAFF),
}
