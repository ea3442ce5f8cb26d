"""Tables and small data helpers. Importing this package registers every table on ``Base.metadata``."""

from models.audit import AuditEvent
from models.base import Base
from models.generation import Document, Generation, GenerationStage
from models.job import Job
from models.profile import (
    Certification,
    Education,
    Experience,
    Language,
    Profile,
    ProfileLink,
    Project,
    Skill,
)
from models.user import RefreshToken, RefreshTokenFamily, User
from models.webhook import WebhookDelivery, WebhookEndpoint

__all__ = [
    "AuditEvent",
    "Base",
    "Certification",
    "Document",
    "Education",
    "Experience",
    "Generation",
    "GenerationStage",
    "Job",
    "Language",
    "Profile",
    "ProfileLink",
    "Project",
    "RefreshToken",
    "RefreshTokenFamily",
    "Skill",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
]
