"""The case export's columns and rows, shared by the direct download and the background job."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from bot.cases.sources import label as source_label
from bot.cases.status import STATUS_LABELS, WITH_UNIT, Status
from models import Case

CASE_HEADERS = [
    ("工单号", 18), ("标题", 40), ("状态", 10), ("督办", 6), ("来源", 12), ("分类", 12), ("诉求类型", 10),
    ("主办单位", 26), ("协办单位", 30), ("地点", 20), ("建单时间", 17), ("派单时间", 17), ("办理时限", 17),
    ("办结时间", 17), ("超期", 6), ("评价", 10),
]


def case_rows(cases: Iterable[Case], now: datetime, local: Callable[[datetime], datetime],
              shown: Callable[[str | None], str]) -> Iterator[list[Any]]:
    """``local`` turns UTC into the county's time; ``shown`` masks phones for roles that may not see them."""
    with_unit = {s.value for s in WITH_UNIT}

    def naive(moment: datetime | None) -> datetime | None:
        # Excel has no time zones: write the county's local wall time.
        return local(moment).replace(tzinfo=None) if moment else None

    for case in cases:
        co = "、".join(link.unit.name for link in case.units if link.role == "co")
        late = case.status in with_unit and case.due_at is not None and case.due_at < now
        yield [
            case.number, shown(case.title), STATUS_LABELS[Status(case.status)], "是" if case.supervised else "",
            source_label(case.source), case.category or "", case.request_type,
            case.lead_unit.name if case.lead_unit else "", co, case.place or "",
            naive(case.created_at), naive(case.dispatched_at), naive(case.due_at),
            naive(case.closed_at), "是" if late else "", case.satisfaction or "",
        ]
