"""GET /healthz: database, Redis and workers. 200 when all are fine, 503 otherwise."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from rq import Worker
from sqlalchemy import text

from bot.web import services_of

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():  # type: ignore[no-untyped-def]
    services = services_of(current_app)
    checks: dict[str, object] = {}
    try:
        with services.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        services.redis.ping()
        checks["redis"] = "ok"
        workers = Worker.all(connection=services.redis)
        checks["workers"] = len(workers)
        checks["queue_length"] = len(services.queue)
    except Exception as exc:
        checks["redis"] = f"error: {exc.__class__.__name__}"
        checks["workers"] = 0
    healthy = checks["database"] == "ok" and checks["redis"] == "ok" and int(checks["workers"]) > 0  # type: ignore[call-overload]
    return jsonify(status="ok" if healthy else "degraded", **checks), 200 if healthy else 503
