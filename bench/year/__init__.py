"""A year of posts, compressed, through the real processes, with faults injected.

Used by ``bench/prefecture.py`` (ten counties, printed figures) and by
``tests/reliability/test_county_year.py`` (one county, a short run, asserted).

- ``infra``: our own PostgreSQL cluster and Redis (so they can be killed and restarted without
  touching the machine's shared ones) and the supervised processes (gunicorn, RQ workers, rq cron).
- ``directory``: the counties' unit directories (synthetic people) and each county's environment.
- ``texts``: synthetic citizens' posts and the handlers' replies, with phone and ID numbers in them.
- ``plan``: the year's working-day slots and each post's chain of commands.
- ``channels``: the three ways a message reaches the bot (simulator, WeCom, DingTalk callbacks),
  each retried like its platform, and the fault gate in front of the fake platforms.
- ``run``: the step loop (set the year's clock, send, sweep, wait) and the faults.
- ``figures``: what was lost, doubled and late, read from the databases and the fakes.
- ``logscan``: every log line of every process, searched for personal data.
"""
