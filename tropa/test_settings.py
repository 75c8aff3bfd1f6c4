"""Settings for the test suite: the real settings, read with TROPA_TESTING=1 (fast hashing, inline tasks)."""

import os
from urllib.parse import urlparse

os.environ.setdefault("TROPA_TESTING", "1")

from tropa.settings import *  # noqa: F403

if REDIS_URL:  # noqa: F405
    # Each xdist worker gets its own Redis database: tests clear the cache, and FLUSHDB is per database.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    CACHES["default"]["LOCATION"] = urlparse(REDIS_URL)._replace(path=f"/{8 + _worker % 8}").geturl()  # noqa: F405
