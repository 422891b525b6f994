"""Our own PostgreSQL cluster and Redis, and the bot's processes under a small supervisor.

The machine's shared PostgreSQL (5432) and Redis (6379) serve other people's tests: the faults
here kill and restart ours only, a cluster made with ``initdb`` in a temp folder on a free port
and a ``redis-server`` on a free port. Processes are started as ``make run`` starts them
(gunicorn ``wsgi:app``, ``python -m bot worker``, ``rq cron bot/cron_config.py``), each in its
own session with its output in one log file; the supervisor restarts what dies, as systemd would.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot import embedded_redis
from bot.config import ROOT

BIN = Path(sys.executable).parent


def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """A throwaway cluster: ``initdb`` into a temp folder, ``pg_ctl`` to start, stop and crash it.

    initdb refuses to run as root, so as root the cluster belongs to the ``postgres`` user (its
    folder is made outside pytest's private temp tree, which that user cannot enter)."""

    def __init__(self, port: int | None = None) -> None:
        bindir = postgres_bin()
        if bindir is None:
            raise RuntimeError("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
        self.bindir = bindir
        self.port = port or embedded_redis.free_port(avoid=(5432, 6379))
        self.root = Path(tempfile.mkdtemp(prefix="year-pg-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _pg(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*self.as_user, *argv], capture_output=True, check=check, timeout=120)

    def init(self) -> None:
        self._pg(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{self.root}'\n"
                       "max_connections = 400\nshared_buffers = 64MB\n")
        self.start()

    def start(self) -> None:
        self._pg(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """``immediate`` is a crash as far as clients are concerned: backends die, recovery on start."""
        self._pg(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


class RedisServer:
    """A redis-server on a fixed free port, without persistence: a restart forgets every job."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = embedded_redis.free_port(avoid=(6379, 5432))
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process, _ = embedded_redis.start(self.folder, port=self.port, persist=False)

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def pid(self) -> int | None:
        return self.process.pid if self.process and self.process.poll() is None else None


@dataclass
class Managed:
    """One supervised process of a county: its command, environment and log file."""

    role: str  # web | worker | cron
    county: int
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    exits: list[int] = field(default_factory=list)  # return codes of the incarnations that died
    orphans: list[int] = field(default_factory=list)  # children of a killed incarnation
    wanted: bool = True  # False once stopped on purpose: the supervisor leaves it down

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 (the child holds it; closed below)
        try:
            self.process = subprocess.Popen(self.argv, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        finally:
            log.close()
        self.wanted = True

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None and self.process.poll() is None else None

    def alive(self) -> bool:
        return self.pid is not None

    def kill(self, *, group: bool) -> None:
        """SIGKILL the process (with ``group``, its process group too; rq's work horse has its own)."""
        if self.process is None:
            return
        # Its children outlive it (a horse finishing its job, rq's scheduler): remembered for close.
        self.orphans.extend(descendants(process_tree(), self.process.pid))
        try:
            if group:  # the worker and its scheduler; rq's work horse has a group of its own
                os.killpg(self.process.pid, signal.SIGKILL)
            else:
                os.kill(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def stop(self, timeout: float = 20) -> None:
        self.wanted = False
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill(group=True)
            self.process.wait(timeout=10)
        try:  # a work horse left behind by a killed worker
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@dataclass
class Supervisor:
    """Restarts what died (like systemd's Restart=always) and keeps each process's peak RSS."""

    processes: list[Managed] = field(default_factory=list)
    peak_rss_kb: dict[str, int] = field(default_factory=dict)  # role → max VmHWM of any one process
    extra: dict[str, list[int]] = field(default_factory=dict)  # role → pids not started here (postgres, redis)

    def add(self, process: Managed) -> Managed:
        self.processes.append(process)
        return process

    def revive(self) -> list[Managed]:
        """Start again every wanted process that exited; returns those restarted."""
        restarted = []
        for managed in self.processes:
            if managed.wanted and managed.process is not None and managed.process.poll() is not None:
                managed.restarts += 1
                managed.exits.append(managed.process.returncode)
                managed.start()
                restarted.append(managed)
        return restarted

    def sample_rss(self) -> None:
        tree = process_tree()
        roles: dict[int, str] = {os.getpid(): "bench driver + fakes"}
        for managed in self.processes:
            pid = managed.pid
            if pid is None:
                continue
            roles[pid] = managed.role
            for child in descendants(tree, pid):
                if managed.role == "worker":
                    roles[child] = "work horse" if process_group(child) == child else "worker's rq scheduler"
                else:
                    roles[child] = f"{managed.role} (child)"
        for role, pids in self.extra.items():
            for pid in pids:
                roles[pid] = role
                for child in descendants(tree, pid):
                    roles[child] = role
        for pid, role in roles.items():
            peak = peak_rss_kb(pid)
            if peak > self.peak_rss_kb.get(role, 0):
                self.peak_rss_kb[role] = peak

    def stop_all(self) -> None:
        for managed in self.processes:
            managed.wanted = False
        for managed in self.processes:
            try:
                managed.stop()
            except BaseException:  # an interrupt while stopping one must not leave the others running
                managed.kill(group=True)


def process_tree() -> dict[int, list[int]]:
    """parent pid → child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields and fields[0] != b"Z":
            tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def descendants(tree: dict[int, list[int]], pid: int) -> list[int]:
    out, stack = [], list(tree.get(pid, []))
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(tree.get(child, []))
    return out


def work_horses(pid: int) -> list[int]:
    """The worker's work horses: children that lead their own process group (rq's horse calls setpgrp;
    the worker's scheduler, also a child, stays in the worker's group)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            children = [int(p) for p in handle.read().split()]
    except OSError:
        return []
    return [child for child in children if process_group(child) == child]


def process_group(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[2])
    except (OSError, IndexError, ValueError):
        return -1


def peak_rss_kb(pid: int) -> int:
    """VmHWM (the peak resident set of the process so far), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def wait_until(predicate, timeout: float, interval: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
