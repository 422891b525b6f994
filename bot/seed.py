"""The demo directory, so a newcomer can play a full case in two minutes."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.cases.directory import import_directory, load_directory_file
from bot.services import Services
from models import Unit


def seed_demo(services: Services) -> str:
    with services.sessions() as session, session.begin():
        if session.scalar(select(func.count(Unit.id))):
            return "directory already present: not seeding"
        raw = load_directory_file(services.settings.units_file)
        summary = import_directory(session, raw, services.clock.now(), services.settings.timezone)
    return f"seeded demo directory: {summary.units} units, {summary.people} people, {summary.shifts} duty shifts"
