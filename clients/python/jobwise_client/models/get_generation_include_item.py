from enum import StrEnum


class GetGenerationIncludeItem(StrEnum):
    REPORT = "report"
    STAGES = "stages"

    def __str__(self) -> str:
        return str(self.value)
