"""A small closed-loop HTTP load generator for the benches (threads + keep-alive sessions)."""

from __future__ import annotations

import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def pct(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]

    def line(self, name: str) -> str:
        return (f"{name:<28} {self.rps:8.1f} req/s  p50 {self.pct(0.5):6.1f} ms  p99 {self.pct(0.99):6.1f} ms"
                f"  errors {self.errors}  (median {statistics.median(self.latencies_ms):.1f} ms)")


def run_load(url: str, make_body: Callable[[int], dict], total: int, concurrency: int,
             headers: dict[str, str] | None = None, expect: int = 202) -> LoadResult:
    counter = iter(range(total))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0

    def worker() -> None:
        nonlocal errors
        session = requests.Session()
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            body = make_body(i)
            started = time.perf_counter()
            response = session.post(url, json=body, headers=headers, timeout=30)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if response.status_code != expect:
                    errors += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return LoadResult(total, time.perf_counter() - started, latencies, errors)


def run_burst(url: str, make_body: Callable[[int], dict], size: int,
              headers: dict[str, str] | None = None, expect: int = 202) -> LoadResult:
    """``size`` deliveries at the same instant, each on its own new connection (a platform's retry
    storm after an outage): every latency is one acknowledgement."""
    barrier = threading.Barrier(size)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def one(i: int) -> None:
        nonlocal errors
        body = make_body(i)
        barrier.wait()
        started = time.perf_counter()
        try:
            ok = requests.post(url, json=body, headers=headers, timeout=30).status_code == expect
        except requests.RequestException:
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            errors += not ok

    threads = [threading.Thread(target=one, args=(i,)) for i in range(size)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    for t in threads:
        t.join()
    return LoadResult(size, time.perf_counter() - started, latencies, errors)


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("server did not start")
