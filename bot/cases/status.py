"""Case status: the values stored in ``cases.status``, their Chinese labels and the groups the
rest of the bot asks about (open, with a unit, done). Imports nothing of ours, so every layer can use it."""

from __future__ import annotations

import enum


class Status(str, enum.Enum):
    PENDING = "pending"  # 待分派
    RETURNED = "returned"  # 已退回 (back with the dispatcher)
    DISPATCHED = "dispatched"  # 已分派
    SIGNED = "signed"  # 已签收
    IN_PROGRESS = "in_progress"  # 办理中
    CLOSED = "closed"  # 已办结
    VERIFIED = "verified"  # 已核查 (归档)
    DUPLICATE = "duplicate"  # 重复件, linked to an open case
    VOID = "void"  # 已作废: made by mistake; kept with its history, counted nowhere, can be restored


STATUS_LABELS = {
    Status.PENDING: "待分派",
    Status.RETURNED: "已退回",
    Status.DISPATCHED: "已分派",
    Status.SIGNED: "已签收",
    Status.IN_PROGRESS: "办理中",
    Status.CLOSED: "已办结",
    Status.VERIFIED: "已核查",
    Status.DUPLICATE: "重复件",
    Status.VOID: "已作废",
}
OPEN_STATUSES = (Status.PENDING, Status.RETURNED, Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS)
WITH_UNIT = (Status.DISPATCHED, Status.SIGNED, Status.IN_PROGRESS)
DONE_STATUSES = (Status.CLOSED, Status.VERIFIED)
DRAFT_STATUSES = (Status.PENDING, Status.RETURNED, Status.DUPLICATE)  # not (or no longer) with a unit

# Plain string forms for SQL filters and JSON (the column stores the enum's value).
OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
WITH_UNIT_VALUES = tuple(s.value for s in WITH_UNIT)
DONE_VALUES = tuple(s.value for s in DONE_STATUSES)
# Cases that are no case of their own in any figure: a repeat counts with its original, a voided one nowhere.
NOT_COUNTED_VALUES = (Status.DUPLICATE.value, Status.VOID.value)
