"""Each role × each action on the web, including a unit A handler using unit B's case id."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.services import Services
from models import Case, CaseEvent, OutboundMessage, Unit
from tests.support import drain
from tests.web.helpers import ROLE_USERS, case_of, csrf_from, login, make_case, make_users

# action → roles that may do it on a suitable case (others get 403, or 404 for unseen cases)
EXPECTED = {
    "dispatch": {"admin", "disp"},
    "supervise": {"admin"},
    "instruct": {"admin"},
    "verify": {"admin"},
    "reopen": {"admin"},
    "approve_extension": {"admin"},
    "sign": {"zj_handler"},
    "close": {"zj_handler"},
}


def _client(app: Any, username: str) -> tuple[Any, str]:
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client, csrf_from(client.get("/dashboard/cases").get_data(as_text=True))


def _prepare(services: Services, action: str) -> int:
    """A case where ``action`` is legal in the lifecycle, handled by 住建局."""
    from bot.cases.lifecycle import Actor, Lifecycle
    from models import Person

    if action == "dispatch":
        return make_case(services, lead=None)
    case_id = make_case(services)
    with services.sessions() as session, session.begin():
        case = session.get(Case, case_id)
        assert case is not None
        life = Lifecycle(session, services.deadlines, services.clock.now())
        sunjie = Actor(session.scalar(select(Person).where(Person.code == "sunjie")))
        if action in ("verify", "reopen"):
            life.close(case, sunjie, "已处理")
        if action == "approve_extension":
            life.request_extension(case, sunjie, 2, "需协调")
    return case_id


def _form(services: Services, action: str) -> dict[str, str]:
    with services.sessions() as session:
        chengguan = session.scalar(select(Unit.id).where(Unit.code == "chengguan"))
    return {"dispatch": {"lead": str(chengguan)}, "instruct": {"text": "请尽快处理"}, "reopen": {"reason": "网民仍不满意"},
            "close": {"text": "已清理完毕"}}.get(action, {})


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_each_role_each_action(app: Any, services: Services, action: str) -> None:
    make_users(services)
    for username in ROLE_USERS:
        case_id = _prepare(services, action)
        before = case_of(services, case_id)
        client, token = _client(app, username)
        response = client.post(f"/dashboard/cases/{case_id}/actions/{action}",
                               data={"csrf_token": token, **_form(services, action)})
        after = case_of(services, case_id)
        if username in EXPECTED[action]:
            assert response.status_code == 302, (username, action, response.get_data(as_text=True)[:300])
            assert len(after.events) > len(before.events), (username, action)
            web_events = [e for e in after.events if e.channel == "web"]
            assert web_events and web_events[-1].actor_label == f"web:{username}"
        else:
            # dispatch-able cases have no unit yet: unit users do not even see them (404)
            assert response.status_code in (403, 404), (username, action, response.status_code)
            assert (after.status, after.supervised, len(after.events)) == (before.status, before.supervised,
                                                                          len(before.events))


def test_unit_handler_cannot_read_or_close_other_units_case(app: Any, services: Services) -> None:
    make_users(services)
    theirs = make_case(services, title="东湖路灯不亮", lead="donghu")
    mine = make_case(services, title="住建工地噪音", lead="zhujian")
    client, token = _client(app, "zj_handler")
    assert client.get(f"/dashboard/cases/{theirs}").status_code == 404
    assert client.get(f"/dashboard/cases/{mine}").status_code == 200
    response = client.post(f"/dashboard/cases/{theirs}/actions/close", data={"csrf_token": token, "text": "x"})
    assert response.status_code == 404
    assert case_of(services, theirs).status == "dispatched"
    listing = client.get("/dashboard/cases").get_data(as_text=True)
    assert "住建工地噪音" in listing and "东湖路灯不亮" not in listing
    # The export follows the same scope.
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(client.get("/dashboard/export/cases.xlsx").data))
    titles = [row[1] for row in book["工单"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["住建工地噪音"]


def test_phones_masked_by_role(app: Any, services: Services) -> None:
    make_users(services)
    case_id = make_case(services, lead="donghu")
    viewer, _ = _client(app, "viewer")
    page = viewer.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert "138****5678" in page and "13812345678" not in page
    admin, _ = _client(app, "admin")
    assert "13812345678" in admin.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    leader, _ = _client(app, "dh_leader")
    assert "13812345678" not in leader.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)


def test_dispatch_on_the_web_notifies_the_unit_group(app: Any, services: Services, sim: Any) -> None:
    make_users(services)
    case_id = make_case(services, lead=None, title="<script>alert(1)</script>道路破损")
    client, token = _client(app, "admin")
    with services.sessions() as session:
        donghu = session.scalar(select(Unit.id).where(Unit.code == "donghu"))
    response = client.post(f"/dashboard/cases/{case_id}/actions/dispatch", data={"csrf_token": token, "lead": str(donghu)})
    assert response.status_code == 302
    page = client.get(f"/dashboard/cases/{case_id}").get_data(as_text=True)
    assert "已派发" in page and "<script>alert(1)" not in page and "&lt;script&gt;" in page
    drain(services)
    texts = [m for m in sim.bot_messages("g-donghu")]
    assert texts and "【新工单·主办】" in texts[-1]["text"]
    assert [m["name"] for m in texts[-1]["mentions"]] == ["何慧"]
    with services.sessions() as session:
        event = session.scalar(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == "dispatch"))
        assert event is not None and event.channel == "web" and event.actor_label == "web:admin"
        assert session.scalar(select(OutboundMessage).where(OutboundMessage.case_id == case_id)).state == "sent"


def test_refused_action_shows_the_reason_and_changes_nothing(app: Any, services: Services) -> None:
    make_users(services)
    case_id = make_case(services)
    client, token = _client(app, "admin")
    response = client.post(f"/dashboard/cases/{case_id}/actions/verify", data={"csrf_token": token},
                           follow_redirects=True)
    assert "不能执行此操作" in response.get_data(as_text=True)
    assert case_of(services, case_id).status == "dispatched"
    assert client.post(f"/dashboard/cases/{case_id}/actions/instruct",
                       data={"csrf_token": token, "text": "x" * 5000}).status_code == 400


@pytest.mark.parametrize("query", ["q=" + "长" * 101, "page=99999999", "status=bogus", "per_page=100000",
                                   "from=2026-13-01", "sort=drop table", "unit=abc"])
def test_huge_or_bad_filters_are_400(app: Any, services: Services, query: str) -> None:
    make_users(services)
    client, _ = _client(app, "admin")
    response = client.get(f"/dashboard/cases?{query}")
    assert response.status_code == 400
