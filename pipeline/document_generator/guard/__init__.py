"""The truthfulness guard: every claim in the documents must be found in the profile items a line cites.

``claims`` says what a sentence claims (employers, titles, dates, degrees, skills, numbers); ``grounding``
checks each claim against the profile and takes out what it cannot support, and any leaked secret or prompt.
"""

from pipeline.document_generator.guard.claims import Claim, Support, claims_in
from pipeline.document_generator.guard.grounding import Forbidden, check_documents, ground, headers_of

__all__ = ["Claim", "Forbidden", "Support", "check_documents", "claims_in", "ground", "headers_of"]
