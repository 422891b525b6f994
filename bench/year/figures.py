"""What a run did, counted from the databases (the source of truth) and from the fake platforms.

Lost: a message a person sent that the bot never acknowledged (the platform gave up), acknowledged
but not stored, stored but never processed; a message the bot made and never sent (still pending,
or given up); a reminder that fell due and was neither sent nor cancelled by the case moving on;
a message DingTalk "accepted" for a conversation the robot is not in. Duplicated: two rows for one
delivery (the unique keys forbid it; counted anyway), or the same message accepted twice by a
platform beyond what the bot meant to send twice.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from bench.year.run import StepMark, YearResult
from models import Case, InboundMessage, OutboundMessage, Reminder, SimulatorMessage


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


@dataclass
class Figures:
    posts_sent: int = 0
    commands_sent: int = 0
    not_acknowledged: int = 0
    acked_not_stored: int = 0
    stored: int = 0
    unprocessed: int = 0
    cases_made: int = 0
    merged_as_repeat: int = 0
    bot_messages: int = 0
    bot_sent: int = 0
    bot_failed: int = 0
    bot_pending: int = 0
    by_purpose: Counter[str] = field(default_factory=Counter)
    reminders_due: int = 0
    reminders_sent: int = 0
    reminders_cancelled: int = 0
    reminders_unsent: int = 0
    dingtalk_dropped: int = 0
    duplicate_inbound: int = 0
    duplicate_cases: int = 0
    duplicate_simulator: int = 0
    duplicate_reminders: int = 0
    platform_repeats: int = 0  # the same body accepted twice by a platform for one target
    platform_repeats_meant: int = 0  # … of which the bot had identical rows to send
    platform_refused_repeats: int = 0  # a second answer on a used WeCom response_url (refused: no harm)
    platform_accepted: int = 0
    ack_ms: list[float] = field(default_factory=list)
    ack_ms_quiet: list[float] = field(default_factory=list)  # steps without a fault
    door_refusals: Counter[str] = field(default_factory=Counter)
    lateness_s: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    stuck: Counter[str] = field(default_factory=Counter)

    @property
    def lost(self) -> int:
        return (self.not_acknowledged + self.acked_not_stored + self.unprocessed + self.bot_failed + self.bot_pending
                + self.reminders_unsent + self.dingtalk_dropped)

    @property
    def duplicated(self) -> int:
        return (self.duplicate_inbound + self.duplicate_cases + self.duplicate_simulator + self.duplicate_reminders
                + max(0, self.platform_repeats - self.platform_repeats_meant))


def _canonical(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def _platform_bodies(result: YearResult) -> Counter[tuple[str, str, str]]:
    bodies: Counter[tuple[str, str, str]] = Counter()
    for key, body in list(result.wecom.webhook_log):
        bodies[("wecom-robot", key, _canonical(body))] += 1
    for code, body in list(result.wecom.responses):
        bodies[("wecom-response", code, _canonical(body))] += 1
    for body in list(result.wecom.app_messages):
        bodies[("wecom-app", str(body.get("touser")), _canonical(body))] += 1
    for sent in list(result.dingtalk.sent):
        bodies[(f"dingtalk-{sent.channel}", sent.target, _canonical(sent.body))] += 1
    return bodies


def timed(marks: list[StepMark], moment: datetime) -> float | None:
    """The wall time (epoch s) at which the year's clock showed ``moment``, from the step marks."""
    index = bisect.bisect_right([m.slot for m in marks], moment) - 1
    if index < 0:
        return None
    return marks[index].wall + (moment - marks[index].slot).total_seconds()


def due_wall(marks: list[StepMark], due: datetime) -> float | None:
    """When (wall, epoch s) the year's clock first showed ``due``: during a step, or at the jump past it."""
    slots = [m.slot for m in marks]
    after = bisect.bisect_left(slots, due)  # the first step whose slot is at or past ``due``
    before = after - 1
    if before >= 0:
        during = marks[before].wall + (due - marks[before].slot).total_seconds()
        if after >= len(marks) or during < marks[after].wall:
            return during
    return marks[after].wall if after < len(marks) else None


