"""The local simulator channel: a chat in the browser, stored in the database.

It is an adapter like the real ones: the simulator blueprint turns a POST into an
IncomingMessage, and ``send`` writes the bot's message into the chat log. ``outbound_id``
is unique on the log, so a retried send shows the message once.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.messaging.messages import ImageRef, OutgoingMessage, SendResult
from bot.services import Services
from models import OutboundMessage, SimulatorMessage


class SimulatorAdapter:
    name = "simulator"

    def __init__(self, services: Services) -> None:
        self.services = services

    def media_dir(self) -> Path:
        path = self.services.settings.var_dir / "media"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def send(self, message: OutgoingMessage, *, dedupe_key: str) -> SendResult:
        chat = message.chat_id or f"dm:{message.user_id}"
        with self.services.sessions() as session:
            with session.begin():
                outbound_id = session.scalar(
                    select(OutboundMessage.id).where(OutboundMessage.dedupe_key == dedupe_key)
                )
            image_path = None
            if message.image_png:
                image_path = str(self.media_dir() / f"out-{outbound_id or dedupe_key.replace(':', '_')}.png")
                Path(image_path).write_bytes(message.image_png)
            row = SimulatorMessage(
                chat=chat,
                sender="bot",
                sender_name="督办助手",
                is_bot=True,
                text=message.text,
                format=message.format,
                image_path=image_path,
                mentions=[{"user_id": m.user_id, "name": m.name} for m in message.mentions],
                outbound_id=outbound_id,
                created_at=self.services.clock.now(),
            )
            try:
                with session.begin():
                    session.add(row)
            except IntegrityError:
                pass  # already shown by an earlier attempt of the same send
        return SendResult(ok=True, platform_message_id=f"sim-{outbound_id}")

    def fetch_image(self, image: ImageRef) -> bytes:
        if image.kind != "file":
            raise ValueError(f"simulator images are files, got {image.kind}")
        path = Path(image.ref).resolve()
        if self.media_dir().resolve() not in path.parents:
            raise ValueError("image outside the media folder")
        return path.read_bytes()
