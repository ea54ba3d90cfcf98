"""Django settings for Meent, read from the environment.

The defaults run on SQLite under ``var/`` with ``DEBUG`` off; ``meent demo`` sets ``MEENT_ENV=demo`` itself and the
test run sets ``MEENT_ENV=test``. Production sets ``MEENT_ENV=production`` and must then give its own
``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` (PostgreSQL).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("MEENT_VAR_DIR", BASE_DIR / "var"))

DEMO_SECRET_KEY = "meent-demo-only-never-in-production"  # noqa: S105 - refused below outside demo/dev


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# demo | test | production; unset is none of them, so DEBUG stays off wherever someone forgets to configure it.
MEENT_ENV = os.environ.get("MEENT_ENV", "")
DEBUG = env_bool("DEBUG", MEENT_ENV == "demo")
SECRET_KEY = os.environ.get("SECRET_KEY", DEMO_SECRET_KEY)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
# Links in e-mails are absolute: mails are sent by background tasks, outside any request.
MEENT_BASE_URL = os.environ.get("MEENT_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

if MEENT_ENV == "production":
    if SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("MEENT_ENV=production vereist een eigen SECRET_KEY van minstens 32 tekens.")
    if DEBUG:
        raise ImproperlyConfigured("MEENT_ENV=production mag niet met DEBUG=true draaien.")
    if "DATABASE_URL" not in os.environ:
        raise ImproperlyConfigured("MEENT_ENV=production vereist DATABASE_URL (PostgreSQL).")
    if "MEENT_BASE_URL" not in os.environ:
        raise ImproperlyConfigured("MEENT_ENV=production vereist MEENT_BASE_URL (het adres in links in e-mails).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "mozilla_django_oidc",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "django_countries",
    "meent.core",
    "meent.leden",
    "meent.connect",
    "meent.realisatie.ibd",
    "meent.realisatie.benchmark",
    "meent.realisatie.inkoop",
    "meent.naleving",
    "meent.risicobeheer",
    "meent.international.portfolio",
    "meent.international.fonds",
    "meent.international.crit",
    "meent.international.inzameling",
    "meent.jaarverslag",
    "meent.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "meent.core.input.ControlCharacterMiddleware",
    "meent.api.middleware.ApiVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "meent.core.middleware.SessionLifetimeMiddleware",
    "meent.core.middleware.StaffTwoFactorMiddleware",
    "meent.core.middleware.TenantScopeMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "meent.urls"
WSGI_APPLICATION = "meent.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meent.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'meent.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo's web process and task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "leden.Account"
AUTHENTICATION_BACKENDS = [
    "meent.core.login_limits.LoginRateLimitBackend",
    "axes.backends.AxesStandaloneBackend",
    "meent.core.access.RulesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("meent.core.oidc.MeentOIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)

LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
# Staff accounts must pass a second factor; gemeente accounts may (MEENT_STAFF_2FA=false only for development).
MEENT_STAFF_2FA = env_bool("MEENT_STAFF_2FA", True)

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
# The client address: behind MEENT_TRUSTED_PROXIES reverse proxies, the address that the outermost trusted proxy
# saw (the header MEENT_CLIENT_IP_HEADER, by default X-Forwarded-For). Without proxies the connection's address.
MEENT_TRUSTED_PROXIES = int(os.environ.get("MEENT_TRUSTED_PROXIES", "0"))
MEENT_CLIENT_IP_HEADER = os.environ.get("MEENT_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
AXES_CLIENT_IP_CALLABLE = "meent.core.login_limits.client_ip"
# Failed logins with one password across any usernames (a salted hash of it is the key, never the password), and
# all failed logins together, within MEENT_LOGIN_WINDOW_MINUTES; beyond either limit every login is refused
# until the window ends.
MEENT_LOGIN_PASSWORD_LIMIT = int(os.environ.get("MEENT_LOGIN_PASSWORD_LIMIT", "10"))
MEENT_LOGIN_GLOBAL_LIMIT = int(os.environ.get("MEENT_LOGIN_GLOBAL_LIMIT", "500"))
MEENT_LOGIN_WINDOW_MINUTES = int(os.environ.get("MEENT_LOGIN_WINDOW_MINUTES", "15"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# French for the pages partners abroad use (fund applications, the helpdesk, crowdfunding); elsewhere Dutch.
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels")), ("fr", _("Frans"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG  # the demo serves edits to static files without a new collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded evidence and attachments live outside the web root and are served only through views that check access.
MEDIA_ROOT = Path(os.environ.get("MEENT_MEDIA_ROOT", VAR_DIR / "media"))
MEENT_PRIVATE_MEDIA = Path(os.environ.get("MEENT_PRIVATE_MEDIA", VAR_DIR / "private"))

SESSION_COOKIE_HTTPONLY = True
# Cookies travel only over HTTPS whenever the site is served over it.
SERVED_OVER_HTTPS = MEENT_ENV == "production" or MEENT_BASE_URL.startswith("https://")
SESSION_COOKIE_SECURE = SERVED_OVER_HTTPS
CSRF_COOKIE_SECURE = SERVED_OVER_HTTPS
# A session lasts at most MEENT_SESSION_HOURS after login and ends after MEENT_SESSION_IDLE_MINUTES without a
# request (meent.core.middleware.SessionLifetimeMiddleware).
MEENT_SESSION_HOURS = float(os.environ.get("MEENT_SESSION_HOURS", "8"))
MEENT_SESSION_IDLE_MINUTES = float(os.environ.get("MEENT_SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = int(MEENT_SESSION_HOURS * 3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "meent.core.views.csrf_failure"
if MEENT_ENV == "production":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000

if MEENT_ENV == "test":
    # Tests make hundreds of accounts; Django's strong hashing is not what they test and costs half a second each.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Meent <noreply@meent.example>")

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if MEENT_ENV == "test"
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "meent.api.authentication.MachineTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["meent.api.permissions.DenyByDefault"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["meent.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "meent.api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "meent.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NUM_PROXIES": MEENT_TRUSTED_PROXIES or None,
}
# Public Connect registrations per client address (API and form together); empty switches the limit off.
CONNECT_REGISTRATION_RATE = os.environ.get("CONNECT_REGISTRATION_RATE", "20/minute")
API_VERSION = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Meent API",
    "DESCRIPTION": "REST API van Meent volgens de API Design Rules (NL GOV). Fouten volgen RFC 9457 "
    "(application/problem+json).",
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "CONTACT": {"name": "Meent", "email": "api@meent.example"},
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVERS": [{"url": "/"}],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "meent.api.schema.add_problem_responses",
        "meent.api.schema.add_links",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

AUDITLOG_INCLUDE_ALL_MODELS = False
