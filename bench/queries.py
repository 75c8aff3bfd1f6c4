"""SQL queries per page, counted in-process with the test client: `python -m bench.queries` prints JSON."""

from __future__ import annotations

import json

from bench import env


def count_queries(fixture: dict) -> dict[str, dict]:
    """For each page: the status and how many queries a warm request makes, as the persona."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.fixture import headers_for
    from bench.pages import PAGES

    results: dict[str, dict] = {}
    for page in PAGES:
        path = fixture["paths"][page.name]
        if path is None:
            results[page.name] = {"status": None, "queries": None, "path": None}
            continue
        client = Client(raise_request_exception=False)
        headers = headers_for(page.auth, fixture)
        if "Cookie" in headers:
            client.cookies["sessionid"] = headers.pop("Cookie").split("=", 1)[1]
        try:
            client.get(path, headers=headers)  # warm: first-request work (content types, caches) is not the page's
            # Measured twice, the smaller count kept: a cached value (the navbar's unread count, 30 s) that
            # expires during one request costs that request a query now and then, not every request.
            runs = []
            for _attempt in range(2):
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(path, headers=headers)
                runs.append((len(captured.captured_queries), captured, response))
            _count, captured, response = min(runs, key=lambda run: run[0])
        except Exception as error:  # a broken page is a result to report
            results[page.name] = {"status": "exception", "queries": None, "path": path, "error": repr(error)[:500]}
            continue
        results[page.name] = {
            "status": response.status_code,
            "queries": len(captured.captured_queries),
            "path": path,
            "sql": [query["sql"][:300] for query in captured.captured_queries],
        }
    return results


def main() -> None:
    env.setup_django()
    from bench.fixture import prepare

    print(json.dumps(count_queries(prepare())))


if __name__ == "__main__":
    main()
