"""Every main page, per role, on a 390 px phone in Chromium: the page never scrolls sideways (also at 360 px), a
wide table scrolls in its own focusable, captioned region that says it scrolls, and axe-core finds no serious or
critical violations, in Dutch and in English. The pages come from the main navigation each role sees (plus the first
detail page each list links to), so a new module's pages are covered as soon as it registers its navigation entries.

One browser, one live server, the data made once, one signed-in browser context per role and language."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meent.core.demo import load_accounts
from meent.core.testing import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# Persona → demo account (None: anonymous). Staff roles that only add pages of modules still to come are here so
# their pages are checked the day the module lands.
PERSONAS = {
    "anoniem": None,
    "gemeente": "amsterdam",
    "gemeente-iso": "utrecht-iso",
    "bestuur": "bestuur",
    "connect": "connect",
    "ibd": "ibd",
    "realisatie": "realisatie",
    "naleving": "naleving",
    "risicobeheer": "risicobeheer",
    "international": "international",
}
# What the page must satisfy; a wide table must be a focusable region named by a caption a sighted user sees too.
CHECK_LAYOUT = """() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push(`page is ${doc.scrollWidth}px wide`);
  for (const box of document.querySelectorAll('.utrecht-table-container')) {
    if (box.scrollWidth <= box.clientWidth) continue;
    const caption = document.getElementById(box.getAttribute('aria-labelledby') || '');
    const shown = caption && caption.getBoundingClientRect().width > 1;
    if (box.getAttribute('role') !== 'region' || box.tabIndex !== 0 || !shown) {
      problems.push(`wide table without a focusable, captioned region: ${box.outerHTML.slice(0, 80)}`);
    }
    const hint = getComputedStyle(box, '::before').content;
    const says = hint.includes(document.documentElement.dataset.tableScrollHint);
    if (!box.classList.contains('meent-table-container--scrolls') || !says) {
      problems.push(`wide table without the hint that it scrolls: ${box.outerHTML.slice(0, 80)}`);
    }
  }
  return problems;
}"""

# Resolves after the browser rendered twice: resize events are handled before the frame is drawn.
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _sign_in(context, base_url: str, username: str) -> None:
    """A session as after the two-step login (the login itself has its own browser tests), set once per context."""
    from meent.leden.models import Account

    account = Account.objects.get(username=username)
    client = Client()
    client.force_login(account)
    device = TOTPDevice.objects.filter(user=account).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])


def _make_data() -> None:
    """Demo-like data for every module: the demo accounts, an event with registrations, an incident."""
    from meent.connect.tests.factories import EventFactory, RegistrationFactory
    from meent.leden.models import Account
    from meent.realisatie.ibd.models import TLP
    from meent.realisatie.ibd.tests.factories import make_incident

    load_accounts()
    event = EventFactory(title="Webinar Omgevingswet voor gemeentelijke organisaties")
    RegistrationFactory.create_batch(3, event=event)
    make_incident(Account.objects.get(username="utrecht-iso"), tlp=TLP.AMBER, title="Phishing bij Burgerzaken")


def _pages(page, base_url: str) -> list[str]:
    """The main navigation's pages and, for each list, the first detail page its table links to."""
    page.goto(f"{base_url}/")
    urls = ["/", *page.eval_on_selector_all("#hoofdmenu a", "links => links.map(a => a.getAttribute('href'))")]
    details = []
    for url in urls[1:]:
        page.goto(f"{base_url}{url}")
        first = page.locator("main tbody a[href^='/']").first
        if first.count():
            details.append(first.get_attribute("href"))
    return list(dict.fromkeys(urls + details))


def test_every_main_page_fits_a_phone_and_is_accessible_in_both_languages(browser, live_server, settings, tmp_path):
    settings.MEENT_PRIVATE_MEDIA = tmp_path / "private"
    _make_data()
    problems: dict[str, list[str]] = {}
    checked: set[tuple[str, str, str]] = set()
    for persona, username in PERSONAS.items():
        kind = "anoniem" if username is None else "gemeente" if persona.startswith("gemeente") else "staf"
        for language in ("nl", "en"):
            context = browser.new_context(viewport=PHONE, locale="nl-NL")
            language_cookie = {"name": django_settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}
            context.add_cookies([language_cookie])
            if username:
                _sign_in(context, live_server.url, username)
            page = context.new_page()
            for url in _pages(page, live_server.url):
                # A staff page looks the same to every staff role: check it once per language.
                key = (kind, language, url)
                if key in checked:
                    continue
                checked.add(key)
                response = page.goto(f"{live_server.url}{url}")
                where = f"{persona} {language} {url}"
                if response.status != 200:
                    problems[where] = [f"HTTP {response.status}"]
                    continue
                assert page.evaluate("document.documentElement.lang") == language
                found = page.evaluate(CHECK_LAYOUT)
                page.set_viewport_size({"width": 360, "height": 740})
                page.evaluate(NEXT_FRAME)  # the page's resize handlers have run
                found += [f"at 360 px: {p}" for p in page.evaluate(CHECK_LAYOUT)]
                page.set_viewport_size(PHONE)
                found += serious_violations(page)
                if found:
                    problems[where] = found
            context.close()
    assert len({url for _, _, url in checked}) >= 15, "the navigation lists fewer pages than expected"
    assert not problems, problems


def test_the_main_menu_folds_behind_a_keyboard_friendly_button(browser, live_server):
    load_accounts()
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    _sign_in(context, live_server.url, "bestuur")
    page = context.new_page()
    page.goto(f"{live_server.url}/gemeenten/")
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#hoofdmenu")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    current = menu.locator("[aria-current=page]")
    assert current.text_content() == "Gemeenten"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#hoofdmenu') !== null")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('meent-menu-button')")
    page.keyboard.press("Space")
    assert menu.is_visible()

    # On a wide screen the bar shows every entry and no button.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert menu.is_visible() and not button.is_visible()
    context.close()

    # Without JavaScript the menu is an open list and there is no button that would do nothing.
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.locator("#hoofdmenu").is_visible()
    assert not page.locator(".meent-menu-button").is_visible()
    context.close()


def test_on_a_wide_screen_a_modules_links_fold_into_one_drop_down(browser, live_server):
    load_accounts()
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    _sign_in(context, live_server.url, "bestuur")
    page = context.new_page()
    page.goto(f"{live_server.url}/gemeenten/")
    menu = page.locator("#hoofdmenu")
    # The board sees every module and has 26 pages; folded per module they fit on two lines of the bar.
    item_height = page.evaluate("document.querySelector('#hoofdmenu > li').getBoundingClientRect().height")
    assert menu.bounding_box()["height"] <= item_height * 2.5
    register = menu.locator("summary", has_text="Register")
    assert "meent-nav__summary--current" in register.get_attribute("class")
    connect = menu.locator("summary", has_text="Connect")
    academie = menu.get_by_role("link", name="Academie")
    assert not academie.is_visible()

    connect.focus()
    page.keyboard.press("Enter")
    assert academie.is_visible()
    assert serious_violations(page) == []
    register.click()  # opening another closes the first
    assert not academie.is_visible() and menu.get_by_role("link", name="Organisaties").is_visible()
    page.keyboard.press("Escape")
    assert not menu.get_by_role("link", name="Organisaties").is_visible()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Register"

    connect.click()
    academie.click()
    assert page.url.endswith("/academie/")
    assert "meent-nav__summary--current" in page.locator("#hoofdmenu summary", has_text="Connect").get_attribute(
        "class"
    )
    context.close()
