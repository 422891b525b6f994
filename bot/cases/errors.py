"""The one error a user sees: a rule refused the action, with a short Chinese sentence for the chat."""

from __future__ import annotations


class LifecycleError(Exception):
    """A rule of the lifecycle refused the action. ``message`` is the Chinese text for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
