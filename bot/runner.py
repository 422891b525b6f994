"""``python -m bot run`` (what ``make run`` calls): everything on one machine, one Ctrl-C stops it.

Starts an embedded Redis when REDIS_URL is unset, migrates the database (SQLite in ./var
when DATABASE_URL is unset), seeds the demo directory, then runs gunicorn, one RQ worker
and the ``rq cron`` scheduler as child processes, plus each configured long-connection client.

A core process that exits stops everything. A long-connection client that exits (refused
credentials, another deployment took its bot over) only stops messages coming in that way: the
runner says clearly what happened and what to do, and the web app, worker and scheduler keep running.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bot.chat_platforms import LONG_CONNECTION_EXITS, PLATFORMS
from bot.config import ROOT, Settings
from bot.intake.ocr import WORKER_MALLOC_ENV


def _bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def _wait_listening(host: str, port: int, web: subprocess.Popen[bytes], timeout: float = 60) -> bool:
    """True once the web server accepts connections; False if it exited or `timeout` s passed."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else host
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and web.poll() is None:
        try:
            with socket.create_connection((target, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def run() -> int:
    settings = Settings.from_env()
    port = int(os.environ.get("PORT", "8000"))
    host = os.environ.get("HOST", "127.0.0.1")
    # Checked before anything starts: gunicorn would retry the bind for a few seconds and give up
    # after the rest (Redis, worker, cron) had started and the URL had been printed.
    if _port_in_use(host, port):
        print(f"port {port} on {host} is already in use: stop what runs there, or choose another port, "
              f"e.g. PORT={port + 1} make run", file=sys.stderr, flush=True)
        return 2
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    children: list[tuple[str, subprocess.Popen[bytes]]] = []
    env = dict(os.environ)
    env.setdefault("TZ", settings.timezone)
    env["DATABASE_URL"] = settings.database_url
    if not settings.redis_url:
        from bot import embedded_redis

        redis_proc, url = embedded_redis.start(settings.var_dir)
        children.append(("redis", redis_proc))
        env["REDIS_URL"] = url
        # CLI commands in another shell (``python -m bot clock advance``) find this Redis here.
        (settings.var_dir / "redis_url").write_text(url)
        print(f"embedded Redis: {url} (append-only file in {settings.var_dir / 'redis'})", flush=True)
    os.environ.update(env)
    settings = Settings.from_env()

    from bot.db import upgrade
    from bot.seed import seed_demo
    from bot.wiring import build_services

    upgrade(settings.database_url)
    services = build_services(settings)
    print(seed_demo(services), flush=True)
    from bot.web.demo import seed_demo_cases
    from bot.web.users import ensure_demo_users

    demo_cases = seed_demo_cases(services)
    demo_logins = ensure_demo_users(services)
    if demo_cases:
        print(f"seeded {demo_cases} demo cases", flush=True)

    if _is_loopback(host):
        # make run serves plain http on loopback, where some browsers drop Secure cookies (no login);
        # any other HOST keeps Secure session cookies. An explicit BOT_COOKIE_SECURE wins.
        env.setdefault("BOT_COOKIE_SECURE", "0")
    commands = [
        ("web", [_bin("gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"{host}:{port}",
                 "--workers", os.environ.get("WEB_CONCURRENCY", "2"),
                 "--threads", "4", "--access-logfile", "-", "--chdir", str(ROOT), "wsgi:app"]),
        ("worker", [sys.executable, "-m", "bot", "worker"]),
        ("cron", [_bin("rq"), "cron", str(ROOT / "bot" / "cron_config.py"), "--url", env["REDIS_URL"], "--path", str(ROOT)]),
    ]
    commands += _platform_processes(settings)
    for name, argv in commands:
        # The worker runs OCR: glibc malloc settings that keep its memory under 1 GB (bot/intake/ocr.py).
        child_env = {**WORKER_MALLOC_ENV, **env} if name == "worker" else env
        children.append((name, subprocess.Popen(argv, env=child_env, cwd=ROOT)))

    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    web = next(proc for name, proc in children if name == "web")
    if not _wait_listening(host, port, web):
        print(f"the web server did not start on {host}:{port} (see its log above); stopping everything", flush=True)
        _stop([proc for name, proc in children if name != "redis"])
        _stop([proc for name, proc in children if name == "redis"])
        return 1
    print(f"\n督办助手 is running: {url}\n  simulator: {url}/simulator\n  dashboard: {url}/dashboard\n"
          f"  health:    {url}/healthz\n", flush=True)
    for username, password, what in demo_logins:  # printed once, when the demo users are created
        print(f"  dashboard login ({what}): {username} / {password}", flush=True)
    if not demo_logins:
        print("  dashboard logins exist; new password: python -m bot users set-password admin --generate", flush=True)
    print("Press Ctrl-C to stop.\n", flush=True)
    code = 0
    long_connections = {name for name, _argv in _platform_processes(settings)}
    ended: set[str] = set()
    while not stopping:
        for name, proc in children:
            if proc.poll() is None or name in ended:
                continue
            if name in long_connections:
                ended.add(name)
                print(_long_connection_ended(name, proc.returncode), flush=True)
                continue
            print(f"{name} exited with {proc.returncode}; stopping everything", flush=True)
            stopping, code = True, 1
            break
        time.sleep(0.5)
    # Stop the processes that use Redis first (together), then Redis itself.
    users = [proc for name, proc in children if name != "redis"]
    _stop([proc for proc in users])
    _stop([proc for name, proc in children if name == "redis"])
    print("stopped.", flush=True)
    return code


def _long_connection_ended(name: str, returncode: int) -> str:
    reason = LONG_CONNECTION_EXITS.get(returncode, "see its log above")
    return (f"\n!! {name} stopped (exit {returncode}): {reason}.\n"
            f"!! Messages sent to the bot on that platform are NOT received until it runs again; the web app, "
            f"worker and scheduler keep running. Restart `make run` once fixed.\n")


def _stop(processes: list[subprocess.Popen[bytes]], timeout: float = 15) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + timeout
    for proc in processes:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _platform_processes(settings: Settings) -> list[tuple[str, list[str]]]:
    """Long-connection clients (WeCom WebSocket, DingTalk Stream) when configured in that mode."""
    processes = []
    for platform in PLATFORMS:
        if platform.long_connection is None:
            continue
        setting, value, command = platform.long_connection
        if settings.platforms.get(platform.name, {}).get(setting) == value:
            processes.append((command, [sys.executable, "-m", "bot", command]))
    return processes
