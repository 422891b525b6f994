"""The run: counties up, the year's clock stepped slot by slot, faults along the way, then a drain.

Each step sets every county's demo clock to the slot (``var/demo_clock_offset_s``, what
``python -m bot clock set`` writes), sends the commands that are due, asks for a reminder sweep
where reminders fell due (as the clock command does), and waits until the workers are idle. A
chain's next command goes only once the bot has processed the previous one (a person answers
what the bot said). The year never waits on the wall clock: only processing takes time.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import requests
from rq import Worker
from sqlalchemy import select, tuple_

from bench.year.channels import Delivery, FaultGate, Senders, install_gate
from bench.year.directory import County, make_county, platform_env
from bench.year.faults import Fault, FaultInjector, FaultRecord
from bench.year.infra import BIN, Managed, PostgresCluster, RedisServer, Supervisor, wait_until, work_horses
from bench.year.plan import Chain, build_chains, working_day_slots
from bench.year.texts import Secrets, TextMaker
from bot.cases.directory import import_directory
from bot.config import ROOT, Settings
from bot.db import upgrade
from bot.embedded_redis import free_port
from bot.services import Services
from bot.wiring import build_services
from models import Case, InboundMessage, Reminder
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.wecom_server import FakeWeCom


@dataclass
class YearConfig:
    counties: int = 10
    units_per_county: int = 30
    posts: int = 2000
    working_days: int = 245
    first_day: date = date(2026, 1, 5)
    workers: int = 1  # per county
    web_workers: int = 2  # gunicorn processes per county (4 threads each), as `make run`
    database: str = "postgresql"  # or sqlite (no PostgreSQL restart then)
    seed: int = 7
    faults: tuple[Fault, ...] = ()
    throughput_burst: int = 0  # posts per burst on county 0 with 1, 2, 4 workers; 0: skip
    throughput_workers: tuple[int, ...] = (1, 2, 4)
    send_threads: int = 16
    step_timeout_s: float = 30.0
    drain_timeout_s: float = 600.0
    workdir: Path | None = None
    keep: bool = False  # keep the work folder (logs, databases) afterwards
    progress: Callable[[str], None] = print


@dataclass
class CountyRun:
    county: County
    env: dict[str, str]
    services: Services  # the bench's own view (reads, and enqueues a sweep as `python -m bot clock` does)
    web_url: str
    web: Managed
    workers: list[Managed]
    cron: Managed


@dataclass
class StepMark:
    slot: datetime  # the year's time the clock was set to
    wall: float  # time.time() when it was set


@dataclass
class YearResult:
    config: YearConfig
    counties: list[CountyRun]
    chains: list[Chain]
    deliveries: list[Delivery]
    step_of_delivery: list[int]
    marks: list[StepMark]
    faults: list[FaultRecord]
    secrets: Secrets
    wecom: FakeWeCom
    dingtalk: FakeDingTalk
    gates: dict[str, FaultGate]
    supervisor: Supervisor
    log_dir: Path
    year_wall_s: float = 0.0
    drain_wall_s: float = 0.0
    drained: bool = False
    throughput: dict[int, tuple[int, float]] = field(default_factory=dict)  # workers → (posts, seconds)
    fault_steps: set[int] = field(default_factory=set)
    read_errors: Counter[str] = field(default_factory=Counter)


class YearRun:
    def __init__(self, config: YearConfig) -> None:
        self.config = config
        self.workdir = config.workdir or Path(os.environ.get("TMPDIR", "/tmp")) / f"year-{os.getpid()}-{config.seed}"
        self.log_dir = self.workdir / "logs"
        self.secrets = Secrets()
        self.texts = TextMaker(random.Random(config.seed), self.secrets)
        self.supervisor = Supervisor()
        self.cluster: PostgresCluster | None = None
        self.redis = RedisServer(self.workdir / "redis")
        self.counties: list[CountyRun] = []
        self.marks: list[StepMark] = []
        self.deliveries: list[Delivery] = []
        self.step_of_delivery: list[int] = []
        self.fault_records: list[FaultRecord] = []
        self.fault_steps: set[int] = set()
        self.read_errors: Counter[str] = Counter()  # the bench's own reads that failed (a restart)
        self.pool = ThreadPoolExecutor(config.send_threads)
        self.say = config.progress

    # ------------------------------------------------------------------ set-up
    def _database_url(self, index: int) -> str:
        if self.config.database == "sqlite":
            return f"sqlite:///{self.workdir / f'county-{index}' / 'bot.db'}"
        assert self.cluster is not None
        return self.cluster.create_database(f"county_{index}")

    def _env(self, county: County, database_url: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "DINGTALK_", "BOT_FAULT"))}
        env.update(platform_env(self.wecom, self.dingtalk))
        env.update(DATABASE_URL=database_url, REDIS_URL=self.redis.url, BOT_QUEUE=county.queue, BOT_SIMULATOR="1",
                   BOT_VAR_DIR=str(self.workdir / f"county-{county.index}" / "var"), TZ="Asia/Shanghai",
                   SECRET_KEY=f"year-{self.config.seed}-{county.index}-secret", BOT_COOKIE_SECURE="0",
                   PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
        return env

    def setup(self, slots: list[datetime]) -> None:
        config = self.config
        if self.workdir.exists():
            shutil.rmtree(self.workdir)
        self.log_dir.mkdir(parents=True)
        self.redis.start()
        if config.database == "postgresql":
            self.cluster = PostgresCluster()
            self.cluster.init()
        self.made = [make_county(i, config.units_per_county, config.seed) for i in range(config.counties)]
        keys: set[str] = set()
        for county in self.made:
            keys |= county.robot_keys()
            self.secrets.add_county(county)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the fakes' request lines
        self.wecom = FakeWeCom(webhook_keys=keys, robot_limit_per_min=20)
        self.dingtalk = FakeDingTalk()
        self.gates = {"wecom": install_gate(self.wecom), "dingtalk": install_gate(self.dingtalk)}
        self.senders = Senders(self.wecom, self.dingtalk)
        for county in self.made:
            env = self._env(county, self._database_url(county.index))
            upgrade(env["DATABASE_URL"])
            services = build_services(Settings.from_env(env))
            self._set_clock(services, slots[0])
            with services.sessions() as session, session.begin():
                import_directory(session, county.directory(), services.clock.now(), "Asia/Shanghai")
            self.counties.append(self._processes(county, env, services))
        self._update_extra_pids()
        for run in self.counties:
            if not wait_until(lambda r=run: _answers(r.web_url), 120, 0.2):
                raise RuntimeError(f"county {run.county.index}: web did not start (see {run.web.log_path})")
        self._wait_workers(180)
        self.say(f"{len(self.counties)} counties up: {sum(len(c.county.units) for c in self.counties)} units, "
                 f"{config.database}, {config.workers} worker(s) each")

    def _processes(self, county: County, env: dict[str, str], services: Services) -> CountyRun:
        port = free_port(avoid=(6379, 5432, self.redis.port))
        name = f"c{county.index}"
        web = self.supervisor.add(Managed("web", county.index, [
            str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", str(self.config.web_workers),
            "--threads", "4", "--access-logfile", "-", "--chdir", str(ROOT), "wsgi:app"], env, self.log_dir / f"{name}-web.log"))
        workers = [self.supervisor.add(Managed("worker", county.index, [sys.executable, "-m", "bot", "worker"], env,
                                               self.log_dir / f"{name}-worker{n}.log"))
                   for n in range(self.config.workers)]
        cron = self.supervisor.add(Managed("cron", county.index, [
            str(BIN / "rq"), "cron", str(ROOT / "bot" / "cron_config.py"), "--url", self.redis.url, "--path", str(ROOT)],
            env, self.log_dir / f"{name}-cron.log"))
        for managed in (web, *workers, cron):
            managed.start()
        return CountyRun(county, env, services, f"http://127.0.0.1:{port}", web, workers, cron)

    def _update_extra_pids(self) -> None:
        self.supervisor.extra = {"redis-server": [p for p in [self.redis.pid()] if p]}
        if self.cluster is not None and self.cluster.postmaster_pid():
            self.supervisor.extra["postgres (all backends)"] = [self.cluster.postmaster_pid() or 0]

    def _wait_workers(self, timeout: float) -> bool:
        def registered() -> bool:
            try:
                return all(_live_workers(run) >= sum(w.alive() for w in run.workers) for run in self.counties)
            except Exception:
                return False
        return wait_until(registered, timeout, 0.5)

    # ------------------------------------------------------------------ the clock
    @staticmethod
    def _set_clock(services: Services, moment: datetime) -> None:
        path = services.clock.offset_file
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        # Written whole, then renamed: a reader never sees an empty file (which would mean offset 0).
        partial.write_text(repr((moment - datetime.now(timezone.utc)).total_seconds()))
        partial.replace(path)

    def set_clocks(self, moment: datetime) -> None:
        for run in self.counties:
            self._set_clock(run.services, moment)
        self.marks.append(StepMark(moment, time.time()))

    # ------------------------------------------------------------------ sending
    def _send(self, chain: Chain, step: int) -> Delivery:
        run = self.counties[chain.county]
        command = chain.current
        text = command.text.replace("{number}", chain.number or "")
        msg_id = f"y{self.config.seed}-c{chain.county}-p{chain.index}-{chain.cursor}"
        return self.senders.deliver(run.web_url, command.platform, command.chat, command.sender, text, msg_id)

    def send_due(self, chains: list[Chain], step: int) -> None:
        due = [c for c in chains if not c.finished and c.waiting is None and c.due_slot <= step]
        for chain, delivery in zip(due, self.pool.map(lambda c: self._send(c, step), due), strict=True):
            self.deliveries.append(delivery)
            self.step_of_delivery.append(step)
            if delivery.acked:
                chain.waiting = (delivery.platform, delivery.msg_id)
                chain.sent_at_slot = step
            else:
                chain.finished, chain.stuck = True, "not acknowledged"

    def update_chains(self, chains: list[Chain], step: int) -> None:
        """Move each chain whose last command the bot has processed to its next command."""
        waiting: dict[int, list[Chain]] = {}
        for chain in chains:
            if chain.waiting is not None:
                waiting.setdefault(chain.county, []).append(chain)
        for county, items in waiting.items():
            run = self.counties[county]
            try:
                with run.services.sessions() as session:
                    rows = {(r.platform, r.msg_id): r for r in session.execute(
                        select(InboundMessage.platform, InboundMessage.msg_id, InboundMessage.id,
                               InboundMessage.state, InboundMessage.outcome)
                        .where(tuple_(InboundMessage.platform, InboundMessage.msg_id).in_([c.waiting for c in items])))}
                    posts = [rows[c.waiting].id for c in items  # type: ignore[index]
                             if c.cursor == 0 and c.waiting in rows and rows[c.waiting].state == "processed"]
                    numbers = {row[0]: row[1] for row in session.execute(
                        select(Case.source_inbound_id, Case.number).where(Case.source_inbound_id.in_(posts)))}
            except Exception as exc:  # the database is restarting: look again next step
                self.read_errors[exc.__class__.__name__] += 1
                self.say(f"county {county}: progress not read ({exc.__class__.__name__})")
                continue
            for chain in items:
                row = rows.get(chain.waiting)  # type: ignore[arg-type]
                if row is None or row.state != "processed":
                    continue
                chain.outcomes.append(row.outcome or "")
                chain.waiting = None
                if chain.cursor == 0:
                    chain.number = numbers.get(row.id)
                    if chain.number is None:
                        chain.finished, chain.stuck = True, f"post made no case ({row.outcome})"
                        continue
                chain.cursor += 1
                if chain.cursor >= len(chain.commands):
                    chain.finished = True
                else:
                    chain.due_slot = step + chain.current.delay

    # ------------------------------------------------------------------ the workers
    def idle(self) -> bool:
        for run in self.counties:
            try:
                if len(run.services.queue) > 0:
                    return False
            except Exception:
                return False  # Redis is down: the queue will be rebuilt, not idle yet
            for worker in run.workers:
                if worker.pid is not None and work_horses(worker.pid):
                    return False
        return True

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        quiet = 0
        while time.monotonic() < deadline:
            quiet = quiet + 1 if self.idle() else 0
            if quiet >= 2:  # twice, 50 ms apart: a job between dequeue and fork is not missed
                return True
            time.sleep(0.05)
        return False

    def sweep_where_due(self, moment: datetime) -> None:
        """What ``python -m bot clock set`` does after moving the clock: ask for a sweep now."""
        for run in self.counties:
            try:
                with run.services.sessions() as session:
                    due = session.scalar(select(Reminder.id).where(Reminder.state == "pending",
                                                                   Reminder.due_at <= moment).limit(1))
                if due is not None:
                    run.services.queue.enqueue("bot.jobs.sweep_reminders", job_timeout=120, result_ttl=60)
            except Exception:
                continue  # Redis or PostgreSQL down: the minute cron sweep catches up

    # ------------------------------------------------------------------ the run
    def run(self) -> YearResult:
        config = self.config
        slots = working_day_slots(config.first_day, config.working_days)
        self.setup(slots)
        self.injector = FaultInjector(self.counties, self.redis, self.cluster, self.gates, self.fault_records,
                                      self.fault_steps, on_restart=self._update_extra_pids)
        chains = build_chains(config.seed, self.texts, self.made, config.posts, len(slots))
        faults = sorted(config.faults, key=lambda f: f.at)
        at_step = {f: min(len(slots) - 1, int(f.at * len(slots))) for f in faults}
        result = YearResult(config, self.counties, chains, self.deliveries, self.step_of_delivery, self.marks,
                            self.fault_records, self.secrets, self.wecom, self.dingtalk, self.gates, self.supervisor,
                            self.log_dir, fault_steps=self.fault_steps, read_errors=self.read_errors)
        started = time.monotonic()
        for step, slot in enumerate(slots):
            self.set_clocks(slot)
            todays = [f for f in faults if at_step[f] == step]
            for fault in todays:
                self.injector.fire(fault, step, before_send=True)
            self.send_due(chains, step)
            self.sweep_where_due(slot)
            for fault in todays:
                self.injector.fire(fault, step, before_send=False)
            self.wait_idle(config.step_timeout_s)
            self.update_chains(chains, step)
            self._tend()
            if step % max(1, len(slots) // 20) == 0 or os.environ.get("YEAR_VERBOSE"):
                finished = sum(c.finished for c in chains)
                self.say(f"step {step}/{len(slots)} {slot:%Y-%m-%d %H:%M}: {len(self.deliveries)} messages sent, "
                         f"{finished} chains finished, {time.monotonic() - started:.0f} s")
        result.year_wall_s = time.monotonic() - started
        started = time.monotonic()
        result.drained = self.drain(chains, len(slots) - 1, slots[-1])
        result.drain_wall_s = time.monotonic() - started
        if config.throughput_burst:
            result.throughput = self.throughput()
        return result

    def _tend(self) -> None:
        restarted = self.supervisor.revive()
        for managed in restarted:
            self.say(f"county {managed.county}: {managed.role} exited ({managed.exits[-1]}), started again")
        if restarted:
            self._wait_workers(60)
        self.supervisor.sample_rss()

    def drain(self, chains: list[Chain], step: int, last_slot: datetime) -> bool:
        """After the last slot: wait until every message sent has been processed, every reminder due
        by the last slot swept, and every message the bot made sent (retries and recovery included),
        up to ``drain_timeout_s``."""
        from models import OutboundMessage

        deadline = time.monotonic() + self.config.drain_timeout_s
        while time.monotonic() < deadline:
            self._tend()
            self.update_chains(chains, step)
            self.sweep_where_due(last_slot)  # a reminder a late command made due, or a lost sweep job
            pending = 0
            try:
                for run in self.counties:
                    with run.services.sessions() as session:
                        pending += len(session.scalars(select(InboundMessage.id).where(
                            InboundMessage.state == "received").limit(1)).all())
                        pending += len(session.scalars(select(OutboundMessage.id).where(
                            OutboundMessage.state.in_(("pending", "sending"))).limit(1)).all())
                        pending += len(session.scalars(select(Reminder.id).where(
                            Reminder.state.in_(("pending", "claimed")), Reminder.due_at <= last_slot).limit(1)).all())
            except Exception:
                pending = 1
            if pending == 0 and self.idle():
                return True
            time.sleep(1.0)
        return False

    def throughput(self) -> dict[int, tuple[int, float]]:
        """Posts per second with 1, 2 and 4 workers: a burst of posts through the webhooks, timed from the
        first send until every one is processed and its reply sent. Each burst goes to another county
        (0, 1, 2) after the same year: in one county each burst's drafts would make the next slower
        (a post is compared with every open case for repeats)."""
        out: dict[int, tuple[int, float]] = {}
        for round_, workers in enumerate(self.config.throughput_workers):
            run = self.counties[round_ % len(self.counties)]
            out[workers] = self._burst(run, workers)
            self.supervisor.sample_rss()
            posts, seconds = out[workers]
            self.say(f"throughput with {workers} worker(s), county {run.county.index}: {posts / seconds:.1f} posts/s")
        return out

    def _burst(self, run: CountyRun, workers: int) -> tuple[int, float]:
        from models import OutboundMessage

        county = run.county
        while len(run.workers) < workers:
            extra = self.supervisor.add(Managed("worker", county.index, [sys.executable, "-m", "bot", "worker"],
                                                run.env, self.log_dir / f"c{county.index}-worker{len(run.workers)}.log"))
            extra.start()
            run.workers.append(extra)
        while len(run.workers) > workers:
            run.workers.pop().stop()
        wait_until(lambda: _live_workers(run) == workers, 180, 0.5)
        self.wait_idle(60)
        burst = []
        for n in range(self.config.throughput_burst):
            platform = ("simulator", "wecom", "dingtalk")[n % 3]
            unit = county.units[n % len(county.units)]
            text = self.texts.post(county, unit, self.texts.citizen())
            burst.append((platform, county.office_chat(platform), county.dispatchers[n % 2], text,
                          f"tp{workers}-{self.config.seed}-{n}"))
        started = time.monotonic()
        deliveries = list(self.pool.map(lambda m: self.senders.deliver(run.web_url, *m), burst))
        ids = [(d.platform, d.msg_id) for d in deliveries if d.acked]

        def done() -> bool:
            with run.services.sessions() as session:
                rows = session.execute(select(InboundMessage.id, InboundMessage.state).where(
                    tuple_(InboundMessage.platform, InboundMessage.msg_id).in_(ids))).all()
                if len(rows) < len(ids) or any(state != "processed" for _, state in rows):
                    return False
                unsent = session.scalar(select(OutboundMessage.id).where(
                    OutboundMessage.inbound_id.in_([i for i, _ in rows]),
                    OutboundMessage.state.in_(("pending", "sending"))).limit(1))
                return unsent is None

        wait_until(done, 600, 0.1)
        return len(ids), time.monotonic() - started

    def close(self) -> None:
        """Stop everything this run started, whatever state it is in (also after an interrupt)."""
        if hasattr(self, "injector"):
            self.injector.cancel()
        self.supervisor.stop_all()
        for managed in self.supervisor.processes:  # work horses and schedulers of killed workers
            for pid in managed.orphans:
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
        for run in self.counties:
            run.services.engine.dispose()
            run.services.redis.close()
        self.pool.shutdown(wait=False)
        for fake in (getattr(self, "wecom", None), getattr(self, "dingtalk", None)):
            if fake is not None:
                fake.stop()
        self.redis.kill()
        if self.cluster is not None:
            if self.config.keep:
                self.cluster.stop()
                self.say(f"PostgreSQL data kept in {self.cluster.data} (port {self.cluster.port})")
            else:
                self.cluster.destroy()
        if not self.config.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        requests.get(url + "/", timeout=2, allow_redirects=False)
        return True
    except requests.RequestException:
        return False


def _live_workers(run: CountyRun) -> int:
    """RQ workers registered on the county's queue whose process is alive."""
    pids = {w.pid for w in run.workers if w.pid is not None}
    return sum(1 for w in Worker.all(queue=run.services.queue) if w.pid in pids)


__all__ = ["CountyRun", "StepMark", "YearConfig", "YearResult", "YearRun"]
