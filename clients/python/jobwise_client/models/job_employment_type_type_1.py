from enum import StrEnum


class JobEmploymentTypeType1(StrEnum):
    CONTRACT = "contract"
    FULL_TIME = "full_time"
    INTERNSHIP = "internship"
    PART_TIME = "part_time"
    TEMPORARY = "temporary"

    def __str__(self) -> str:
        return str(self.value)
