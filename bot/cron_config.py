"""Jobs for ``rq cron`` (rq's built-in scheduler; run exactly one). Loaded by path: `rq cron bot/cron_config.py`."""

from rq import cron

from bot.config import Settings
from bot.jobs import announce_zhuanbao_topics, recover, send_summaries, sweep_reminders

QUEUE = Settings.from_env().queue_name

# The database is the source of truth: every minute, re-enqueue anything Redis may have lost.
cron.register(recover, QUEUE, interval=60, name="recover")

# Claim due reminder rows and send one digest per group; duty handover at each shift change.
cron.register(sweep_reminders, QUEUE, interval=60, name="reminders-sweep")

# Daily/weekly/monthly summary: a cheap check every minute that sends once per period after the
# configured local time (config/reminders.yaml summary.time). A "0 9 * * *" cron expression would
# follow the host's time zone and ignore the demo clock.
cron.register(send_summaries, QUEUE, interval=60, name="reports-summary")

# 专报: tell the office once when a topic of similar cases passes the threshold. Every 10 minutes:
# clustering the open and recent cases costs ~1 s for a county's few hundred.
cron.register(announce_zhuanbao_topics, QUEUE, interval=600, name="reports-zhuanbao")
