"""Meent's settings plus one URL conf that adds the benchmark's bare POST view. Only
``benchmarks/registration_rush.py`` starts a server with these settings; production never imports them."""

from meent.settings import *  # noqa: F403

ROOT_URLCONF = "rush_urls"
