"""A websocket test client on asgiref's communicator.

`channels.testing` cannot be imported without daphne (its package imports the live-server case, which imports
`daphne.testing`), and we serve with uvicorn and do not install daphne. The few websocket calls the tests need
are this small class; `channels.db.close_old_connections` is held off as channels' own communicator does, so the
test database connection survives.
"""

from __future__ import annotations

import json
from unittest import mock
from urllib.parse import unquote, urlparse

from asgiref.testing import ApplicationCommunicator

# Generous bounds: they only cap a wait for something that should come, and a loaded CI machine runs the
# consumer's database calls in a thread pool that may take a few seconds to get to them.
TIMEOUT = 10


def _no_op():
    return None


class WebsocketCommunicator(ApplicationCommunicator):
    def __init__(self, application, path: str, headers=None):
        parsed = urlparse(path)
        scope = {
            "type": "websocket",
            "path": unquote(parsed.path),
            "query_string": parsed.query.encode(),
            "headers": headers or [],
            "subprotocols": [],
        }
        super().__init__(application, scope)

    async def send_input(self, message):
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().send_input(message)

    async def receive_output(self, timeout=TIMEOUT):
        with mock.patch("channels.db.close_old_connections", _no_op):
            return await super().receive_output(timeout)

    async def connect(self, timeout=TIMEOUT):
        """(True, subprotocol) when accepted, (False, close code) when refused."""
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        assert response["type"] == "websocket.accept", response
        return True, response.get("subprotocol")

    async def receive_json_from(self, timeout=TIMEOUT):
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send" and "text" in response, response
        return json.loads(response["text"])

    async def disconnect(self, code=1000, timeout=TIMEOUT):
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)
