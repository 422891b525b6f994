from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def sample_png() -> bytes:
    return (DATA / "sample_post.png").read_bytes()


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a connection fails the test: OCR must not download anything."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted during OCR")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture(scope="session")
def engine():  # type: ignore[no-untyped-def]
    from bot.intake.ocr import get_engine

    return get_engine()
