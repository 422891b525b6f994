"""Logins for the dashboard: password check, rate limit, session, CSRF.

Sessions are Flask's signed cookies (a forged or altered cookie fails the signature and is
treated as logged out); they carry the user id and a version that a password change bumps.
CSRF (Flask-WTF) is enforced on every POST of the dashboard blueprints; the simulator's JSON API
and the platform webhooks are not browser forms and keep their own checks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from bot.web import services_of
from models import User

blueprint = Blueprint("auth", __name__, template_folder="templates")
csrf = CSRFProtect()

MAX_FAILURES_PER_USER = 5  # per username and address, in the window
MAX_FAILURES_PER_ADDRESS = 30
FAILURE_WINDOW_S = 15 * 60
MAX_USERNAME = 64
MAX_PASSWORD = 256


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def init_app(app: Flask, *, secure_cookies: bool) -> None:
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_NAME="dbzs_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        WTF_CSRF_CHECK_DEFAULT=False,  # checked in protect_forms() for the dashboard only
        WTF_CSRF_TIME_LIMIT=12 * 3600,
    )
    csrf.init_app(app)


def protect_forms() -> None:
    """before_request of every dashboard blueprint: a POST without a valid token is a 400."""
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        csrf.protect()


def current_user() -> User | None:
    if "user" in g:
        return g.user  # type: ignore[no-any-return]
    user = None
    user_id, version = session.get("uid"), session.get("ver")
    if isinstance(user_id, int) and isinstance(version, int):
        db = _db_session()
        candidate = db.get(User, user_id)
        if candidate is not None and candidate.active and candidate.session_version == version:
            user = candidate
    g.user = user
    return user


def _db_session():  # type: ignore[no-untyped-def]
    """One SQLAlchemy session per request, closed at teardown."""
    if "db" not in g:
        g.db = services_of(current_app).sessions()
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


def login_required(action: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Logged in, and (when given) allowed to do ``action`` per bot.web.permissions."""
    from bot.web.permissions import can

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
            if action and not can(user, action):
                abort(403, "您无权执行此操作。")
            return view(*args, **kwargs)

        return wrapped

    return decorate


def _address() -> str:
    return (request.remote_addr or "unknown")[:64]


def _too_many(username: str) -> bool:
    redis = services_of(current_app).redis
    per_user = redis.get(f"web:login-fail:{username}:{_address()}")
    per_addr = redis.get(f"web:login-fail-addr:{_address()}")
    return int(per_user or 0) >= MAX_FAILURES_PER_USER or int(per_addr or 0) >= MAX_FAILURES_PER_ADDRESS


def _record_failure(username: str) -> None:
    redis = services_of(current_app).redis
    for key in (f"web:login-fail:{username}:{_address()}", f"web:login-fail-addr:{_address()}"):
        pipe = redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, FAILURE_WINDOW_S)
        pipe.execute()


blueprint.before_request(protect_forms)


@blueprint.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    if request.method == "GET":
        return render_template("dashboard/login.html", next=request.args.get("next", ""))
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    if not username or not password or len(username) > MAX_USERNAME or len(password) > MAX_PASSWORD:
        flash("请输入用户名和密码。", "error")
        return render_template("dashboard/login.html", next=""), 400
    if _too_many(username):
        flash("登录失败次数过多，请 15 分钟后再试。", "error")
        return render_template("dashboard/login.html", next=""), 429
    db = _db_session()
    user = db.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        _record_failure(username)
        flash("用户名或密码错误。", "error")
        return render_template("dashboard/login.html", next=""), 401
    user.last_login_at = services_of(current_app).clock.now()
    db.commit()
    session.clear()
    session.permanent = True
    session["uid"], session["ver"] = user.id, user.session_version
    target = request.form.get("next", "")
    # Only local paths: an open redirect would let a phishing link bounce through our login.
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = url_for("dashboard.cases")
    return redirect(target)


@blueprint.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    session.clear()
    return redirect(url_for("auth.login"))
