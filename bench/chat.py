"""Chat at size: N websockets held by one server process, and the fan-out of each new message to all of them.

The runner starts uvicorn with one worker (one process holds every socket; the in-memory channel layer, or Redis
when it answers, carries the nudge). N sockets are opened on the persona's direct conversation with the public
user (`ws/messages/<id>/`, the persona's session cookie; the consumer checks the seat on every connect), then
messages are posted one after another through the API (`POST /api/v1/messages/<id>/messages`, the persona's
token). Fan-out latency = from just before the POST to each socket's receipt of that message's nudge; "all" =
until the last of the N sockets has it. The server's RSS is read from /proc before and after the sockets open.
Standalone: `python -m bench.chat --url http://127.0.0.1:8766 --connections 1000` against a running server.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from urllib.parse import urlparse

from bench.loadgen import Connection, percentile

OPEN_AT_ONCE = 50  # handshakes in flight: a browser crowd arrives over time, not in one instant


def _rss_mb(pid: int | None) -> float | None:
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _ms(values: list[float]) -> dict:
    ordered = sorted(values)
    pick = lambda q: None if not ordered else round(percentile(ordered, q) * 1000, 2)  # noqa: E731
    return {"count": len(ordered), "p50_ms": pick(50), "p95_ms": pick(95), "p99_ms": pick(99), "max_ms": pick(100)}


def _post(base: str, path: str, token: str, body: dict) -> bytes:
    parsed = urlparse(base)
    data = json.dumps(body).encode()
    head = [
        f"POST {path} HTTP/1.1",
        f"Host: {parsed.netloc}",
        "Connection: keep-alive",
        "Content-Type: application/json",
        f"Authorization: Bearer {token}",
        f"Content-Length: {len(data)}",
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + data


async def _run(base: str, fixture: dict, *, connections: int, messages: int, timeout: float, pid: int | None) -> dict:
    from websockets.asyncio.client import connect

    parsed = urlparse(base)
    conversation = fixture["conversation_id"]
    ws_url = f"ws://{parsed.netloc}/ws/messages/{conversation}/"
    headers = {"Cookie": fixture["session_cookie"]}
    arrivals: dict[int, list[float]] = {}
    sockets, connect_times, refused = [], [], {}
    gate = asyncio.Semaphore(OPEN_AT_ONCE)
    rss_before = _rss_mb(pid)

    async def open_one() -> None:
        async with gate:
            started = time.perf_counter()
            try:
                ws = await asyncio.wait_for(
                    connect(ws_url, additional_headers=headers, origin=base, open_timeout=timeout), timeout
                )
            except Exception as error:  # a refused socket is a result, counted by kind
                key = type(error).__name__
                refused[key] = refused.get(key, 0) + 1
                return
            connect_times.append(time.perf_counter() - started)
            sockets.append(ws)

    async def listen(ws) -> None:
        async for raw in ws:
            event = json.loads(raw)
            if event.get("event") == "message":
                arrivals.setdefault(event["message_id"], []).append(time.perf_counter())

    opened_at = time.perf_counter()
    await asyncio.gather(*(open_one() for _ in range(connections)))
    open_seconds = time.perf_counter() - opened_at
    await asyncio.sleep(0.5)  # let the server settle before reading its memory
    rss_after = _rss_mb(pid)
    listeners = [asyncio.create_task(listen(ws)) for ws in sockets]
    sender = Connection(parsed.hostname, parsed.port)
    each, all_of_them, post_times, lost, errors = [], [], [], 0, {}
    path = f"/api/v1/messages/{conversation}/messages"
    await sender.request(_post(base, path, fixture["token"], {"body": "bench warm-up"}))  # first-request work
    await asyncio.sleep(0.5)
    for number in range(messages):
        started = time.perf_counter()
        status, body = await sender.request(_post(base, path, fixture["token"], {"body": f"bench fan-out {number}"}))
        post_times.append(time.perf_counter() - started)
        if status != 201:
            errors[str(status)] = errors.get(str(status), 0) + 1
            continue
        message_id = json.loads(body)["id"]
        deadline = time.perf_counter() + min(timeout, 10)
        while len(arrivals.get(message_id, [])) < len(sockets) and time.perf_counter() < deadline:
            await asyncio.sleep(0.002)
        got = arrivals.get(message_id, [])
        lost += len(sockets) - len(got)
        each += [moment - started for moment in got]
        if sockets and len(got) == len(sockets):
            all_of_them.append(max(got) - started)
    sender.close()
    for task in listeners:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return {
        "connections_asked": connections,
        "connections_open": len(sockets),
        "refused": refused,
        "open_seconds": round(open_seconds, 2),
        "connect": _ms(connect_times),
        "server_rss_mb_before": rss_before,
        "server_rss_mb_after": rss_after,
        "kib_per_connection": round((rss_after - rss_before) * 1024 / len(sockets), 1)
        if sockets and rss_before and rss_after
        else None,
        "messages": messages,
        "send_errors": errors,
        "post": _ms(post_times),
        "fanout_each": _ms(each),
        "fanout_all": _ms(all_of_them),
        "deliveries_lost": lost,
    }


def run(base: str, fixture: dict, *, connections: int, messages: int, timeout: float, pid: int | None = None) -> dict:
    result = asyncio.run(_run(base, fixture, connections=connections, messages=messages, timeout=timeout, pid=pid))
    each, full = result["fanout_each"], result["fanout_all"]
    print(
        f"  chat: {result['connections_open']}/{connections} sockets open in {result['open_seconds']} s, server "
        f"RSS {result['server_rss_mb_before']} -> {result['server_rss_mb_after']} MB; fan-out p50 {each['p50_ms']} "
        f"ms, p95 {each['p95_ms']} ms; to all p95 {full['p95_ms']} ms; lost {result['deliveries_lost']}"
    )
    return result


def main() -> None:
    import argparse

    from bench import env

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="a running server, e.g. http://127.0.0.1:8766")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--pid", type=int, help="the server's process id, to read its memory")
    args = parser.parse_args()
    env.setup_django()
    from bench.fixture import prepare

    fixture = prepare()
    print(json.dumps(run(args.url, fixture, connections=args.connections, messages=args.messages, timeout=30,
                         pid=args.pid)))  # fmt: skip


if __name__ == "__main__":
    main()
