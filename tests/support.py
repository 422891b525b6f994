"""Test helpers shared by every issue's tests: real Redis, real databases, real HTTP on loopback."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from rq import Queue, SimpleWorker
from werkzeug.serving import make_server

from bot.jobs import install_services
from bot.messaging.inbound import flush_enqueues
from bot.services import Services

T = TypeVar("T")


class LiveServer:
    """The real Flask app on a loopback port, in a thread."""

    def __init__(self, app: Any) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


def drain(services: Services, *, max_jobs: int = 1000) -> int:
    """Execute every queued job with a real RQ SimpleWorker (its execute_job: statuses, registries,
    results and failure handling), without the start-up and tear-down of a whole burst run.

    Jobs scheduled for later (enqueue_in retries) stay scheduled. Returns the number of jobs run.
    Messages the live server has acknowledged reach Redis first (their enqueue follows the answer).
    """
    flush_enqueues(services)
    install_services(services)
    worker = SimpleWorker([services.queue], connection=services.redis)
    ran = 0
    while ran < max_jobs:
        found = Queue.dequeue_any([services.queue], timeout=None, connection=services.redis)
        if found is None:
            return ran
        job, queue = found
        worker.execute_job(job, queue)
        ran += 1
    raise AssertionError(f"more than {max_jobs} jobs: a job keeps enqueuing itself?")


@dataclass
class SimulatorClient:
    """Talks to the bot the way a person in the simulator does, through its JSON API."""

    base_url: str
    services: Services

    def send(self, chat: str, sender: str, text: str = "", *, drain_after: bool = True, **extra: Any) -> dict[str, Any]:
        response = requests.post(f"{self.base_url}/simulator/api/messages",
                                 json={"chat": chat, "sender": sender, "text": text, **extra}, timeout=10)
        assert response.status_code == 202, response.text
        flush_enqueues(self.services)  # the job follows the 202: wait for it, as a platform would not
        if drain_after:
            drain(self.services)
        return response.json()  # type: ignore[no-any-return]

    def messages(self, chat: str | None = None, after: int = 0) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"after": after}
        if chat:
            params["chat"] = chat
        response = requests.get(f"{self.base_url}/simulator/api/messages", params=params, timeout=10)
        response.raise_for_status()
        return response.json()["messages"]  # type: ignore[no-any-return]

    def bot_messages(self, chat: str) -> list[dict[str, Any]]:
        return [m for m in self.messages(chat) if m["is_bot"]]

    def last_bot_text(self, chat: str) -> str:
        replies = self.bot_messages(chat)
        assert replies, f"the bot said nothing in {chat}"
        return replies[-1]["text"]  # type: ignore[no-any-return]


def wait_for(predicate: Any, timeout: float = 20.0, interval: float = 0.1) -> Any:
    """Poll for an effect of a separate process (a subprocess worker); in-process work uses drain()."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not met in time")


def row_by_id(services: Services, model: type[T], row_id: int) -> T:
    """One row by id, detached so a test can read it after the session."""
    with services.sessions() as session:
        found = session.get(model, row_id)
        assert found is not None, f"no {model.__name__} {row_id}"
        session.expunge(found)
        return found


def all_rows(services: Services, model: type[T]) -> list[T]:
    """Every row of a model in id order, detached."""
    from sqlalchemy import select

    with services.sessions() as session:
        rows = list(session.scalars(select(model).order_by(model.id)))  # type: ignore[attr-defined]
        for found in rows:
            session.expunge(found)
        return rows


def newest(services: Services, model: type[T]) -> T:
    """The newest row of a model (highest id), detached so a test can read it after the session."""
    from sqlalchemy import select

    with services.sessions() as session:
        row = session.scalar(select(model).order_by(model.id.desc()))  # type: ignore[attr-defined, arg-type]
        assert row is not None, f"no {model.__name__} yet"
        session.expunge(row)
        return row
