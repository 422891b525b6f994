"""The case list's rows, formatted once in Python for the template.

At 20 rows a page the template's per-row calls (url_for, local time, masking, labels through
Jinja's call machinery) cost more than the SQL behind the page (bench/dashboard.py); plain
values keep the template to output and escaping (Jinja autoescape still escapes every field).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bot.cases.pii import mask_text
from bot.cases.sources import SOURCE_LABELS
from bot.cases.status import STATUS_LABELS, WITH_UNIT

_STATUS_TEXT = {status.value: text for status, text in STATUS_LABELS.items()}
_WITH_UNIT = frozenset(status.value for status in WITH_UNIT)
_TIME = "%Y-%m-%d %H:%M"


class ListRow(NamedTuple):
    href: str
    number: str
    title: str  # masked for roles that may not see phone numbers
    status: str
    status_text: str
    late: bool
    supervised: bool
    urgent: bool
    lead_unit: str
    source: str
    category: str
    created: str
    due: str


def list_rows(rows: Iterable[Any], *, href_prefix: str, unit_names: Mapping[int, str], zone: ZoneInfo,
              now: datetime, masked: bool) -> list[ListRow]:
    """``rows`` carry filters.LIST_COLUMNS; ``href_prefix`` + id is the case page's URL."""

    def local(moment: datetime | None) -> str:
        return moment.astimezone(zone).strftime(_TIME) if moment else "—"

    out = []
    for row in rows:
        title = row.title or ""
        out.append(ListRow(
            href=f"{href_prefix}{row.id}", number=row.number, title=mask_text(title) if masked else title,
            status=row.status, status_text=_STATUS_TEXT.get(row.status, row.status),
            late=row.status in _WITH_UNIT and row.due_at is not None and row.due_at < now,
            supervised=bool(row.supervised), urgent=bool(row.urgent),
            lead_unit=unit_names.get(row.lead_unit_id, "—"), source=SOURCE_LABELS.get(row.source, row.source),
            category=row.category or "—", created=local(row.created_at), due=local(row.due_at),
        ))
    return out
