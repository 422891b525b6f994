"""The faults: SIGKILLs of a worker, a Redis or PostgreSQL restart, platform 5xx and rate-limit bursts.

A restart takes its server down before the step's messages are sent (they arrive while it is down)
and starts it again ``down_s`` later on a timer. A kill waits for a job in flight, then SIGKILLs
the work horse alone (the worker notices and fails the job), the worker alone (its horse finishes
the job, orphaned), or both (the job stays "started" in Redis until rq's maintenance cleans it).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bench.year.channels import FaultGate
from bench.year.infra import Managed, PostgresCluster, RedisServer, wait_until, work_horses

if TYPE_CHECKING:
    from bench.year.run import CountyRun

FAULT_KINDS = ("kill_horse", "kill_worker", "kill_worker_group", "restart_redis", "restart_postgres",
               "platform_5xx", "rate_limit")


@dataclass(frozen=True)
class Fault:
    at: float  # where in the year, as a fraction of its slots
    kind: str  # one of FAULT_KINDS
    count: int = 40  # platform faults: how many API calls are spoiled …
    seconds: float = 20.0  # … within at most this long
    down_s: float = 3.0  # restarts: how long the server stays down (messages keep arriving)


@dataclass
class FaultRecord:
    kind: str
    step: int
    detail: str = ""
    recovered_s: float = 0.0  # restarts: seconds the server took to start again


class FaultInjector:
    def __init__(self, counties: list[CountyRun], redis: RedisServer, cluster: PostgresCluster | None,
                 gates: dict[str, FaultGate], records: list[FaultRecord], fault_steps: set[int],
                 on_restart: Callable[[], Any]) -> None:
        self.counties = counties
        self.redis = redis
        self.cluster = cluster
        self.gates = gates
        self.records = records
        self.fault_steps = fault_steps
        self.on_restart = on_restart
        self.timers: list[threading.Timer] = []

    def fire(self, fault: Fault, step: int, before_send: bool) -> None:
        """Server and platform faults go before the step's sends, kills after (while jobs run)."""
        kind = fault.kind
        if kind.startswith("kill"):
            if not before_send:
                self.fault_steps.add(step)
                self._kill(kind, step)
            return
        if not before_send:
            return
        self.fault_steps.add(step)
        if kind in ("platform_5xx", "rate_limit"):
            for gate in self.gates.values():
                gate.arm("5xx" if kind == "platform_5xx" else "rate", fault.count, fault.seconds)
            self.records.append(FaultRecord(kind, step, f"next {fault.count} API calls per platform within "
                                                        f"{fault.seconds:.0f} s"))
        elif kind == "restart_redis":
            self.redis.kill()
            self._later(fault.down_s, lambda: self._restart(kind, step, self.redis.start))
        elif kind == "restart_postgres":
            cluster = self.cluster
            if cluster is None:
                self.records.append(FaultRecord(kind, step, "skipped: SQLite"))
                return
            cluster.stop("immediate")
            self._later(fault.down_s, lambda: self._restart(kind, step, cluster.start))
        else:
            raise ValueError(f"unknown fault {kind!r}")

    def cancel(self) -> None:
        for timer in self.timers:
            timer.cancel()

    def _later(self, delay: float, action: Callable[[], None]) -> None:
        timer = threading.Timer(delay, action)
        timer.daemon = True
        timer.start()
        self.timers.append(timer)

    def _restart(self, kind: str, step: int, start: Callable[[], None]) -> None:
        started = time.monotonic()
        start()
        self.on_restart()
        self.records.append(FaultRecord(kind, step, "down, then started again", recovered_s=time.monotonic() - started))

    def _kill(self, kind: str, step: int) -> None:
        found: list[tuple[Managed, int]] = []

        def busy() -> bool:
            for run in self.counties:
                for worker in run.workers:
                    horses = work_horses(worker.pid) if worker.pid is not None else []
                    if horses:
                        found.append((worker, horses[0]))
                        return True
            return False

        hit = wait_until(busy, 10, 0.002)
        alive = [w for r in self.counties for w in r.workers if w.alive()]
        if not found and not alive:
            self.records.append(FaultRecord(kind, step, "no worker running to kill"))
            return
        worker = found[0][0] if found else alive[0]
        if kind in ("kill_horse", "kill_worker_group") and found:
            try:
                os.kill(found[0][1], signal.SIGKILL)
            except ProcessLookupError:
                pass
        if kind != "kill_horse":
            worker.kill(group=kind == "kill_worker_group")
        self.records.append(FaultRecord(kind, step, f"county {worker.county} {'mid-job' if hit else 'idle'}"))
