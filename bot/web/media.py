"""GET /media/<token>.png: charts the bot linked in a platform message (see bot/messaging/media_links.py).

No login: DingTalk clients fetch the image themselves. The signed, expiring token is the only
key; anything else (tampered, expired, unknown) is a plain 404 that says nothing about why.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, send_file

from bot.messaging.media_links import open_png
from bot.web import services_of

blueprint = Blueprint("media", __name__)


@blueprint.get("/media/<token>.png")
def media_png(token: str):  # type: ignore[no-untyped-def]
    path = open_png(services_of(current_app).settings, token)
    if path is None:
        abort(404)
    # Content-addressed and immutable until it expires: let clients cache it, but privately.
    response = send_file(path, mimetype="image/png", max_age=3600, conditional=True)
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
