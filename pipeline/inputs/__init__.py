"""What the pipeline reads: the candidate's profile (from JSON Resume) and the job posting, and the refs
that tie every generated line back to the profile item it came from."""

from pipeline.inputs.json_resume import JsonResume, profile_from_json_resume
from pipeline.inputs.provenance import (
    ProvenanceError,
    profile_items_json,
    profile_refs,
    profile_texts,
    verify_sources,
)
from pipeline.inputs.types import (
    Certification,
    Education,
    EmploymentType,
    Experience,
    Highlight,
    Language,
    Link,
    Posting,
    Profile,
    Project,
    Seniority,
    Skill,
)

__all__ = [
    "Certification",
    "Education",
    "EmploymentType",
    "Experience",
    "Highlight",
    "JsonResume",
    "Language",
    "Link",
    "Posting",
    "Profile",
    "Project",
    "ProvenanceError",
    "Seniority",
    "Skill",
    "profile_from_json_resume",
    "profile_items_json",
    "profile_refs",
    "profile_texts",
    "verify_sources",
]
