"""Stage 2, the Profile Compiler: the candidate's real items ranked against the job, and each requirement
met, transferable or missing, with the profile refs that prove it.

Offline and deterministic (``offline``); a model (``llm``) may only move a missing requirement to
transferable, with evidence the profile has. Nothing is invented: a keyword the profile does not show is
reported in ``missing_keywords``, never added.
"""

from __future__ import annotations

from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.llm import LLM
from pipeline.profile_compiler import llm as with_llm
from pipeline.profile_compiler.offline import compile_offline
from pipeline.profile_compiler.types import (
    MET,
    MISSING,
    TRANSFERABLE,
    CompiledProfile,
    FieldYears,
    MatchStatus,
    RequirementMatch,
    ScoredItem,
)

__all__ = [
    "MET",
    "MISSING",
    "TRANSFERABLE",
    "CompiledProfile",
    "FieldYears",
    "MatchStatus",
    "RequirementMatch",
    "ScoredItem",
    "compile_profile",
]


def compile_profile(
    profile: Profile, analysis: JobAnalysis, llm: LLM | None = None, *, today: str | None = None
) -> CompiledProfile:
    """Score and rank ``profile`` against ``analysis``; ``llm`` may only judge transferable skills.

    ``today`` ("YYYY-MM" or "YYYY-MM-DD") ends ongoing roles; by default the latest date in the profile.
    """
    compiled = compile_offline(profile, analysis, today)
    return compiled if llm is None else with_llm.judge_transferable(profile, compiled, llm)
