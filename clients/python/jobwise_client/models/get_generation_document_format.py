from enum import StrEnum


class GetGenerationDocumentFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"

    def __str__(self) -> str:
        return str(self.value)
