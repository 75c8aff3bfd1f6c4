#!/usr/bin/env bash
# Run the ASGI server and the Huey consumer together; Ctrl-C (or either one dying) stops both.
set -euo pipefail
PY=${PY:-.venv/bin/python}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

"$PY" manage.py run_huey --quiet &
huey_pid=$!
"$PY" -m uvicorn tropa.asgi:application --host "$HOST" --port "$PORT" --lifespan off ${UVICORN_ARGS:-} &
web_pid=$!

stop() {
  trap - INT TERM EXIT
  kill "$web_pid" "$huey_pid" 2>/dev/null || true
  wait "$web_pid" "$huey_pid" 2>/dev/null || true
}
trap stop INT TERM EXIT
echo "Tropa is running on http://$HOST:$PORT (Ctrl-C to stop)"
wait -n "$web_pid" "$huey_pid"
