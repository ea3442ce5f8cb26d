from enum import StrEnum


class JobSearchHitSeniorityType1(StrEnum):
    ENTRY = "entry"
    INTERN = "intern"
    LEAD = "lead"
    MID = "mid"
    SENIOR = "senior"

    def __str__(self) -> str:
        return str(self.value)
