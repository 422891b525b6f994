"""Editing a unit's leader and handlers on the web: add, change role and platform ids, remove, with
validation; the chat then finds the new handler by their platform id."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.cases.directory import find_person
from bot.services import Services
from models import Person, Unit
from tests.web.helpers import csrf_from, login, make_users


def _unit_id(services: Services, code: str) -> int:
    with services.sessions() as session:
        found = session.scalar(select(Unit.id).where(Unit.code == code))
        assert found is not None
        return found


def test_add_change_remove_people_with_validation(app: Any, services: Services) -> None:
    make_users(services)
    donghu = _unit_id(services, "donghu")
    client = app.test_client()
    login(client, "admin")
    page = client.get(f"/dashboard/units/{donghu}").get_data(as_text=True)
    assert "何慧" in page and "吕波" in page
    token = csrf_from(page)
    base = f"/dashboard/units/{donghu}/people"

    added = client.post(base, data={"csrf_token": token, "code": "zhangsan", "name": "张三", "role": "handler",
                                    "id_simulator": "zhangsan", "id_wecom": "ZhangSan"})
    assert added.status_code == 302
    for bad, message in (
        ({"code": "zhangsan", "name": "重复", "role": "handler"}, "已存在"),
        ({"code": "lisi", "name": "李四", "role": "handler", "id_simulator": "hehui"}, "已属于 何慧"),
        ({"code": "lisi", "name": "李四", "role": "office"}, "负责人或经办人"),
        ({"code": "li si", "name": "李四", "role": "handler"}, "人员编码"),
        ({"code": "lisi", "name": "", "role": "handler"}, "姓名不能为空"),
        ({"code": "lisi", "name": "李四", "role": "handler", "id_wecom": "<script>"}, "格式不正确"),
    ):
        response = client.post(base, data={"csrf_token": token, **bad})
        assert response.status_code == 400 and message in response.get_data(as_text=True), bad
    assert client.post(base, data={"code": "x", "name": "x", "role": "handler"}).status_code == 400  # CSRF

    with services.sessions() as session:
        zhangsan = find_person(session, "wecom", "ZhangSan")
        assert zhangsan is not None and zhangsan.unit_id == donghu and zhangsan.role == "handler"
        person_id = zhangsan.id
        assert session.scalar(select(Person).where(Person.code == "lisi")) is None
    # Promote to leader, change the WeCom id, drop the simulator id.
    changed = client.post(f"{base}/{person_id}", data={"csrf_token": token, "name": "张三", "role": "leader",
                                                       "id_wecom": "zhang3"})
    assert changed.status_code == 302
    with services.sessions() as session:
        assert find_person(session, "wecom", "ZhangSan") is None
        person = find_person(session, "wecom", "zhang3")
        assert person is not None and person.role == "leader" and person.platform_id("simulator") is None
        unit = session.get(Unit, donghu)
        assert unit is not None and {p.name for p in unit.leaders()} == {"吕波", "张三"}
    # Another unit's person id in this unit's URL is a 404.
    with services.sessions() as session:
        other = session.scalar(select(Person.id).where(Person.code == "shiyu"))
    assert client.post(f"{base}/{other}", data={"csrf_token": token, "name": "x", "role": "handler"}).status_code == 404
    # Removing deactivates: no longer in the @-lists, history keeps the person.
    assert client.post(f"{base}/{person_id}/remove", data={"csrf_token": token}).status_code == 302
    with services.sessions() as session:
        unit = session.get(Unit, donghu)
        assert unit is not None and "张三" not in {p.name for p in unit.leaders() + unit.handlers()}
    # Only the admin edits the directory.
    dispatcher = app.test_client()
    login(dispatcher, "disp")
    own_token = csrf_from(dispatcher.get("/dashboard/cases").get_data(as_text=True))
    assert dispatcher.post(base, data={"csrf_token": own_token, "code": "y", "name": "y",
                                       "role": "handler"}).status_code == 403
