"""Reminder latency, due → sent, with the real processes: an embedded Redis, a scratch SQLite
database, ``python -m bot worker`` and ``rq cron bot/cron_config.py`` as subprocesses (as
``python -m bot run`` starts them). N reminder rows are made due at spread-out moments a few
seconds ahead; each one's latency is its digest's OutboundMessage.sent_at minus its due_at.
Target: p90 ≤ 2 s with the scheduler's default interval. Usage:
.venv/bin/python bench/reminder_latency.py [--reminders 30]"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bot import embedded_redis  # noqa: E402
from bot.cases.lifecycle import Actor, Lifecycle  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import upgrade  # noqa: E402
from bot.seed import seed_demo  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.wiring import build_services  # noqa: E402
from models import OutboundMessage, Person, Reminder, Unit  # noqa: E402

TARGET_S = 2.0
LEAD_S = 20.0  # time for the worker and the scheduler to start before the first reminder is due


def _env(tmp: Path, database_url: str, redis_url: str) -> dict[str, str]:
    # Only the simulator: a developer's WECOM_*/DINGTALK_* variables must not make this send for real.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "DINGTALK_"))}
    env.update(DATABASE_URL=database_url, REDIS_URL=redis_url, BOT_VAR_DIR=str(tmp / "var"), BOT_SIMULATOR="1",
               BOT_QUEUE="latency", TZ=env.get("TZ") or "Asia/Shanghai")
    return env


def _make_cases(services: Services, count: int) -> list[tuple[int, int]]:
    """Dispatched cases, round-robin over the units: (case id, lead unit id)."""
    out = []
    with services.sessions() as session, session.begin():
        life = Lifecycle(session, services.deadlines, services.clock.now())
        actor = Actor(session.scalar(select(Person).where(Person.code == "zhaolei")))
        units = list(session.scalars(select(Unit).where(Unit.is_office.is_(False)).order_by(Unit.id)))
        for n in range(count):
            unit = units[n % len(units)]
            case = life.create_case(actor, title=f"延迟测试{n}", body="网民反映道路积水", request_type="投诉")
            life.dispatch(case, actor, unit)
            session.flush()
            out.append((case.id, unit.id))
    return out


def _add_due_reminders(services: Services, cases: list[tuple[int, int]], first_due: datetime,
                       rng: random.Random) -> list[int]:
    """One sign reminder per case, due at irregular moments 0.3–3.7 s apart (rows as schedule.py writes them)."""
    ids, due = [], first_due
    with services.sessions() as session, session.begin():
        for case_id, unit_id in cases:
            row = Reminder(case_id=case_id, unit_id=unit_id, kind="sign", level=0, due_at=due, state="pending",
                           attempt=0, created_at=services.clock.now())
            session.add(row)
            session.flush()
            ids.append(row.id)
            due += timedelta(seconds=rng.uniform(0.3, 3.7))
    return ids


def _latencies(services: Services, ids: list[int]) -> dict[int, float]:
    with services.sessions() as session:
        rows = session.execute(
            select(Reminder.id, Reminder.due_at, OutboundMessage.sent_at)
            .join(OutboundMessage, OutboundMessage.id == Reminder.sent_outbound_id)
            .where(Reminder.id.in_(ids), OutboundMessage.sent_at.isnot(None))).all()
    return {rid: (sent - due).total_seconds() for rid, due, sent in rows}


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reminders", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=150.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="latency-"))
    redis, redis_url = embedded_redis.start(tmp / "redis", persist=False)
    database_url = f"sqlite:///{tmp / 'bot.db'}"
    env = _env(tmp, database_url, redis_url)
    children: list[subprocess.Popen[bytes]] = []
    try:
        upgrade(database_url)
        services = build_services(Settings.from_env(env))
        seed_demo(services)
        cases = _make_cases(services, args.reminders)
        first_due = datetime.now(timezone.utc) + timedelta(seconds=LEAD_S)
        ids = _add_due_reminders(services, cases, first_due, random.Random(6))
        last_due = first_due + timedelta(seconds=0)
        with services.sessions() as session:
            last_due = session.scalar(select(Reminder.due_at).where(Reminder.id == ids[-1])) or last_due
        logs = open(tmp / "processes.log", "wb")  # noqa: SIM115 (closed with the children)
        rq_bin = str(Path(sys.executable).parent / "rq")
        for argv in ([sys.executable, "-m", "bot", "worker"],
                     [rq_bin, "cron", str(ROOT / "bot" / "cron_config.py"), "--url", redis_url, "--path", str(ROOT)]):
            children.append(subprocess.Popen(argv, env=env, cwd=ROOT, stdout=logs, stderr=subprocess.STDOUT))
        print(f"{len(ids)} reminders due from +{LEAD_S:.0f}s over {(last_due - first_due).total_seconds():.0f}s;"
              f" worker + rq cron started (log: {tmp / 'processes.log'})", flush=True)
        deadline = time.monotonic() + args.timeout
        latencies: dict[int, float] = {}
        while time.monotonic() < deadline:
            time.sleep(1.0)
            latencies = _latencies(services, ids)
            if len(latencies) == len(ids):
                break
        services.engine.dispose()
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        redis.terminate()
    values = list(latencies.values())
    if not values:
        print(f"no reminder was sent within {args.timeout:.0f}s; see {tmp / 'processes.log'}")
        return 1
    missing = len(ids) - len(values)
    print("due→sent seconds, sorted: " + " ".join(f"{v:.2f}" for v in sorted(values)))
    p50, p90, worst = _pct(values, 50), _pct(values, 90), max(values)
    print(f"sent={len(values)}/{len(ids)} (missing {missing})  min={min(values):.2f}s  p50={p50:.2f}s  p90={p90:.2f}s"
          f"  max={worst:.2f}s  target p90≤{TARGET_S:.0f}s")
    print(f"ratio={p90 / TARGET_S:.2f}  (p90 due→sent / 2 s target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
