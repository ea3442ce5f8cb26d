"""Stage 1, the Job Analyzer: what a posting asks for (requirements, keywords, years, knock-outs).

The offline reading (``offline``) is deterministic and the default; with a model (``llm``) it is the draft
the model corrects, and the answer is held to the posting. A posting is untrusted data: text in it that
addresses a program is never followed (``instructions``).
"""

from __future__ import annotations

from pipeline.inputs import Posting
from pipeline.job_analyzer import llm as with_llm
from pipeline.job_analyzer.llm import PROMPT, cache_key
from pipeline.job_analyzer.offline import analyze_offline
from pipeline.job_analyzer.types import JobAnalysis, Keyword, Knockout, Requirement
from pipeline.llm import LLM

__all__ = ["PROMPT", "JobAnalysis", "Keyword", "Knockout", "Requirement", "analyze_job", "cache_key"]


def analyze_job(posting: Posting, llm: LLM | None = None) -> JobAnalysis:
    """Analyse ``posting``; deterministic and offline when ``llm`` is None, else the model's reading of it."""
    draft = analyze_offline(posting)
    return draft if llm is None else with_llm.analyze_with_llm(posting, draft, llm)
