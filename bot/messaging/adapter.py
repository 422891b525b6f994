"""The interface every platform adapter implements."""

from __future__ import annotations

from typing import Protocol

from bot.messaging.messages import ImageRef, OutgoingMessage, SendResult


class PlatformAdapter(Protocol):
    name: str

    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        """Deliver one message. ``dedupe_key`` is stable across retries of the same send."""
        ...

    def fetch_image(self, image: ImageRef) -> bytes:
        """Download (and decrypt) an image of an incoming message. Runs in the worker."""
        ...


class PlatformError(Exception):
    """A platform refused a request in a way the caller should report, not retry."""
