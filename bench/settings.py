"""Settings for benchmark processes: production settings plus a URLconf that adds the floor page."""

from tropa.settings import *  # noqa: F403

# The floor view lives in bench/urls.py so that the product's URLconf stays untouched.
ROOT_URLCONF = "bench.urls"
