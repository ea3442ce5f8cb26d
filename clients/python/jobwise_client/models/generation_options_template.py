from enum import StrEnum


class GenerationOptionsTemplate(StrEnum):
    CLASSIC = "classic"
    MODERN = "modern"

    def __str__(self) -> str:
        return str(self.value)
