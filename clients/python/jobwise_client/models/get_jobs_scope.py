from enum import StrEnum


class GetJobsScope(StrEnum):
    ALL = "all"
    MINE = "mine"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
