"""Turn a run's measurements into ratios to the floor, PASS/FAIL goals, and the JSON and Markdown results."""

from __future__ import annotations

import json
from pathlib import Path

MIN_THROUGHPUT_RATIO = 0.5  # every page at least half the floor's throughput at saturation
OPEN_LOOP_P95_MS = 100.0  # at 20 requests/second, p95 under 100 ms


def _ratio(value, floor) -> float | None:
    return round(value / floor, 3) if value is not None and floor else None


def add_ratios(pages: dict[str, dict]) -> None:
    floor = pages.get("floor", {})
    floor_rps = (floor.get("saturation") or {}).get("rps")
    floor_p95 = (floor.get("saturation") or {}).get("p95_ms")
    floor_open = (floor.get("open_loop") or {}).get("p95_ms")
    for page in pages.values():
        saturation, open_loop = page.get("saturation") or {}, page.get("open_loop") or {}
        page["throughput_ratio"] = _ratio(saturation.get("rps"), floor_rps)
        page["p95_ratio"] = _ratio(saturation.get("p95_ms"), floor_p95)
        page["open_loop_p95_ratio"] = _ratio(open_loop.get("p95_ms"), floor_open)


def goals(result: dict) -> list[dict]:
    """Each goal with PASS/FAIL and the pages that miss it; missing pages are not judged."""
    measured = {name: page for name, page in result["pages"].items() if page["state"] == "ok"}
    slow = [n for n, p in measured.items() if (p["throughput_ratio"] or 0) < MIN_THROUGHPUT_RATIO]
    late = [n for n, p in measured.items() if (p["open_loop"] or {}).get("p95_ms", 1e9) >= OPEN_LOOP_P95_MS]
    growing = [n for n, q in result["queries"].items() if q.get("equal") is False]
    return [
        {"goal": f"throughput >= {MIN_THROUGHPUT_RATIO:g} x floor at saturation", "failing": slow},
        {"goal": f"open loop p95 < {OPEN_LOOP_P95_MS:g} ms at {result['config']['open_rate']:g} rps", "failing": late},
        {"goal": f"query count equal at {result['reference_size']} and {result['size']}", "failing": growing},
    ]


def harness_errors(result: dict) -> list[str]:
    """Problems that mean the harness (or the site as a whole) is broken, not that a page is slow."""
    errors = list(result.get("errors", []))
    for name, page in result["pages"].items():
        if page["state"] in {"error", "redirect"}:
            errors.append(f"page {name} answered {page.get('status')} ({page.get('detail', '')})")
    for name, page in result["pages"].items():
        for mode in ("saturation", "open_loop"):
            failed = sum(((page.get(mode) or {}).get("errors") or {}).values())
            if failed:
                # Failed responses are fast: the page's req/s and latency are not to be trusted.
                errors.append(f"page {name}: {failed} failed requests under {mode} load {page[mode]['errors']}")
    chat = result.get("chat") or {}
    if chat and (not chat.get("connections_open") or chat.get("send_errors")):
        errors.append(f"chat: {chat.get('connections_open')} sockets open, send errors {chat.get('send_errors')}")
    for name, count in result["queries"].items():
        for size, status in count.get("status", {}).items():
            if status == "exception" or (isinstance(status, int) and status >= 500):
                errors.append(f"page {name} failed in-process at size {size}: {status}")
    return errors


