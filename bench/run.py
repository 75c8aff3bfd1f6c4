"""Benchmark runner: `python -m bench.run --size smoke|small|large --db sqlite|postgres` measures every page."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench import chart, env, loadgen, report, wrk
from bench.fixture import headers_for
from bench.pages import PAGES
from bench.server import Server, ServerError, collectstatic
from bench.sizes import SIZES


def python_module(module: str, args: list[str], process_env: dict, timeout: float | None = None) -> str:
    """Run `python -m module`; its last stdout line is its JSON answer."""
    done = subprocess.run(  # noqa: S603  our own interpreter and modules, no shell
        [sys.executable, "-m", module, *args], cwd=env.ROOT, env=process_env, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def ensure_seeded(size: str, url: str, process_env: dict, report_path: Path) -> dict | None:
    report_path.unlink(missing_ok=True)
    started = time.perf_counter()
    args = ["--size", size, "--database-url", url, "--if-needed", "--report", str(report_path)]
    print(python_module("bench.seed", args, {**process_env, "DATABASE_URL": url}))
    if report_path.exists():
        print(f"  seeded {size} in {time.perf_counter() - started:.0f} s")
        return json.loads(report_path.read_text())
    return None


def count_queries(args, process_env: dict) -> tuple[dict, str]:
    """Query counts per page at the reference size and at this size, side by side."""
    reference = SIZES[args.size].reference or args.size
    by_size = {}
    for size in dict.fromkeys([reference, args.size]):
        url = env.database_url(args.db, size)
        by_size[size] = json.loads(python_module("bench.queries", [], {**process_env, "DATABASE_URL": url}))
    merged = {}
    for page in PAGES:
        counts = {size: by_size[size][page.name]["queries"] for size in by_size}
        status = {size: by_size[size][page.name]["status"] for size in by_size}
        known = [count for count in counts.values() if count is not None]
        equal = None if len(known) < 2 else len(set(known)) == 1
        merged[page.name] = {"counts": counts, "status": status, "equal": equal}
        if equal is False:
            merged[page.name]["sql"] = {size: by_size[size][page.name].get("sql", [])[:40] for size in by_size}
    return merged, reference


def measure_page(server: Server, page, fixture: dict, args, use_wrk: bool) -> dict:
    path = fixture["paths"][page.name]
    if path is None:
        return {"state": "missing", "detail": f"no route {page.route}"}
    url, headers = server.base_url + path, headers_for(page.auth, fixture)
    try:
        status, body = loadgen.probe(url, headers)
    except OSError as error:
        return {"state": "error", "status": None, "detail": repr(error), "path": path}
    result = {"path": path, "status": status}
    if status == 404:
        return {**result, "state": "missing", "detail": "404"}
    if status >= 500:
        return {**result, "state": "error", "detail": body[:200].decode("utf-8", "replace")}
    if status != 200:
        return {**result, "state": "redirect", "detail": "expected 200: is the session or token accepted?"}
    loadgen.closed_loop(url, headers, concurrency=args.concurrency, duration=min(1.0, args.duration / 4))  # warm
    result["saturation"] = wrk.saturate(
        url, headers, concurrency=args.concurrency, duration=args.duration, use_wrk=use_wrk
    )
    result["open_loop"] = loadgen.open_loop(url, headers, rate=args.open_rate, duration=args.open_duration)
    result["state"] = "ok"
    return result


def measure_spine(args, process_env: dict) -> dict:
    budget = ["--budget", str(args.sweep_budget)]
    python_module("bench.spine", ["--task", "floor"], process_env)  # warm the file cache; not reported
    jobs = {task: json.loads(python_module("bench.spine", ["--task", task, *budget], process_env)) for task in
            ("floor", "aggregate", "sweep")}  # fmt: skip
    floor_seconds = jobs["floor"]["seconds"]
    for job in jobs.values():
        job["floor_ratio"] = round(job["seconds"] / floor_seconds, 1) if floor_seconds else None
    return jobs


def measure_analytics(args, process_env: dict) -> dict:
    """Early warning's nightly jobs (bench/jobs.py): rollup and scoring of every active enrollment, to a floor."""
    return json.loads(python_module("bench.jobs", ["--budget", str(args.jobs_budget)], process_env))


def measure_chat(args, process_env: dict, fixture: dict, runtime: Path) -> dict:
    """Websockets held by one server process and the fan-out of a message to all of them (bench/chat.py)."""
    from bench import chat

    chat_env = {**process_env, "MESSAGING_SEND_RATE": "100000/m"}  # the sender is the load, not a spammer
    if not args.chat_redis:
        # One process holds every socket, so the in-memory layer carries the fan-out (see bench/README.md for
        # what the Redis layer did under this load).
        chat_env.pop("REDIS_URL", None)
    with Server(chat_env, port=args.port + 1, workers=1, log=runtime / "chat-server.log") as server:
        result = chat.run(
            server.base_url, fixture, connections=args.chat_connections, messages=args.chat_messages, timeout=30,
            pid=server.process.pid,
        )  # fmt: skip
    result["channel_layer"] = "redis" if "REDIS_URL" in chat_env else "in-memory"
    return result


