"""Jobs for ``rq cron`` (rq's built-in scheduler; run exactly one). Loaded by path: `rq cron bot/cron_config.py`."""

from rq import cron

from bot.config import Settings
from bot.recovery import recover_job

QUEUE = Settings.from_env().queue_name

# The database is the source of truth: every minute, re-enqueue anything Redis may have lost.
cron.register(recover_job, QUEUE, interval=60, name="recover")

# Reminders (issue 6): claim due reminder rows and send one digest per group; duty handover.
from bot.reminders.sweep import sweep_job  # noqa: E402

cron.register(sweep_job, QUEUE, interval=60, name="reminders-sweep")

# Daily/weekly/monthly summary (issue 6): a cheap check every minute; sends once per period after
# the configured local time (config/reminders.yaml summary.time), following the demo clock.
from bot.reports.summary import summary_job  # noqa: E402

cron.register(summary_job, QUEUE, interval=60, name="reports-summary")
