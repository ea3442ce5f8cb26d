from enum import StrEnum


class GenerationOptionsGenerator(StrEnum):
    LLM = "llm"
    OFFLINE = "offline"

    def __str__(self) -> str:
        return str(self.value)
