"""SQLAlchemy models. Import models from here: ``from models import Case``."""

from models.base import Base
from models.case import Case, CaseEvent, CaseUnit, ExtensionRequest, Reply
from models.citizens import CaseRating, CitizenReply
from models.directory import DutyShift, Person, PlatformIdentity, Unit
from models.evidence import CaseEvidence
from models.messages import InboundMessage, OutboundMessage, SimulatorMessage
from models.reminders import Reminder, ReportRun
from models.users import User

__all__ = [
    "Base",
    "Case",
    "CaseEvent",
    "CaseEvidence",
    "CaseRating",
    "CaseUnit",
    "CitizenReply",
    "DutyShift",
    "ExtensionRequest",
    "InboundMessage",
    "OutboundMessage",
    "Person",
    "PlatformIdentity",
    "Reminder",
    "Reply",
    "ReportRun",
    "SimulatorMessage",
    "Unit",
    "User",
]