def _fmt(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def markdown(result: dict, chart_name: str | None) -> str:
    cfg = result["config"]
    lines = [
        f"# Benchmark {result['date']}: {result['db']}, size {result['size']}",
        "",
        f"Server: uvicorn, {cfg['workers']} workers, DEBUG off, Redis {'on' if cfg['redis'] else 'off'}; "
        f"load: {cfg['tool']}, {cfg['concurrency']} connections for {cfg['duration']:g} s per page; open loop "
        f"{cfg['open_rate']:g} rps for {cfg['open_duration']:g} s. Machine: {cfg['cpus']} CPUs, load average "
        f"{cfg.get('load_average_before', 0):.1f} before and {cfg.get('load_average_after', 0):.1f} after; the load "
        "generator shares the CPUs with the server, so compare ratios to the floor rather than absolute req/s.",
        "",
        "| page | state | req/s | p50 ms | p95 ms | p99 ms | errors | x floor req/s | x floor p95 | "
        f"open p95 ms | queries {result['reference_size']} | queries {result['size']} |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, page in result["pages"].items():
        sat, opn = page.get("saturation") or {}, page.get("open_loop") or {}
        q = result["queries"].get(name, {}).get("counts", {})
        errors = sum((sat.get("errors") or {}).values()) + sum((opn.get("errors") or {}).values())
        flag = " ⚠" if result["queries"].get(name, {}).get("equal") is False else ""
        lines.append(
            f"| {name} | {page['state']} | {_fmt(sat.get('rps'))} | {_fmt(sat.get('p50_ms'))} | "
            f"{_fmt(sat.get('p95_ms'))} | {_fmt(sat.get('p99_ms'))} | {errors if sat else '–'} | "
            f"{_fmt(page.get('throughput_ratio'), 2)} | {_fmt(page.get('p95_ratio'), 2)} | {_fmt(opn.get('p95_ms'))} | "
            f"{_fmt(q.get(result['reference_size']))} | {_fmt(q.get(result['size']))}{flag} |"
        )
    if chart_name:
        lines += ["", f"![throughput ratio and p95 per page]({chart_name})"]
    lines += ["", "## Goals", ""]
    for goal in result["goals"]:
        verdict = "PASS" if not goal["failing"] else f"FAIL: {', '.join(goal['failing'])}"
        lines.append(f"- {goal['goal']}: **{verdict}**")
    spine = result.get("spine") or {}
    if spine:
        lines += ["", "## Activity spine jobs", "", "| job | seconds | rows | x floor | peak RSS MB | RSS growth MB |"]
        lines.append("|---|---:|---:|---:|---:|---:|")
        for name in ("floor", "aggregate", "sweep"):
            job = spine.get(name) or {}
            lines.append(
                f"| {name} | {_fmt(job.get('seconds'), 3)} | {_fmt(job.get('rows'))} | "
                f"{_fmt(job.get('floor_ratio'), 1)} | {_fmt(job.get('peak_rss_mb'))} | "
                f"{_fmt(job.get('rss_growth_mb'))} |"
            )
        sweep = spine.get("sweep") or {}
        if sweep:
            lines.append(
                f"\nSweep: {sweep.get('marked_unprocessed'):,} events marked unprocessed (1%), "
                f"{sweep.get('rows'):,} dispatched at {sweep.get('events_per_second')} events/s; all of them would "
                f"take {sweep.get('projected_seconds_for_all')} s. Aggregate = events per organization per day for "
                "the last 30 days via the ORM; floor = the same as one raw `COUNT(*) ... GROUP BY`."
            )
    lines += _analytics_lines(result.get("analytics") or {}) + _chat_lines(result.get("chat") or {})
    seed = result.get("seed")
    if seed:
        lines += [
            "",
            f"Seeded in this run: {seed['rows']:,} rows in {seed['seconds']} s ({seed['rows_per_second']:,} rows/s).",
        ]
    if result.get("errors"):
        lines += ["", "## Harness errors", "", *[f"- {error}" for error in result["errors"]]]
    return "\n".join(lines) + "\n"


def _analytics_lines(jobs: dict) -> list[str]:
    if not jobs:
        return []
    lines = [
        "",
        "## Early-warning jobs",
        "",
        f"{jobs['schools']} schools, {jobs['events_to_roll_up']:,} learning events to roll up, "
        f"{jobs['enrollments_to_score']:,} enrollments still learning to score. Each phase runs within half the "
        "budget; the time for all schools is projected from the share done. Floor = one SQL `GROUP BY` of the same "
        "events (learner, course, verb, day). Rolled back afterwards.",
        "",
        "| job | seconds | schools | rows | per second | all schools, s (projected) | x floor | peak RSS MB | "
        "RSS growth MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    floor = jobs.get("floor") or {}
    lines.append(f"| floor | {_fmt(floor.get('seconds'), 3)} | {floor.get('schools')} | {_fmt(floor.get('rows'))} "
                 "| – | – | 1.0 | – | – |")  # fmt: skip
    for name, rows_key, rate_key in (("rollup", "events", "events_per_second"),
                                     ("scoring", "enrollments", "enrollments_per_second")):  # fmt: skip
        job = jobs.get(name) or {}
        lines.append(
            f"| {name} | {_fmt(job.get('seconds'), 3)} | {job.get('schools')} | {_fmt(job.get(rows_key))} | "
            f"{_fmt(job.get(rate_key))} | {_fmt(job.get('projected_seconds_for_all'))} | "
            f"{_fmt(job.get('floor_ratio'))} | {_fmt(job.get('peak_rss_mb'))} | {_fmt(job.get('rss_growth_mb'))} |"
        )
    return lines


def _chat_lines(chat: dict) -> list[str]:
    if not chat:
        return []
    each, full, post = chat["fanout_each"], chat["fanout_all"], chat["post"]
    return [
        "",
        "## Chat",
        "",
        f"One uvicorn process ({chat.get('channel_layer', '?')} channel layer) held {chat['connections_open']:,} of "
        f"{chat['connections_asked']:,} websockets "
        f"(refused: {chat['refused'] or 'none'}), opened in {chat['open_seconds']} s (handshake p95 "
        f"{_fmt(chat['connect']['p95_ms'])} ms); server RSS {_fmt(chat['server_rss_mb_before'])} -> "
        f"{_fmt(chat['server_rss_mb_after'])} MB ({_fmt(chat['kib_per_connection'])} KiB per socket).",
        "",
        "| of each message, sent through the API | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|",
        f"| POST answered | {_fmt(post['p50_ms'])} | {_fmt(post['p95_ms'])} | {_fmt(post['p99_ms'])} | "
        f"{_fmt(post['max_ms'])} |",
        f"| fan-out, each socket | {_fmt(each['p50_ms'])} | {_fmt(each['p95_ms'])} | {_fmt(each['p99_ms'])} | "
        f"{_fmt(each['max_ms'])} |",
        f"| fan-out, the last socket | {_fmt(full['p50_ms'])} | {_fmt(full['p95_ms'])} | {_fmt(full['p99_ms'])} | "
        f"{_fmt(full['max_ms'])} |",
        "",
        f"{chat['messages']} messages, one after another; deliveries lost: {chat['deliveries_lost']}; send errors: "
        f"{chat['send_errors'] or 'none'}.",
    ]


def write(result: dict, out_dir: Path, stem: str, chart) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    chart_path = out_dir / f"{stem}.png"
    chart_name = chart_path.name if chart(result, chart_path) else None
    json_path, md_path = out_dir / f"{stem}.json", out_dir / f"{stem}.md"
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(result, chart_name))
    return json_path, md_path
