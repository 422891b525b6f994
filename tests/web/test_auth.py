"""Logins: passwords, rate limit, CSRF, forged cookies, open redirects."""

from __future__ import annotations

from typing import Any

from bot.services import Services
from tests.web.helpers import PASSWORD, csrf_from, login, make_users


def test_login_logout_and_pages_need_login(app: Any, services: Services) -> None:
    make_users(services)
    client = app.test_client()
    response = client.get("/dashboard/cases")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = login(client, "admin")
    assert response.status_code == 302 and response.headers["Location"].endswith("/dashboard/cases")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie
    page = client.get("/dashboard/cases")
    assert page.status_code == 200 and "共" in page.get_data(as_text=True)
    token = csrf_from(page.get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/dashboard/cases").status_code == 302


def test_wrong_password_is_rate_limited(app: Any, services: Services, redis_client: Any) -> None:
    make_users(services)
    client = app.test_client()
    for _ in range(5):
        assert login(client, "disp", "wrong-password").status_code == 401
    # Now even the right password is refused for a while, from this address.
    assert login(client, "disp", PASSWORD).status_code == 429
    assert client.get("/dashboard/cases").status_code == 302
    for key in redis_client.scan_iter("web:login-fail*"):
        redis_client.delete(key)
    assert login(client, "disp", PASSWORD).status_code == 302


def test_missing_csrf_token_is_400_and_changes_nothing(app: Any, services: Services) -> None:
    make_users(services)
    client = app.test_client()
    assert client.post("/login", data={"username": "admin", "password": PASSWORD}).status_code == 400
    login(client, "admin")
    from tests.web.helpers import case_of, make_case

    case_id = make_case(services)
    response = client.post(f"/dashboard/cases/{case_id}/actions/supervise", data={})
    assert response.status_code == 400
    assert "安全令牌" in response.get_data(as_text=True)
    assert case_of(services, case_id).supervised is False


def test_forged_session_cookie_is_logged_out(app: Any, services: Services) -> None:
    make_users(services)
    client = app.test_client()
    login(client, "admin")
    assert client.get("/dashboard/cases").status_code == 200
    # A cookie signed with another key (what an attacker can make) is not a session.
    from flask.sessions import SecureCookieSessionInterface

    forger = app.__class__("forger")
    forger.secret_key = "attacker-key"
    forged = SecureCookieSessionInterface().get_signing_serializer(forger).dumps({"uid": 1, "ver": 1})  # type: ignore[union-attr]
    other = app.test_client()
    other.set_cookie("dbzs_session", forged, domain="localhost")
    assert other.get("/dashboard/cases").status_code == 302


def test_login_redirect_stays_on_site(app: Any, services: Services) -> None:
    make_users(services)
    client = app.test_client()
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token,
                                           "next": "//evil.example/x"})
    assert response.headers["Location"].endswith("/dashboard/cases")
