"""Charts served from our own web app at expiring, signed URLs (for platforms that take an image URL).

DingTalk robots cannot upload a picture: a markdown ``![title](url)`` is how an image reaches a
group (custom robot / sessionWebhook / OpenAPI ``sampleMarkdown`` all render it), so the worker
stores the PNG under ``var/media/out/`` and the web app serves it at ``/media/<token>.png``.

The token is ``<name>-<expires>-<sig>``: ``name`` is the SHA-256 of the bytes (a retried send
reuses the file), ``expires`` epoch seconds, ``sig`` = HMAC-SHA256(SECRET_KEY, path + expiry).
Anyone with the link may see the chart until it expires, so links are unguessable and short-lived;
after expiry the route answers 404 and the file is deleted by the next publish.
No Flask here: the worker (adapter) publishes, the blueprint (bot/web/media.py) serves.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import time
from pathlib import Path

from bot.config import Settings

DEFAULT_TTL_S = 7 * 86400
_TOKEN = re.compile(r"^([0-9a-f]{64})-([0-9]{1,12})-([A-Za-z0-9_-]{43})$")


def media_dir(settings: Settings) -> Path:
    return settings.var_dir / "media" / "out"


def _sign(secret_key: str, name: str, expires: int) -> str:
    message = f"/media/{name}.png\n{expires}".encode()
    digest = hmac.new(secret_key.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def make_token(settings: Settings, name: str, expires: int) -> str:
    return f"{name}-{expires}-{_sign(settings.secret_key, name, expires)}"


def publish_png(settings: Settings, data: bytes, *, now_s: float | None = None,
                ttl_s: int = DEFAULT_TTL_S) -> str | None:
    """Store ``data`` and return its public URL, or None when BOT_PUBLIC_URL is not set."""
    if not settings.public_url:
        return None
    now = time.time() if now_s is None else now_s
    folder = media_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    purge_expired(settings, now_s=now, ttl_s=ttl_s)
    name = hashlib.sha256(data).hexdigest()
    path = folder / f"{name}.png"
    if path.exists():
        os.utime(path, (now, now))  # republished: keep it for a new full period
    else:
        partial = folder / f".{name}.{os.getpid()}.tmp"
        partial.write_bytes(data)
        os.utime(partial, (now, now))
        partial.replace(path)  # atomic: the web app never serves half a file
    token = make_token(settings, name, int(now) + ttl_s)
    return f"{settings.public_url}/media/{token}.png"


def open_png(settings: Settings, token: str, *, now_s: float | None = None) -> Path | None:
    """The file a token grants, or None if the token is malformed, forged, expired or the file gone."""
    match = _TOKEN.match(token)
    if match is None:
        return None
    name, expires_raw, sig = match.groups()
    expected = _sign(settings.secret_key, name, int(expires_raw))
    if not hmac.compare_digest(expected.encode(), sig.encode()):
        return None
    if int(expires_raw) < (time.time() if now_s is None else now_s):
        return None
    path = media_dir(settings) / f"{name}.png"
    return path if path.is_file() else None


def purge_expired(settings: Settings, *, now_s: float, ttl_s: int = DEFAULT_TTL_S) -> int:
    """Delete files not (re)published within ``ttl_s``: every link to them has expired."""
    removed = 0
    folder = media_dir(settings)
    if not folder.is_dir():
        return 0
    for path in folder.glob("*.png"):
        try:
            if path.stat().st_mtime < now_s - ttl_s:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue  # another process purged it first
    return removed
