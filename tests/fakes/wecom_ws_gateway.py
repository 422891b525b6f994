"""A fake 智能机器人 long-connection gateway on loopback (frames per docs/protocols.md §3).

Checks ``aibot_subscribe`` credentials and answers ``{headers:{req_id}, errcode, errmsg}``;
answers ``ping``; records every frame the bot sends; pushes ``aibot_msg_callback`` frames; can
drop the connection to exercise reconnects.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from typing import Any

from websockets.asyncio.server import ServerConnection, serve


class FakeWsGateway:
    def __init__(self, bot_id: str = "BOTID", secret: str = "BOTSECRET") -> None:
        self.bot_id, self.secret = bot_id, secret
        self.frames: list[dict[str, Any]] = []
        self.subscribes = 0
        self._current: ServerConnection | None = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(10)
        self.url = f"ws://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._start())
        self._loop.run_forever()

    async def _start(self) -> None:
        self._server = await serve(self._handler, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()

    async def _handler(self, ws: ServerConnection) -> None:
        async for raw in ws:
            frame = json.loads(raw)
            self.frames.append(frame)
            req_id = frame.get("headers", {}).get("req_id", "")
            if frame.get("cmd") == "aibot_subscribe":
                body = frame.get("body") or {}
                good = body.get("bot_id") == self.bot_id and body.get("secret") == self.secret
                await ws.send(json.dumps({"headers": {"req_id": req_id}, "errcode": 0 if good else 40001,
                                          "errmsg": "ok" if good else "invalid secret"}))
                if good:
                    self.subscribes += 1
                    self._current = ws
            else:
                await ws.send(json.dumps({"headers": {"req_id": req_id}, "errcode": 0, "errmsg": "ok"}))

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    def push_message(self, body: dict[str, Any]) -> str:
        req_id = uuid.uuid4().hex
        assert self._current is not None, "no subscribed connection"
        frame = {"cmd": "aibot_msg_callback", "headers": {"req_id": req_id}, "body": body}
        self._call(self._current.send(json.dumps(frame, ensure_ascii=False)))
        return req_id

    def drop(self) -> None:
        """Close the current connection abruptly, as a network failure would."""
        if self._current is not None:
            current, self._current = self._current, None
            self._call(current.close(code=1011))

    def sent(self, cmd: str) -> list[dict[str, Any]]:
        return [f for f in self.frames if f.get("cmd") == cmd]

    def stop(self) -> None:
        async def shutdown() -> None:
            self._server.close()
            await self._server.wait_closed()

        self._call(shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()
