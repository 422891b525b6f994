"""The scale-out deployment files hold together (Docker is not run here): the compose file parses,
every service it starts exists as a command of ours, every file it names is in the repository, the
scheduler runs once; the systemd units name real commands and files."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import yaml

from bot.cli import build_parser
from bot.config import ROOT

SCALE_OUT = ROOT / "deploy" / "scale-out"
SYSTEMD = ROOT / "deploy" / "systemd"
COPIED_FROM_EXAMPLE = {"bot.env", ".env"}  # README.md: cp bot.env.example bot.env
DATA_FOLDERS = {"./backups", "./wal-archive"}  # bind mounts Docker creates on first start


def _compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((SCALE_OUT / "compose.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _bot_subcommands() -> set[str]:
    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _exists(relative: str, base: Path) -> bool:
    path = (base / relative).resolve()
    return path.exists() or (path.name in COPIED_FROM_EXAMPLE and path.with_name(path.name + ".example").exists())


def test_compose_file_is_complete_and_consistent() -> None:
    compose = _compose()
    services = compose["services"]
    assert {"postgres", "redis", "migrate", "web", "proxy", "worker", "cron"} <= set(services)
    bot_commands = _bot_subcommands()
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown service {dependency}"
        for env_file in service.get("env_file", []):
            assert _exists(env_file, SCALE_OUT), f"{name}: env_file {env_file} missing"
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source in DATA_FOLDERS:
                continue
            if source.startswith("."):
                assert _exists(source, SCALE_OUT), f"{name}: {source} missing"
            else:
                assert source in compose["volumes"], f"{name}: named volume {source} not declared"
        command = service.get("command")
        if isinstance(command, list) and command[:3] == ["python", "-m", "bot"]:
            assert command[3] in bot_commands, f"{name}: python -m bot {command[3]} does not exist"
        if "build" in service:
            build = service["build"]
            assert (SCALE_OUT / build["context"] / build["dockerfile"]).resolve().exists()
    assert services["cron"]["deploy"]["replicas"] == 1
    assert services["cron"]["command"][:3] == ["rq", "cron", "bot/cron_config.py"]
    assert (ROOT / services["cron"]["command"][2]).exists()
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "cron"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert "wsgi:app" in services["web"]["command"]
    assert any("nginx.conf" in v for v in services["proxy"]["volumes"])
    # The web healthcheck does not depend on workers being up (/healthz does).
    assert "/healthz" not in " ".join(services["web"]["healthcheck"]["test"])


def test_dockerfile_copies_what_the_app_needs() -> None:
    dockerfile = (SCALE_OUT / "Dockerfile").read_text(encoding="utf-8")
    copied = re.findall(r"^COPY (.+) \S+$", dockerfile, flags=re.MULTILINE)
    names = {name for line in copied for name in line.split()}
    for needed in ("requirements.txt", "alembic.ini", "wsgi.py", "bot", "handlers", "models", "migrations", "config",
                   "data", "gunicorn.conf.py"):
        assert needed in names, f"the image lacks {needed}"
        assert (ROOT / needed).exists()
    assert "fonts-noto-cjk" not in dockerfile  # the chart font comes from requirements.txt


def test_nginx_proxies_to_the_web_service() -> None:
    conf = (SCALE_OUT / "nginx.conf").read_text(encoding="utf-8")
    assert conf.count("{") == conf.count("}")
    assert re.search(r"server web:8000", conf) and "proxy_pass http://dispatch_bot_web;" in conf


def test_systemd_units_name_real_commands() -> None:
    units = sorted(SYSTEMD.glob("dispatch-bot-*"))
    assert {u.name for u in units} >= {"dispatch-bot-web.service", "dispatch-bot-worker@.service",
                                        "dispatch-bot-scheduler.service", "dispatch-bot-migrate.service",
                                        "dispatch-bot-backup.service", "dispatch-bot-backup.timer"}
    bot_commands = _bot_subcommands()
    for unit in units:
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        parser.read_string(unit.read_text(encoding="utf-8"))
        assert parser.has_section("Unit"), unit.name
        if unit.suffix == ".timer":
            assert (SYSTEMD / unit.name.replace(".timer", ".service")).exists()
            continue
        exec_start = parser["Service"]["ExecStart"]
        words = shlex.split(exec_start.replace("/bin/sh -c ", ""))
        words = shlex.split(words[0]) if len(words) == 1 else words
        if words[0] == "exec":
            words = words[1:]
        assert words[0].startswith("/opt/dispatch-bot/.venv/bin/"), unit.name
        if words[1:3] == ["-m", "bot"]:
            assert words[3] in bot_commands, f"{unit.name}: python -m bot {words[3]}"
        for word in words:
            if word.startswith("/opt/dispatch-bot/") and ".venv" not in word:
                assert (ROOT / word.removeprefix("/opt/dispatch-bot/")).exists(), f"{unit.name}: {word}"
            if word.endswith(".py") and not word.startswith("/"):
                assert (ROOT / word).exists(), f"{unit.name}: {word}"
