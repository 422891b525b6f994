"""IncomingMessage/OutgoingMessage <-> JSON for the database rows that carry them."""

from __future__ import annotations

import base64
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from bot.messaging.messages import ImageRef, IncomingMessage, Mention, OutgoingMessage

_INCOMING_FIELDS = tuple(f.name for f in fields(IncomingMessage))


def incoming_to_json(msg: IncomingMessage) -> dict[str, Any]:
    """What ``dataclasses.asdict`` gives, built by hand: this runs on every webhook, and asdict's
    recursive deep copy cost more than the rest of the conversion (``raw`` is shared, not copied)."""
    data = {name: getattr(msg, name) for name in _INCOMING_FIELDS}
    data["images"] = [{"kind": i.kind, "ref": i.ref, "extra": [list(pair) for pair in i.extra]} for i in msg.images]
    data["mentions"] = list(msg.mentions)
    for key in ("received_at", "reply_handle_expires_at"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    return data


def incoming_from_json(data: dict[str, Any]) -> IncomingMessage:
    values = dict(data)
    values["images"] = tuple(
        ImageRef(kind=i["kind"], ref=i["ref"], extra=tuple(tuple(x) for x in i.get("extra", ())))
        for i in data.get("images", ())
    )
    values["mentions"] = tuple(data.get("mentions", ()))
    for key in ("received_at", "reply_handle_expires_at"):
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key])
    return IncomingMessage(**values)


def outgoing_to_json(msg: OutgoingMessage) -> dict[str, Any]:
    data = asdict(msg)
    data["image_png"] = base64.b64encode(msg.image_png).decode() if msg.image_png else None
    if msg.reply_handle_expires_at is not None:
        data["reply_handle_expires_at"] = msg.reply_handle_expires_at.isoformat()
    return data


def outgoing_from_json(data: dict[str, Any]) -> OutgoingMessage:
    values = dict(data)
    values["mentions"] = tuple(Mention(**m) for m in data.get("mentions", ()))
    values["image_png"] = base64.b64decode(data["image_png"]) if data.get("image_png") else None
    if values.get("reply_handle_expires_at"):
        values["reply_handle_expires_at"] = datetime.fromisoformat(values["reply_handle_expires_at"])
    return OutgoingMessage(**values)
