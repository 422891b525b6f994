"""`python -m bot …` as an operator runs it, against a real database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import ROOT, Settings
from tests.support import SimulatorClient


def bot(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=settings.database_url, REDIS_URL=settings.redis_url,
               BOT_VAR_DIR=str(settings.var_dir), BOT_SIMULATOR="1", TZ=settings.timezone)  # the office's zone
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_cases_and_units_commands(sim: SimulatorClient, settings: Settings, tmp_path: Path) -> None:
    sim.send("office", "zhaolei", "东湖路路灯不亮已经一周，夜间出行不安全")
    sim.send("office", "zhaolei", "派 城管局")
    listed = bot(settings, "cases", "list", "--status", "dispatched")
    assert listed.returncode == 0 and "DB-" in listed.stdout and "示例县城市管理局" in listed.stdout
    number = listed.stdout.split()[0]
    shown = bot(settings, "case", "show", number)
    assert shown.returncode == 0 and "dispatch" in shown.stdout and "办理时限" in shown.stdout
    assert bot(settings, "case", "show", "DB-20000101-0001").returncode == 1
    assert bot(settings, "cases", "list", "--status", "nonsense").returncode == 2

    units = bot(settings, "units", "list")
    assert units.returncode == 0 and "chengguan" in units.stdout and "吴涛" in units.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("units:\n  - {code: x}\n", encoding="utf-8")
    refused = bot(settings, "units", "import", str(bad))
    assert refused.returncode == 2 and "'name' is required" in refused.stderr
    exported = bot(settings, "units", "export")
    round_trip = tmp_path / "units.yaml"
    round_trip.write_text(exported.stdout, encoding="utf-8")
    again = bot(settings, "units", "import", str(round_trip))
    assert again.returncode == 0 and "imported 11 units, 23 people" in again.stdout


def test_db_upgrade_is_idempotent(settings: Settings) -> None:
    assert bot(settings, "db", "upgrade").returncode == 0
    assert bot(settings, "db", "upgrade").returncode == 0
