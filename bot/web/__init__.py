"""Flask application factory. ``wsgi.py`` only calls ``create_app()``."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from bot.config import Settings
from bot.services import Services
from bot.wiring import build_services, configured_platforms, load


def create_app(config: Settings | None = None, services: Services | None = None) -> Flask:
    settings = config or (services.settings if services else Settings.from_env())
    app = Flask(__name__)
    app.config.update(SECRET_KEY=settings.secret_key, MAX_CONTENT_LENGTH=settings.max_body_bytes,
                      JSON_AS_ASCII=False)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["bot"] = services or build_services(settings)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

    from bot.web.health import blueprint as health

    app.register_blueprint(health)
    from bot.web.media import blueprint as media

    app.register_blueprint(media)
    for platform in configured_platforms(settings):
        if platform.blueprint:
            app.register_blueprint(load(platform.blueprint))
    from bot.web import dashboard

    dashboard.register(app, settings)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):  # type: ignore[no-untyped-def]
        return jsonify(error=exc.name, detail=exc.description), exc.code or 500

    @app.get("/")
    def index():  # type: ignore[no-untyped-def]
        from flask import redirect

        return redirect("/simulator") if settings.simulator_enabled else jsonify(service="督办助手")

    return app


def services_of(app: Flask) -> Services:
    return app.extensions["bot"]  # type: ignore[no-any-return]
