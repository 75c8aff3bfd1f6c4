"""Closed-loop load with wrk when it is installed (apt-get install wrk), else with bench.loadgen."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from bench import loadgen

SCRIPT = Path(__file__).with_name("wrk_report.lua")


def available() -> bool:
    return shutil.which("wrk") is not None


def saturate(url: str, headers: dict[str, str], *, concurrency: int, duration: float, use_wrk: bool) -> dict:
    """Fixed concurrency for a fixed time: throughput and latency percentiles, errors by kind."""
    if not use_wrk:
        result = loadgen.closed_loop(url, headers, concurrency=concurrency, duration=duration)
        result["tool"] = "python"
        return result
    command = ["wrk", "-t", str(min(2, concurrency)), "-c", str(concurrency), "-d", f"{max(1, round(duration))}s"]
    command += ["--timeout", "10s", "-s", str(SCRIPT)]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": {key: value for key, value in raw["errors"].items() if value},
        "tool": "wrk",
    }
