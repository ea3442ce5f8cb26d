from enum import StrEnum


class GetGenerationDocumentKind(StrEnum):
    COVER_LETTER = "cover_letter"
    RESUME = "resume"

    def __str__(self) -> str:
        return str(self.value)
