"""Turn stored reasons into sentences in the active language, and a score trend into SVG points."""

from __future__ import annotations

from tropa.analytics.ml import Reason, reason_text

REASON_FIELDS = ("code", "value", "usual", "weight", "total")


def reason_lines(reasons: list[dict]) -> list[str]:
    """Sentences for stored reasons ({code, value, usual, weight, total}), in the active language."""
    return [
        str(reason_text(Reason(**{key: item[key] for key in REASON_FIELDS if key in item})))
        for item in reasons or []
        if "code" in item and "value" in item
    ]


def sparkline_points(values: list[float], *, width: int = 100, height: int = 24) -> str:
    """The `points` of an SVG polyline for values in [0, 1], left to right (empty for no values)."""
    if not values:
        return ""
    if len(values) == 1:
        values = values * 2
    step = width / (len(values) - 1)
    return " ".join(f"{i * step:.1f},{height - v * height:.1f}" for i, v in enumerate(values))
