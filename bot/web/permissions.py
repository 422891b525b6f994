"""Who may see and do what on the web. One table, read by the views and the templates.

Unit users (handler, leader) see only cases their unit takes part in; the lifecycle then checks
again, as it does for chat, that the person's unit is on the case.
"""

from __future__ import annotations

from sqlalchemy import Select, exists, select

from models import Case, CaseUnit, User

OFFICE_ROLES = frozenset({"admin", "dispatcher", "viewer"})  # see every case
UNIT_ROLES = frozenset({"handler", "leader"})

ACTIONS: dict[str, frozenset[str]] = {
    # office actions: same roles as handlers/table.py (dispatcher+office dispatch, office decides)
    "dispatch": frozenset({"admin", "dispatcher"}),
    "approve_extension": frozenset({"admin"}),
    "reject_extension": frozenset({"admin"}),
    "instruct": frozenset({"admin"}),
    "supervise": frozenset({"admin"}),
    "verify": frozenset({"admin"}),
    "reopen": frozenset({"admin"}),
    # 回复网民: the office (and its dispatchers, as in chat) edits the draft and records the posting
    "save_reply": frozenset({"admin", "dispatcher"}),
    "post_reply": frozenset({"admin", "dispatcher"}),
    # 作废/恢复: dispatchers for drafts, the admin for any case (handlers/voiding.py decides which)
    "void": frozenset({"admin", "dispatcher"}),
    "restore": frozenset({"admin", "dispatcher"}),
    "urgent": frozenset({"admin", "dispatcher"}),
    # unit actions, done as the linked person
    "sign": UNIT_ROLES,
    "progress": UNIT_ROLES,
    "close": UNIT_ROLES,
    # pages
    "export": frozenset({"admin", "dispatcher", "viewer", "handler", "leader"}),
    "stats": frozenset({"admin", "dispatcher", "viewer", "leader"}),
    "edit_units": frozenset({"admin"}),
    "view_units": frozenset({"admin", "dispatcher", "viewer"}),
    "view_roster": frozenset({"admin", "dispatcher", "viewer"}),
    "edit_roster": frozenset({"admin"}),
}

# Phone and ID numbers in full: the office, and the unit handler who must call the citizen back.
PHONE_ROLES = frozenset({"admin", "dispatcher", "handler"})


def can(user: User, action: str) -> bool:
    return user.active and user.role in ACTIONS.get(action, frozenset())


def sees_phones(user: User) -> bool:
    return user.role in PHONE_ROLES


def scope_cases(query: Select, user: User) -> Select:  # type: ignore[type-arg]
    """Restrict a case query to what the user may see (nothing, for a unit user without a unit)."""
    if user.role in OFFICE_ROLES:
        return query
    if user.role in UNIT_ROLES and user.unit_id is not None:
        return query.where(exists(select(CaseUnit.id).where(CaseUnit.case_id == Case.id,
                                                           CaseUnit.unit_id == user.unit_id)))
    return query.where(Case.id.is_(None))


def may_view(user: User, case: Case) -> bool:
    if user.role in OFFICE_ROLES:
        return True
    return user.role in UNIT_ROLES and user.unit_id is not None and case.unit_link(user.unit_id) is not None
