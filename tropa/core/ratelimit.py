"""A fixed-window rate limiter on the Django cache, for endpoints allauth does not cover."""

from __future__ import annotations

import time

from django.core.cache import cache

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/m' -> (10, 60). Raises ValueError on a malformed rate."""
    count, _, unit = rate.partition("/")
    if unit not in _UNITS or not count.isdigit() or int(count) < 1:
        raise ValueError(f"bad rate {rate!r}: use <count>/<s|m|h|d>")
    return int(count), _UNITS[unit]


def hit(scope: str, key: str, rate: str) -> bool:
    """Count one hit; True while the caller is within `rate`, False once it is exceeded."""
    limit, window = parse_rate(rate)
    bucket = int(time.time() // window)
    cache_key = f"rl:{scope}:{key}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    return count <= limit


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def exceeded(scope: str, key: str, rate: str) -> bool:
    """True when `key` has already used up `rate` in the current window (does not count a hit)."""
    limit, window = parse_rate(rate)
    bucket = int(time.time() // window)
    return (cache.get(f"rl:{scope}:{key}:{bucket}") or 0) >= limit
