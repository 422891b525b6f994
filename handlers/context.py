"""The state a handler works with: who wrote, where, and what to say back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from bot.cases.lifecycle import Actor, Lifecycle
from bot.intake.photos import SavedPhoto
from bot.intake.screenshots import ImageReading
from bot.messaging.addressing import Post
from bot.messaging.messages import IncomingMessage
from bot.services import Services
from models import Case, Person, Unit


@dataclass
class ChatContext:
    services: Services
    session: Session
    msg: IncomingMessage
    inbound_id: int
    now: datetime
    sender: Person | None = None
    chat_unit: Unit | None = None  # the unit whose group this chat is (None for 1:1)
    posts: list[Post] = field(default_factory=list)
    outcome: str = "ignored"
    touched_case: Case | None = None
    # OCR of the message's images, read by the worker before this transaction (bot/intake/screenshots.py).
    image_readings: list[ImageReading] = field(default_factory=list)
    # A unit's photos, stored as files by the worker before this transaction (bot/intake/photos.py).
    photos: list[SavedPhoto] = field(default_factory=list)

    @property
    def lifecycle(self) -> Lifecycle:
        return Lifecycle(self.session, self.services.deadlines, self.now)

    @property
    def actor(self) -> Actor:
        return Actor(self.sender)

    @property
    def role(self) -> str:
        return self.sender.role if self.sender else ""

    @property
    def is_intake_chat(self) -> bool:
        """The office's intake group, or a 1:1 chat with the bot."""
        return self.msg.chat_type == "single" or bool(self.chat_unit and self.chat_unit.is_office)

    def reply(self, text: str, *, mentions: list[Person] | None = None, case: Case | None = None,
              format: str = "text") -> None:
        self.posts.append(Post(text=text, reply_to=self.msg, mentions=list(mentions or []), format=format,
                               case_id=case.id if case else None))

    def post_to_unit(self, unit: Unit, text: str, *, mentions: list[Person] | None = None,
                     case: Case | None = None, purpose: str = "notify") -> None:
        if self.chat_unit is not None and unit.id == self.chat_unit.id and self.msg.chat_type == "group":
            # Already in that group: answer here, through the reply handle when the platform gave one.
            self.posts.append(Post(text=text, reply_to=self.msg, mentions=list(mentions or []),
                                   case_id=case.id if case else None, purpose=purpose))
            return
        self.posts.append(Post(text=text, unit=unit, mentions=list(mentions or []), purpose=purpose,
                               case_id=case.id if case else None))

    def post_to_person(self, person: Person, text: str, *, case: Case | None = None, purpose: str = "notify") -> None:
        self.posts.append(Post(text=text, person=person, purpose=purpose, case_id=case.id if case else None))
