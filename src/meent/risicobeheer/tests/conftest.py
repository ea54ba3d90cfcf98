import pytest

from meent.core.roles import Role


@pytest.fixture
def people(make_account) -> dict:
    from meent.leden import services as leden
    from meent.leden.models import Organisation

    region = leden.create_organisation(name="Veiligheidsregio Test", kind=Organisation.Kind.VEILIGHEIDSREGIO)
    veiligheidsregio = leden.create_account(
        username="vr-test", password="Een-lang-testwachtwoord-1", organisation=region, roles=[]
    )
    return {
        "amsterdam": make_account(Role.GEMEENTE, gemeente="GM0363", username="amsterdam"),
        "utrecht": make_account(Role.GEMEENTE, Role.GEMEENTE_ISO, gemeente="GM0344", username="utrecht-iso"),
        "risicobeheer": make_account(Role.RISICOBEHEER, username="risicobeheer"),
        "bestuur": make_account(Role.BESTUUR, username="bestuur"),
        "connect": make_account(Role.CONNECT, username="connect"),
        "veiligheidsregio": veiligheidsregio,
    }