def compute(result: YearResult, end_wall: float) -> Figures:
    figures = Figures()
    marks = result.marks
    # Reminders due by the last step's slot: that step swept them. Later ones fall due during the
    # drain, when no step asks for a sweep any more.
    end = marks[-1].slot
    sent_by_county: dict[int, list[tuple[str, str]]] = {}
    post_keys: dict[int, set[tuple[str, str]]] = {}
    for chain_delivery, step in zip(result.deliveries, result.step_of_delivery, strict=True):
        if chain_delivery.acked:
            if chain_delivery.ack_ms:
                figures.ack_ms.append(chain_delivery.ack_ms)
                if step not in result.fault_steps:
                    figures.ack_ms_quiet.append(chain_delivery.ack_ms)
        else:
            figures.not_acknowledged += 1
        figures.door_refusals.update(chain_delivery.refusals)
    for chain in result.chains:
        figures.outcomes.update(chain.outcomes)
        if chain.stuck:
            figures.stuck[chain.stuck] += 1
    # Which deliveries were posts: the first command of a chain (msg ids end in "-0").
    for delivery in result.deliveries:
        county = int(delivery.msg_id.split("-c", 1)[1].split("-", 1)[0])
        is_post = delivery.msg_id.endswith("-0")
        if is_post:
            figures.posts_sent += 1
        else:
            figures.commands_sent += 1
        if delivery.acked:
            sent_by_county.setdefault(county, []).append((delivery.platform, delivery.msg_id))
            if is_post:
                post_keys.setdefault(county, set()).add((delivery.platform, delivery.msg_id))
    meant: Counter[tuple[str, str, str]] = Counter()
    for run in result.counties:
        index = run.county.index
        with run.services.sessions() as session:
            rows = session.execute(select(InboundMessage.platform, InboundMessage.msg_id, InboundMessage.id,
                                          InboundMessage.state)).all()
            by_key = {(r.platform, r.msg_id): r for r in rows}
            sent = sent_by_county.get(index, [])
            figures.acked_not_stored += sum(1 for key in sent if key not in by_key)
            figures.stored += sum(1 for key in sent if key in by_key)
            figures.unprocessed += sum(1 for r in rows if r.state != "processed")
            post_ids = [by_key[k].id for k in post_keys.get(index, set()) if k in by_key]
            cases = session.execute(select(Case.source_inbound_id, Case.proposal)
                                    .where(Case.source_inbound_id.in_(post_ids))).all() if post_ids else []
            figures.cases_made += len(cases)
            proposals: list[dict[str, Any] | None] = [row[1] for row in cases]
            figures.merged_as_repeat += sum(1 for proposal in proposals if (proposal or {}).get("repeat_of"))
            figures.duplicate_inbound += session.scalar(select(func.count()).select_from(
                select(InboundMessage.platform, InboundMessage.msg_id).group_by(InboundMessage.platform, InboundMessage.msg_id)
                .having(func.count() > 1).subquery())) or 0
            figures.duplicate_cases += session.scalar(select(func.count()).select_from(
                select(Case.source_inbound_id).where(Case.source_inbound_id.isnot(None))
                .group_by(Case.source_inbound_id).having(func.count() > 1).subquery())) or 0
            figures.duplicate_simulator += session.scalar(select(func.count()).select_from(
                select(SimulatorMessage.outbound_id).where(SimulatorMessage.outbound_id.isnot(None))
                .group_by(SimulatorMessage.outbound_id).having(func.count() > 1).subquery())) or 0
            for state, purpose, count in session.execute(select(OutboundMessage.state, OutboundMessage.purpose,
                                                                func.count()).group_by(OutboundMessage.state,
                                                                                       OutboundMessage.purpose)):
                figures.bot_messages += count
                figures.by_purpose[purpose] += count
                if state == "sent":
                    figures.bot_sent += count
                elif state == "failed":
                    figures.bot_failed += count
                else:
                    figures.bot_pending += count
            # Identical messages the bot itself meant to send more than once to one chat (JSON cannot be
            # grouped in PostgreSQL, so counted here).
            same: Counter[tuple[str, str, str]] = Counter(
                (str(platform), str(chat or user or ""), _canonical(payload)) for platform, chat, user, payload in session.execute(
                    select(OutboundMessage.platform, OutboundMessage.chat_id, OutboundMessage.user_id,
                           OutboundMessage.payload).where(OutboundMessage.state == "sent",
                                                          OutboundMessage.platform != "simulator")))
            meant.update({key: count - 1 for key, count in same.items() if count > 1})
            reminders = session.execute(select(Reminder.state, Reminder.due_at, OutboundMessage.sent_at)
                                        .outerjoin(OutboundMessage, OutboundMessage.id == Reminder.sent_outbound_id)
                                        .where(Reminder.due_at <= end)).all()
            for state, due, sent_at in reminders:
                figures.reminders_due += 1
                if state == "cancelled":
                    figures.reminders_cancelled += 1
                elif state == "sent" and sent_at is not None:
                    figures.reminders_sent += 1
                    wall_due, wall_sent = due_wall(marks, due), timed(marks, sent_at)
                    if wall_due is not None and wall_sent is not None:
                        figures.lateness_s.append(max(0.0, wall_sent - wall_due))
                else:
                    figures.reminders_unsent += 1
            figures.duplicate_reminders += session.scalar(select(func.count()).select_from(
                select(Reminder.case_id).where(Reminder.state == "sent")
                .group_by(Reminder.case_id, Reminder.unit_id, Reminder.kind, Reminder.level, Reminder.due_at)
                .having(func.count() > 1).subquery())) or 0
    bodies = _platform_bodies(result)
    figures.platform_accepted = sum(bodies.values())
    figures.platform_repeats = sum(n - 1 for n in bodies.values() if n > 1)
    figures.platform_repeats_meant = sum(meant.values())
    figures.platform_refused_repeats = len(result.wecom.response_refusals)
    figures.dingtalk_dropped = len(result.dingtalk.dropped)
    return figures


