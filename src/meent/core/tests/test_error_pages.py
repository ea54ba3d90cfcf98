"""The site's own error pages: in its layout and the reader's language, with a way back; never Django's technical
pages outside DEBUG."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import path

from meent import urls as site_urls


def _broken(request):
    raise RuntimeError("kapot")


urlpatterns = [path("kapot/", _broken), *site_urls.urlpatterns]
handler500 = site_urls.handler500

pytestmark = pytest.mark.django_db


def test_an_unknown_page_is_ours_in_dutch_with_a_way_back(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="utrecht-page-layout"' in html
    assert "Pagina niet gevonden" in html
    assert 'href="/"' in html
    assert "URLconf" not in html


def test_an_unknown_page_follows_the_language(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Page not found" in client.get("/bestaat-niet/").content.decode()


@pytest.mark.urls(__name__)
def test_a_server_error_is_ours_in_the_layout():
    response = Client(raise_request_exception=False).get("/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert 'class="utrecht-page-layout"' in html
    assert "Er ging iets mis" in html
    assert "Traceback" not in html


@pytest.mark.urls(__name__)
def test_a_server_error_page_needs_no_database():
    with mock.patch("meent.core.views.render", side_effect=RuntimeError("database weg")):
        response = Client(raise_request_exception=False).get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_csrf_failure_is_ours_and_points_back_to_the_form():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"}, HTTP_REFERER="http://testserver/gemeenten/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="utrecht-page-layout"' in html
    assert "Verzoek geweigerd" in html
    assert 'href="http://testserver/gemeenten/"' in html
    assert "CSRF" not in html  # the technical reason only in DEBUG


def test_a_csrf_failure_links_back_only_to_our_own_pages():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"}, HTTP_REFERER="https://elders.example/formulier")
    assert "elders.example" not in response.content.decode()


def test_the_api_documentation_loads_nothing_from_outside_servers(client):
    html = client.get("/api/v1/docs").content.decode()
    assert '<html lang="nl">' in html
    assert "/static/vendor/redoc.standalone.js" in html
    assert "https://" not in html and "http://" not in html and "//fonts." not in html
