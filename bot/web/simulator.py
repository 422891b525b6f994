"""The simulator's page and JSON API. Its POST goes through the same webhook path as WeCom and
DingTalk: parse → IncomingMessage → ``bot.messaging.inbound.accept`` (store, commit, enqueue) → 202."""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid
from datetime import datetime
from typing import cast

from flask import Blueprint, abort, current_app, jsonify, render_template, request, send_from_directory
from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import selectinload

from bot.messaging.inbound import AlsoInsert, accept
from bot.messaging.messages import ChatType, ImageRef, IncomingMessage
from bot.web import services_of
from models import Person, PlatformIdentity, SimulatorMessage, Unit

blueprint = Blueprint("simulator", __name__, url_prefix="/simulator", template_folder="templates")

MAX_IMAGE_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"RIFF": "webp", b"GIF8": "gif"}


@blueprint.get("")
def page():  # type: ignore[no-untyped-def]
    return render_template("simulator.html")


@blueprint.get("/api/directory")
def directory():  # type: ignore[no-untyped-def]
    services = services_of(current_app)
    with services.sessions() as session:
        units = list(session.scalars(select(Unit).order_by(Unit.is_office.desc(), Unit.id)))
        people = list(session.scalars(select(Person).options(selectinload(Person.identities)).order_by(Person.id)))
        chats = [
            {"id": u.chats["simulator"], "name": ("【值班】" if u.is_office else "") + u.name + ("" if u.is_office else "工作群"),
             "unit": u.code}
            for u in units if u.chats.get("simulator")
        ]
        return jsonify(
            chats=chats,
            people=[
                {"id": p.platform_id("simulator"), "name": p.name, "role": p.role, "unit": p.unit.code if p.unit else None,
                 "unit_name": p.unit.name if p.unit else None}
                for p in people if p.platform_id("simulator")
            ],
        )


def _save_image(encoded: str) -> ImageRef:
    try:
        data = base64.b64decode(encoded.split(",", 1)[-1], validate=True)
    except (binascii.Error, ValueError):
        abort(400, "image is not valid base64")
    if not data:
        abort(400, "image is empty")
    if len(data) > MAX_IMAGE_BYTES:
        abort(413, "image over 10 MB")
    ext = next((e for magic, e in IMAGE_TYPES.items() if data.startswith(magic)), "bin")
    digest = hashlib.sha256(data).hexdigest()[:32]
    adapter = services_of(current_app).adapter("simulator")
    path = adapter.media_dir() / f"in-{digest}.{ext}"  # type: ignore[attr-defined]
    if not path.exists():
        path.write_bytes(data)
    return ImageRef(kind="file", ref=str(path))


# Built once (this runs on every simulator message): the chat-log line, with the sender's name
# looked up inside the same INSERT (the id itself when the sender is not in the directory).
_SENDER_NAME = (select(Person.name).join(PlatformIdentity, PlatformIdentity.person_id == Person.id)
                .where(PlatformIdentity.platform == "simulator", PlatformIdentity.user_id == bindparam("log_sender"))
                .scalar_subquery())
_LOG_LINE = insert(cast(Table, SimulatorMessage.__table__)).values(
    chat=bindparam("log_chat"), sender=bindparam("log_sender"), sender_name=func.coalesce(_SENDER_NAME, bindparam("log_sender")),
    text=bindparam("log_text"), format="text", is_bot=False, mentions=[], image_path=bindparam("log_image"),
    msg_id=bindparam("log_msg_id"), created_at=bindparam("log_created_at"))


@blueprint.post("/api/messages")
def post_message():  # type: ignore[no-untyped-def]
    services = services_of(current_app)
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # JSON nested deeper than the parser's stack: hostile, not a message
        abort(400, "expected a JSON object")
    if not isinstance(body, dict):
        abort(400, "expected a JSON object")
    chat, sender = body.get("chat"), body.get("sender")
    text = body.get("text", "")
    if not isinstance(chat, str) or not chat or not isinstance(sender, str) or not sender:
        abort(400, "'chat' and 'sender' are required strings")
    if not isinstance(text, str):
        abort(400, "'text' must be a string")
    images: list[ImageRef] = []
    raw_images = body.get("images") or ([body["image"]] if body.get("image") else [])
    for encoded in raw_images[:9]:
        if not isinstance(encoded, str):
            abort(400, "'image' must be a base64 string")
        images.append(_save_image(encoded))
    msg_id = str(body.get("msg_id") or uuid.uuid4().hex)
    now: datetime = services.clock.now()
    chat_type: ChatType = "single" if chat.startswith("dm:") else "group"

    msg = IncomingMessage(
        platform="simulator", msg_id=msg_id, chat_id=chat, chat_type=chat_type, sender_id=sender,
        text=text, images=tuple(images), quoted_text=str(body.get("quoted") or ""), received_at=now,
    )
    # The chat log line is stored with the inbound row, atomically: one commit per message.
    line = AlsoInsert(_LOG_LINE, {"log_chat": chat, "log_sender": sender, "log_text": text, "log_msg_id": msg_id,
                                  "log_image": images[0].ref if images else None, "log_created_at": now})
    result = accept(services, msg, also=line)
    return jsonify(msg_id=msg_id, inbound_id=result.inbound_id, duplicate=result.duplicate), 202


@blueprint.get("/api/messages")
def list_messages():  # type: ignore[no-untyped-def]
    services = services_of(current_app)
    chat = request.args.get("chat", "")
    try:
        after = int(request.args.get("after", "0"))
    except ValueError:
        abort(400, "'after' must be an integer message id")
    query = select(SimulatorMessage).where(SimulatorMessage.id > after)
    if chat:
        query = query.where(SimulatorMessage.chat == chat)
    with services.sessions() as session:
        rows = list(session.scalars(query.order_by(SimulatorMessage.id).limit(500)))
        return jsonify(messages=[
            {
                "id": r.id, "chat": r.chat, "sender": r.sender, "sender_name": r.sender_name, "is_bot": r.is_bot,
                "text": r.text, "format": r.format, "mentions": r.mentions,
                "image_url": f"/simulator/media/{r.image_path.rsplit('/', 1)[-1]}" if r.image_path else None,
                "created_at": r.created_at.isoformat(),
            }
            for r in rows
        ])


@blueprint.get("/media/<name>")
def media(name: str):  # type: ignore[no-untyped-def]
    adapter = services_of(current_app).adapter("simulator")
    return send_from_directory(adapter.media_dir(), name)  # type: ignore[attr-defined]
