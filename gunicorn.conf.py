# Read by a bare `gunicorn meent.wsgi:application` started in this directory: the same start-up check as `meent serve`.
from meent.gunicorn_config import on_starting  # noqa: F401
