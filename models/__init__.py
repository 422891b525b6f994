"""SQLAlchemy models. Import models from here: ``from models import Case``."""

from models.base import Base
from models.case import Case, CaseEvent, CaseUnit, ExtensionRequest, Reply
from models.directory import DutyShift, Person, PlatformIdentity, Unit
from models.messages import InboundMessage, OutboundMessage, SimulatorMessage

__all__ = [
    "Base",
    "Case",
    "CaseEvent",
    "CaseUnit",
    "DutyShift",
    "ExtensionRequest",
    "InboundMessage",
    "OutboundMessage",
    "Person",
    "PlatformIdentity",
    "Reply",
    "SimulatorMessage",
    "Unit",
]
