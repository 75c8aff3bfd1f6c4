"""A PNG bar chart of each page's throughput ratio to the floor and its p95, drawn with Pillow."""

from __future__ import annotations

from pathlib import Path

WIDTH, ROW, LEFT, TOP = 900, 26, 170, 50
HALF = (200, 60, 60)
BAR = (31, 111, 92)
P95 = (90, 120, 200)


def draw(result: dict, path: Path) -> bool:
    """Left panel: req/s as a ratio to the floor (red line at 0.5); right panel: p95 ms. False without Pillow."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:
        return False
    pages = [(name, page) for name, page in result["pages"].items() if page["state"] == "ok"]
    if not pages:
        return False
    height = TOP + ROW * len(pages) + 40
    image = Image.new("RGB", (WIDTH, height), "white")
    pen = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    panel = (WIDTH - LEFT - 40) // 2
    max_ratio = max(1.0, *(page.get("throughput_ratio") or 0 for _, page in pages))
    max_p95 = max(1.0, *((page.get("saturation") or {}).get("p95_ms") or 0 for _, page in pages))
    pen.text((10, 8), f"{result['db']} / {result['size']} / {result['date']}", fill="black", font=font)
    pen.text((LEFT, 28), f"throughput / floor (line at 0.5, max {max_ratio:.2f})", fill="black", font=font)
    pen.text((LEFT + panel + 30, 28), f"p95 latency at saturation, ms (max {max_p95:.0f})", fill="black", font=font)
    for index, (name, page) in enumerate(pages):
        y = TOP + index * ROW
        pen.text((10, y + 6), name, fill="black", font=font)
        ratio = page.get("throughput_ratio") or 0
        width = int(panel * ratio / max_ratio)
        pen.rectangle([LEFT, y + 4, LEFT + width, y + ROW - 4], fill=BAR if ratio >= 0.5 else HALF)
        pen.text((LEFT + width + 4, y + 6), f"{ratio:.2f}", fill="black", font=font)
        p95 = (page.get("saturation") or {}).get("p95_ms") or 0
        x0 = LEFT + panel + 30
        pen.rectangle([x0, y + 4, x0 + int((panel - 50) * p95 / max_p95), y + ROW - 4], fill=P95)
        pen.text((x0 + int((panel - 50) * p95 / max_p95) + 4, y + 6), f"{p95:.1f}", fill="black", font=font)
    half = LEFT + int(panel * 0.5 / max_ratio)
    pen.line([half, TOP - 4, half, TOP + ROW * len(pages)], fill=HALF, width=1)
    image.save(path)
    return True
