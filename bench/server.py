"""Serve the site like production (uvicorn, two workers, DEBUG off) for the duration of a run."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.env import ROOT


class ServerError(RuntimeError):
    """The server did not start or died: the harness itself is broken, not a page."""


def collectstatic(env: dict[str, str]) -> None:
    # Production storage is WhiteNoise's manifest: templates fail without the collected manifest.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )


class Server:
    def __init__(self, env: dict[str, str], *, port: int, workers: int, log: Path):
        self.env, self.port, self.workers, self.log = env, port, workers, log
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        from bench.env import port_open

        if port_open("127.0.0.1", self.port):
            # Another server (another run, another worktree) would answer /healthz and be measured instead.
            raise ServerError(f"port {self.port} is already in use: stop what listens there or pass --port")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "uvicorn", "tropa.asgi:application",
            "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
            "--lifespan", "off", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        try:
            self.wait_healthy()
        except BaseException:
            # `with` calls __exit__ only after __enter__ returns: a server that is merely slow to start would
            # otherwise keep the port, and the next run would measure it (with another SECRET_KEY) instead.
            self.__exit__(None, None, None)
            raise
        return self

    def wait_healthy(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"uvicorn exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise ServerError(f"/healthz did not answer within {timeout:.0f} s; see {self.log}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
