"""The web dashboard: blueprints for cases, statistics, units and export, plus logins (bot.web.auth).

``register(app, settings)`` is the one call create_app makes.
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from bot.config import Settings


def register(app: Flask, settings: Settings) -> None:
    import os

    from bot.web import auth
    from bot.web.dashboard import cases, exports, roster, stats, units

    # Secure cookies by default; BOT_COOKIE_SECURE=0 only for plain-http local runs in old browsers.
    auth.init_app(app, secure_cookies=os.environ.get("BOT_COOKIE_SECURE", "1") != "0")
    app.teardown_appcontext(auth.close_db)
    for blueprint in (auth.blueprint, cases.blueprint, stats.blueprint, units.blueprint, exports.blueprint,
                      roster.blueprint):
        app.register_blueprint(blueprint)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc: CSRFError):  # type: ignore[no-untyped-def]
        return render_template("dashboard/error.html", code=400, message="表单已过期或缺少安全令牌，请刷新页面后重试。"), 400
