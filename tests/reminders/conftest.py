"""Helpers for reminder tests: a controlled domain clock and cases built through the lifecycle."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from bot.cases.directory import import_directory, load_directory_file
from bot.cases.lifecycle import Actor, Lifecycle
from bot.services import Services
from models import Case, DutyShift, OutboundMessage, Person, Reminder, SimulatorMessage, Unit

CST = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    """A local (Asia/Shanghai) moment, e.g. at("2026-11-30 09:00")."""
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def set_now(services: Services, moment: datetime) -> None:
    services.clock.offset_s = (moment - datetime.now(timezone.utc)).total_seconds()


def lay_roster_from(services: Services, moment: datetime) -> None:
    """The demo duty roster laid out from ``moment`` (the fixture lays it from the instant the test
    started, which may be any day: BOT_TEST_INSTANT). Through the public import, as an operator would."""
    with services.sessions() as session, session.begin():
        session.execute(delete(DutyShift))
        import_directory(session, load_directory_file(services.settings.units_file), moment, services.settings.timezone)


def person(session, code: str) -> Person:  # type: ignore[no-untyped-def]
    found = session.scalar(select(Person).where(Person.code == code))
    assert found is not None
    return found


def new_case(services: Services, lead: str = "donghu", *, title: str = "幸福小区垃圾堆积", request_type: str = "投诉",
             co: tuple[str, ...] = (), body: str | None = None) -> int:
    with services.sessions() as session, session.begin():
        life = Lifecycle(session, services.deadlines, services.clock.now())
        actor = Actor(person(session, "zhaolei"))
        case = life.create_case(actor, title=title, body=body if body is not None else "网民反映" + title, request_type=request_type)
        unit = session.scalar(select(Unit).where(Unit.code == lead))
        co_units = list(session.scalars(select(Unit).where(Unit.code.in_(co))))
        life.dispatch(case, actor, unit, co_units)
        return case.id


def act(services: Services, case_id: int, who: str, action: str, *args: object) -> None:
    with services.sessions() as session, session.begin():
        life = Lifecycle(session, services.deadlines, services.clock.now())
        case = session.get(Case, case_id)
        getattr(life, action)(case, Actor(person(session, who)), *args)


def chat(services: Services, chat_id: str) -> list[SimulatorMessage]:
    with services.sessions() as session:
        return list(session.scalars(select(SimulatorMessage).where(SimulatorMessage.chat == chat_id)
                                    .order_by(SimulatorMessage.id)))


def reminders(services: Services, case_id: int) -> list[Reminder]:
    with services.sessions() as session:
        return list(session.scalars(select(Reminder).where(Reminder.case_id == case_id).order_by(Reminder.due_at)))


def outbound(services: Services) -> list[OutboundMessage]:
    with services.sessions() as session:
        return list(session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)))
