"""Jobs for ``rq cron`` (rq's built-in scheduler; run exactly one). Loaded by path: `rq cron bot/cron_config.py`."""

from rq import cron

from bot.recovery import recover_job

from bot.config import Settings

QUEUE = Settings.from_env().queue_name

# The database is the source of truth: every minute, re-enqueue anything Redis may have lost.
cron.register(recover_job, QUEUE, interval=60, name="recover")
