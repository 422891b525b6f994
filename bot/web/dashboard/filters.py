"""The case list's filters: parsed and bounded from the query string, then turned into SQL.

Everything the user can type is checked here so that a bad or huge filter is a clear 400
(``FilterError``) rather than a slow query or a 500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from bot.cases.sources import SOURCE_LABELS
from bot.cases.status import STATUS_LABELS, WITH_UNIT, Status
from bot.web.permissions import scope_cases
from models import Case, CaseUnit, User

MAX_QUERY_CHARS = 100
MAX_PAGE = 10_000
PER_PAGE_CHOICES = (20, 50, 100)
MAX_VALUES = 20  # repeated parameters (status=…&status=…)
# Counting a million rows costs more than showing fifty: the page counts up to COUNT_CAP and says "2000+"
# (a count's cost grows with the cap divided by the filter's selectivity; see bench/dashboard.py).
COUNT_CAP = 2_000
# Free text is a substring match (Chinese has no word boundaries for a cheap index), done only among the
# newest SEARCH_WINDOW cases that pass the other filters, so its cost does not grow with the table.
# A county gets ~2,000 cases a year, so in practice the window is the whole history.
SEARCH_WINDOW = 10_000
CASE_NUMBER = re.compile(r"^DB-\d{8}-\d{4,}$")
SORTS: dict[str, ColumnElement[Any]] = {
    "-created": Case.created_at.desc(),
    "created": Case.created_at.asc(),
    "due": Case.due_at.asc(),
    "-due": Case.due_at.desc(),
    "number": Case.number.asc(),
    "-number": Case.number.desc(),
}


class FilterError(ValueError):
    """A filter value out of range; the message is shown to the user (Chinese)."""


@dataclass(frozen=True)
class CaseFilters:
    statuses: tuple[str, ...] = ()
    unit_id: int | None = None
    source: str = ""
    category: str = ""
    supervised: bool = False
    overdue: bool = False
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    sort: str = "-created"
    page: int = 1
    per_page: int = 20
    extra: dict[str, str] = field(default_factory=dict)

    def query_args(self, **changes: Any) -> dict[str, Any]:
        """The filters as query-string arguments (for links to other pages and sorts)."""
        args: dict[str, Any] = {
            "status": list(self.statuses), "unit": self.unit_id or "", "source": self.source,
            "category": self.category, "supervised": "1" if self.supervised else "",
            "overdue": "1" if self.overdue else "", "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "", "q": self.q, "sort": self.sort,
            "page": self.page, "per_page": self.per_page,
        }
        args.update(changes)
        return {k: v for k, v in args.items() if v not in ("", None, [])}


def _date(raw: str, name: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError as exc:
        raise FilterError(f"{name}格式应为 YYYY-MM-DD。") from exc


def _int(raw: str, name: str, low: int, high: int, default: int) -> int:
    if not raw:
        return default
    if not raw.isdigit() or len(raw) > 7 or not low <= int(raw) <= high:
        raise FilterError(f"{name}应为 {low} 至 {high} 之间的整数。")
    return int(raw)


def parse_filters(args: Any) -> CaseFilters:
    """From a werkzeug MultiDict (request.args)."""
    statuses = tuple(s for s in args.getlist("status") if s)
    if len(statuses) > MAX_VALUES:
        raise FilterError("状态条件过多。")
    known = {s.value for s in Status}
    for status in statuses:
        if status not in known:
            raise FilterError("未知的状态。")
    source = args.get("source", "")
    if source and source not in SOURCE_LABELS:
        raise FilterError("未知的来源平台。")
    category = args.get("category", "").strip()
    if len(category) > 32:
        raise FilterError("分类过长。")
    q = args.get("q", "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise FilterError(f"搜索词不能超过 {MAX_QUERY_CHARS} 字。")
    sort = args.get("sort", "-created") or "-created"
    if sort not in SORTS:
        raise FilterError("未知的排序方式。")
    per_page = _int(args.get("per_page", ""), "每页条数", 1, max(PER_PAGE_CHOICES), 20)
    date_from, date_to = _date(args.get("from", ""), "起始日期"), _date(args.get("to", ""), "截止日期")
    if date_from and date_to and date_from > date_to:
        raise FilterError("起始日期不能晚于截止日期。")
    return CaseFilters(
        statuses=statuses,
        unit_id=_int(args.get("unit", ""), "单位", 1, 10_000_000, 0) or None,
        source=source,
        category=category,
        supervised=args.get("supervised") == "1",
        overdue=args.get("overdue") == "1",
        date_from=date_from,
        date_to=date_to,
        q=q,
        sort=sort,
        page=_int(args.get("page", ""), "页码", 1, MAX_PAGE, 1),
        per_page=per_page,
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def apply_filters(query: Select, filters: CaseFilters, now: datetime, tz: str) -> Select:  # type: ignore[type-arg]
    zone = ZoneInfo(tz)
    if filters.statuses:
        query = query.where(Case.status.in_(filters.statuses))
    if filters.unit_id:
        query = query.where(exists(select(CaseUnit.id).where(CaseUnit.case_id == Case.id,
                                                           CaseUnit.unit_id == filters.unit_id)))
    if filters.source:
        query = query.where(Case.source == filters.source)
    if filters.category:
        query = query.where(Case.category == filters.category)
    if filters.supervised:
        query = query.where(Case.supervised.is_(True))
    if filters.overdue:
        query = query.where(Case.status.in_([s.value for s in WITH_UNIT]), Case.due_at < now)
    if filters.date_from:
        query = query.where(Case.created_at >= datetime.combine(filters.date_from, time(0), tzinfo=zone))
    if filters.date_to:
        query = query.where(Case.created_at < datetime.combine(filters.date_to + timedelta(days=1), time(0), tzinfo=zone))
    if filters.q:
        query = _search(query, filters.q)
    return query


def _search(query: Select, text: str) -> Select:  # type: ignore[type-arg]
    """Last of the filters: a full case number is an index lookup; anything else is a substring of the
    title or body among the newest SEARCH_WINDOW cases the other filters (and the user's scope) left."""
    if CASE_NUMBER.match(text):
        return query.where(Case.number == text)
    window = (query.with_only_columns(Case.id).order_by(Case.created_at.desc(), Case.id.desc())
              .limit(SEARCH_WINDOW))
    pattern = _like(text)
    return query.where(Case.id.in_(window), or_(Case.number.like(pattern, escape="\\"),
                                                Case.title.like(pattern, escape="\\"),
                                                Case.body.like(pattern, escape="\\")))


def case_query(user: User, filters: CaseFilters, now: datetime, tz: str) -> Select:  # type: ignore[type-arg]
    """The user's visible cases under the filters (unordered): the page, the export and the export job."""
    return apply_filters(scope_cases(select(Case), user), filters, now, tz)


def ordered(query: Select, filters: CaseFilters) -> Select:  # type: ignore[type-arg]
    return query.order_by(SORTS[filters.sort], Case.id.desc())


# The columns the case list shows: plain rows, not ORM objects (no identity map, no body or JSON to decode).
LIST_COLUMNS = (Case.id, Case.number, Case.status, Case.title, Case.supervised, Case.urgent, Case.lead_unit_id,
                Case.source, Case.category, Case.created_at, Case.due_at)


def page_of(query: Select, filters: CaseFilters) -> Select:  # type: ignore[type-arg]
    """One page of the list's rows (LIST_COLUMNS); the page and bench/dashboard.py run exactly this."""
    return (ordered(query, filters).with_only_columns(*LIST_COLUMNS)
            .limit(filters.per_page).offset((filters.page - 1) * filters.per_page))


def count_of(query: Select, cap: int = COUNT_CAP) -> Select:  # type: ignore[type-arg]
    """The number of matching cases, counted up to ``cap + 1`` (more than ``cap`` means "cap+")."""
    return select(func.count()).select_from(query.order_by(None).with_only_columns(Case.id).limit(cap + 1).subquery())


STATUS_CHOICES = [(s.value, STATUS_LABELS[s]) for s in Status]
