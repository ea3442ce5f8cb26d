from enum import StrEnum


class GetGenerationEventsResponse200Event(StrEnum):
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
