"""Single sign-on through OpenID Connect (enabled when ``OIDC_RP_CLIENT_ID`` is set).

Accounts are matched on e-mail address and never created with roles: an administrator grants roles, so SSO
cannot widen anyone's access. The identity provider is trusted for the second factor (session key ``meent_sso``).
"""

from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

SSO_SESSION_KEY = "meent_sso"


class MeentOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        email = claims.get("email", "")
        return self.UserModel.objects.create_user(
            username=email,
            email=email,
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )

    def authenticate(self, request: HttpRequest | None, **kwargs):
        user = super().authenticate(request, **kwargs)
        if user is not None and request is not None:
            request.session[SSO_SESSION_KEY] = True
        return user