def run(args) -> dict:
    url = env.database_url(args.db, args.size)
    if args.db == "postgres" and not env.port_open("127.0.0.1", 5432):
        raise ServerError("PostgreSQL does not answer on 127.0.0.1:5432")
    redis = None if args.no_redis else env.redis_url()
    process_env = env.process_env(database_url=url, secret_key=secrets.token_urlsafe(48), redis=redis)
    use_wrk = wrk.available() and not args.python_load
    result = {
        "date": date.today().isoformat(), "db": args.db, "size": args.size, "database": env.describe_database(url),
        "config": {"workers": args.workers, "concurrency": args.concurrency, "duration": args.duration,
                   "open_rate": args.open_rate, "open_duration": args.open_duration, "redis": bool(redis),
                   "tool": "wrk" if use_wrk else "python", "cpus": os.cpu_count(),
                   "load_average_before": os.getloadavg()[0]},
        "errors": [], "pages": {}, "queries": {}, "spine": {}, "analytics": {}, "chat": {},
    }  # fmt: skip
    runtime = env.VAR / "bench" / "runtime"
    reference = SIZES[args.size].reference or args.size
    for size in dict.fromkeys([reference, args.size]):
        seeded = ensure_seeded(size, env.database_url(args.db, size), process_env, runtime / f"seed-{size}.json")
        if seeded and size == args.size:
            result["seed"] = seeded
    collectstatic(process_env)
    print("counting queries per page")
    result["queries"], result["reference_size"] = count_queries(args, process_env)
    fixture = json.loads(python_module("bench.fixture", [], process_env))
    print(f"serving {result['database']} with uvicorn ({args.workers} workers); load: {result['config']['tool']}")
    with Server(process_env, port=args.port, workers=args.workers, log=runtime / "server.log") as server:
        for page in PAGES:
            result["pages"][page.name] = page_result = measure_page(server, page, fixture, args, use_wrk)
            sat = page_result.get("saturation") or {}
            print(
                f"  {page.name:22} {page_result['state']:8} {sat.get('rps', 0):8.1f} req/s  p95 {sat.get('p95_ms')} ms"
            )
            if not server.alive():
                raise ServerError(f"the server died during {page.name}; see {server.log}")
    # Other work on the machine skews absolute figures; the load average says how much to trust them.
    result["config"]["load_average_after"] = os.getloadavg()[0]
    report.add_ratios(result["pages"])
    if not args.skip_spine:
        print("measuring the activity spine jobs")
        result["spine"] = measure_spine(args, process_env)
        print("measuring the early-warning jobs (rollup and scoring)")
        result["analytics"] = measure_analytics(args, process_env)
    if args.chat_connections:
        print(f"measuring chat: {args.chat_connections} websockets, {args.chat_messages} messages")
        result["chat"] = measure_chat(args, process_env, fixture, runtime)
    return result


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=[name for name in SIZES if name != "tiny"], default="smoke")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of saturation per page")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--open-rate", type=float, default=20.0, help="open-loop arrivals per second")
    parser.add_argument("--open-duration", type=float, default=10.0, help="seconds of open loop per page")
    parser.add_argument("--sweep-budget", type=float, default=60.0, help="seconds the spine sweep may run")
    parser.add_argument("--jobs-budget", type=float, default=120.0, help="seconds for the rollup and scoring jobs")
    parser.add_argument("--chat-connections", type=int, default=1000, help="websockets to hold (0: no chat test)")
    parser.add_argument("--chat-messages", type=int, default=50, help="messages fanned out to every websocket")
    parser.add_argument("--chat-redis", action="store_true", help="chat through the Redis channel layer")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, help="results folder (default bench/results, var/bench for smoke)")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even with wrk")
    parser.add_argument("--no-redis", action="store_true")
    parser.add_argument("--skip-spine", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 2 when a goal fails")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    out = args.out or (env.VAR / "bench" if args.size == "smoke" else env.ROOT / "bench" / "results")
    started = time.perf_counter()
    try:
        result = run(args)
    except (ServerError, RuntimeError, subprocess.SubprocessError) as error:
        print(f"HARNESS ERROR: {error}", file=sys.stderr)
        return 1
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["goals"] = report.goals(result)
    result["errors"] = report.harness_errors(result)
    json_path, md_path = report.write(result, out, f"{result['date']}-{args.db}-{args.size}", chart.draw)
    for goal in result["goals"]:
        print(f"{'PASS' if not goal['failing'] else 'FAIL'}  {goal['goal']}  {', '.join(goal['failing'])}")
    print(f"results: {json_path} and {md_path} ({result['seconds']} s)")
    if result["errors"] or not json_path.exists():
        print("HARNESS ERRORS:\n  " + "\n  ".join(result["errors"]), file=sys.stderr)
        return 1
    return 2 if args.strict and any(goal["failing"] for goal in result["goals"]) else 0


if __name__ == "__main__":
    sys.exit(main())
