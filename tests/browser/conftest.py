"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Nothing is downloaded: Playwright's own browsers are never installed, the system Chromium is launched instead. Tests
that need it are skipped when the playwright package or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import json
import mimetypes
import os
import re
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


def _playwright_available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


BROWSER_READY = _playwright_available() and CHROMIUM.exists()
SKIP_REASON = "needs the playwright package and Debian's chromium at /usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    if not BROWSER_READY:
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which Django's async-safety check takes for
    # async code; the test database set-up and the test's ORM calls are plain synchronous code, so say so.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


@pytest.fixture
def page(chromium, live_server, browser_settings):
    context = chromium.new_context(viewport=DESKTOP, base_url=live_server.url, accept_downloads=True)
    media_root = Path(browser_settings.MEDIA_ROOT)

    # The live server serves static files but not media (only DEBUG does); uploaded avatars are answered from disk.
    def serve_media(route):
        relative = re.sub(r"^.*?/media/", "", route.request.url.split("?")[0])
        path = (media_root / relative).resolve()
        if media_root.resolve() in path.parents and path.is_file():
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            route.fulfill(status=200, body=path.read_bytes(), content_type=content_type)
        else:
            route.fulfill(status=404, body="")

    context.route(re.compile(r".*/media/.*"), serve_media)
    page = context.new_page()
    page.failed_responses = []
    page.console_errors = []
    page.on("response", lambda r: r.status >= 400 and page.failed_responses.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


class Shots:
    """Numbered full-page screenshots: test-artifacts/screenshots/<lang>/<nn>-<step>.png."""

    def __init__(self, page, folder: str, start: int = 1):
        self.page = page
        self.folder = SCREENSHOTS / folder
        self.folder.mkdir(parents=True, exist_ok=True)
        # Two tests share a language folder, each with its own block of numbers; a rerun replaces only its block.
        for old in self.folder.glob("*.png"):
            if old.name[:2].isdigit() and start <= int(old.name[:2]) < start + 49:
                old.unlink()
        self.number = start - 1
        self.taken: list[Path] = []

    def __call__(self, step: str, *, mobile: bool = False, before=None) -> Path:
        self.number += 1
        path = self.folder / f"{self.number:02d}-{step}{'-mobile' if mobile else ''}.png"
        if mobile:
            self.page.set_viewport_size(MOBILE)
            if before:
                before()
        self.page.wait_for_load_state("load")
        self.page.screenshot(path=str(path), full_page=True, animations="disabled")
        if mobile:
            self.page.set_viewport_size(DESKTOP)
        self.taken.append(path)
        return path


@pytest.fixture
def shots_factory(page):
    return lambda folder, start=1: Shots(page, folder, start)


def _check_axe(page, label: str) -> None:
    """Run axe-core on the current page; fail on serious or critical violations, printing each one."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    blocking = [v for v in result["violations"] if v.get("impact") in BLOCKING_IMPACTS]
    for violation in result["violations"]:
        nodes = "; ".join(" ".join(map(str, n["target"])) for n in violation["nodes"][:5])
        print(f"[axe] {label}: {violation['impact']} {violation['id']}: {violation['help']} -> {nodes}")
    assert not blocking, f"axe on {label}: " + json.dumps(
        [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"][:3]]} for v in blocking],
        ensure_ascii=False,
        indent=1,
    )


def _totp_code(secret: str) -> str:
    """The current TOTP code, computed the way allauth checks it; waits out the last seconds of a period."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    if period - time.time() % period < 3:  # allauth allows no clock drift by default: don't straddle a boundary
        time.sleep(period - time.time() % period + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


@pytest.fixture
def check_axe():
    return _check_axe


@pytest.fixture
def totp_code():
    return _totp_code