def table(result: YearResult, figures: Figures) -> list[str]:
    """The one printed table (plain text, aligned)."""
    config = result.config
    rows: list[tuple[str, str]] = []
    add = rows.append
    add(("scale", f"{config.counties} counties × {config.units_per_county} units, {config.posts} posts over "
                  f"{config.working_days} working days ({len(result.marks)} clock steps), {config.database}, "
                  f"{config.workers} worker(s)/county"))
    add(("posts sent / acknowledged", f"{figures.posts_sent} / {figures.posts_sent - _unacked_posts(result)}"))
    add(("commands sent (签收 进展 延期 退回 办结 评价 批示 …)", f"{figures.commands_sent}"))
    add(("cases made (merged as repeat)", f"{figures.cases_made} ({figures.merged_as_repeat})"))
    add(("bot messages made / sent / given up / unsent",
         f"{figures.bot_messages} / {figures.bot_sent} / {figures.bot_failed} / {figures.bot_pending}"))
    add(("  of which replies / unit notices / reminders",
         f"{figures.by_purpose.get('reply', 0)} / "
         f"{sum(v for k, v in figures.by_purpose.items() if k not in ('reply', 'reminder'))} / "
         f"{figures.by_purpose.get('reminder', 0)}"))
    add(("reminders due / sent / cancelled (case moved on) / unsent",
         f"{figures.reminders_due} / {figures.reminders_sent} / {figures.reminders_cancelled} / {figures.reminders_unsent}"))
    add(("platform deliveries accepted (WeCom + DingTalk fakes)", f"{figures.platform_accepted}"))
    add(("LOST (unacked + acked-not-stored + unprocessed + unsent + reminders unsent + dropped)",
         f"{figures.lost} = {figures.not_acknowledged} + {figures.acked_not_stored} + {figures.unprocessed} + "
         f"{figures.bot_failed + figures.bot_pending} + {figures.reminders_unsent} + {figures.dingtalk_dropped}"))
    add(("DUPLICATED (inbound + cases + simulator + reminders + platform beyond meant)",
         f"{figures.duplicated} = {figures.duplicate_inbound} + {figures.duplicate_cases} + "
         f"{figures.duplicate_simulator} + {figures.duplicate_reminders} + "
         f"max(0, {figures.platform_repeats} − {figures.platform_repeats_meant})"))
    add(("ack p50 / p99 (all steps; steps without a fault)",
         f"{pct(figures.ack_ms, 50):.1f} / {pct(figures.ack_ms, 99):.1f} ms; "
         f"{pct(figures.ack_ms_quiet, 50):.1f} / {pct(figures.ack_ms_quiet, 99):.1f} ms"))
    add(("unacknowledged attempts (retried by the sender)", _counter(figures.door_refusals) or "0"))
    add(("reminder lateness p50 / p99 / max (wall s from due to sent)",
         f"{pct(figures.lateness_s, 50):.2f} / {pct(figures.lateness_s, 99):.2f} / "
         f"{max(figures.lateness_s, default=float('nan')):.2f} s (n={len(figures.lateness_s)})"))
    if result.throughput:
        base = result.throughput.get(min(result.throughput))
        parts = []
        for workers, (posts, seconds) in sorted(result.throughput.items()):
            parts.append(f"{workers}: {posts / seconds:.1f}")
        ratio = ""
        if base and max(result.throughput) != min(result.throughput):
            top = result.throughput[max(result.throughput)]
            ratio = f"; ratio {max(result.throughput)} vs {min(result.throughput)} = " \
                    f"{(top[0] / top[1]) / (base[0] / base[1]):.2f}"
        add((f"throughput, posts/s by workers (burst of {config.throughput_burst} posts)", ", ".join(parts) + ratio))
    add(("year wall time / drain", f"{result.year_wall_s:.0f} s / {result.drain_wall_s:.0f} s"
                                   f"{'' if result.drained else ' (drain timed out)'}"))
    for record in result.faults:
        extra = f", back in {record.recovered_s:.1f} s" if record.recovered_s else ""
        add((f"fault at step {record.step}", f"{record.kind}: {record.detail}{extra}"))
    injected = {name: dict(gate.injected) for name, gate in result.gates.items() if gate.injected}
    if injected:
        add(("platform API calls spoiled", json.dumps(injected)))
    if result.read_errors:
        add(("bench reads that failed (and were retried)", _counter(result.read_errors)))
    restarts = Counter(m.role for m in result.supervisor.processes for _ in range(m.restarts))
    add(("processes restarted by the supervisor", _counter(restarts) or "0"))
    add(("peak RSS per process (MB)", ", ".join(f"{role} {kb / 1024:.0f}" for role, kb in
                                                sorted(result.supervisor.peak_rss_kb.items()))))
    add(("command outcomes", _counter(figures.outcomes)))
    if figures.stuck:
        add(("chains stopped early", _counter(figures.stuck)))
    width = max(len(name) for name, _ in rows)
    return [f"{name:<{width}}  {value}" for name, value in rows]


def _unacked_posts(result: YearResult) -> int:
    return sum(1 for d in result.deliveries if d.msg_id.endswith("-0") and not d.acked)


def _counter(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common())
