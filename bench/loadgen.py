"""A small asyncio HTTP/1.1 keep-alive load generator: closed loop (fixed concurrency) and open loop (fixed rate)."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlparse


def percentile(sorted_values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of an already sorted list (q in 0..100)."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * q // 100))
    return sorted_values[int(rank) - 1]


def summarize(latencies: list[float], elapsed: float, errors: dict[str, int]) -> dict:
    values = sorted(latencies)
    ms = lambda v: None if v is None else round(v * 1000, 2)  # noqa: E731
    return {
        "requests": len(values),
        "seconds": round(elapsed, 3),
        "rps": round(len(values) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": ms(percentile(values, 50)),
        "p95_ms": ms(percentile(values, 95)),
        "p99_ms": ms(percentile(values, 99)),
        "max_ms": ms(values[-1] if values else None),
        "errors": errors,
    }


class Connection:
    """One keep-alive connection; reconnects when the server closes it."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    async def _chunked(self) -> bytes:
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            data = await self.reader.readexactly(size + 2)
            if size == 0:
                return b"".join(parts)
            parts.append(data[:-2])

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def build_request(url: str, headers: dict[str, str]) -> tuple[str, int, bytes]:
    parsed = urlparse(url)
    path = parsed.path or "/"
    if parsed.query:
        path += "?" + parsed.query
    lines = [f"GET {path} HTTP/1.1", f"Host: {parsed.netloc}", "Connection: keep-alive", "Accept: */*"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    return parsed.hostname, parsed.port or 80, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _count_error(errors: dict[str, int], key: str) -> None:
    errors[key] = errors.get(key, 0) + 1


async def _closed(url: str, headers: dict, concurrency: int, duration: float) -> dict:
    host, port, raw = build_request(url, headers)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + duration

    async def worker() -> None:
        connection = Connection(host, port)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                status, _body = await connection.request(raw)
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                _count_error(errors, type(error).__name__)
                connection.close()
                continue
            latencies.append(time.perf_counter() - started)
            if status >= 400:
                _count_error(errors, f"status_{status}")
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return summarize(latencies, time.perf_counter() - started, errors)


async def _open(url: str, headers: dict, rate: float, duration: float) -> dict:
    host, port, raw = build_request(url, headers)
    idle: list[Connection] = []
    latencies: list[float] = []
    errors: dict[str, int] = {}
    total = int(rate * duration)
    origin = time.perf_counter() + 0.05

    async def send(scheduled: float) -> None:
        await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
        # Never wait for a busy connection: a slow answer must not delay the next send (coordinated omission).
        reused = bool(idle)
        connection = idle.pop() if idle else Connection(host, port)
        try:
            try:
                status, _body = await connection.request(raw)
            except (OSError, asyncio.IncompleteReadError):
                if not reused:
                    raise
                # The server closed an idle keep-alive connection (uvicorn: after 5 s): retry once, fresh.
                connection.close()
                status, _body = await connection.request(raw)
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            _count_error(errors, type(error).__name__)
            connection.close()
            return
        latencies.append(time.perf_counter() - scheduled)  # from the timetable, not from when we got round to it
        if status >= 400:
            _count_error(errors, f"status_{status}")
        idle.append(connection)

    await asyncio.gather(*(send(origin + i / rate) for i in range(total)))
    for connection in idle:
        connection.close()
    result = summarize(latencies, duration, errors)
    result["rate"] = rate
    return result


def closed_loop(url: str, headers: dict, *, concurrency: int, duration: float) -> dict:
    return asyncio.run(_closed(url, headers, concurrency, duration))


def open_loop(url: str, headers: dict, *, rate: float, duration: float) -> dict:
    return asyncio.run(_open(url, headers, rate, duration))


def probe(url: str, headers: dict) -> tuple[int, bytes]:
    """One request: the status and body, to tell a working page from a missing or broken one."""

    async def once() -> tuple[int, bytes]:
        host, port, raw = build_request(url, headers)
        connection = Connection(host, port)
        try:
            return await connection.request(raw)
        finally:
            connection.close()

    return asyncio.run(once())
