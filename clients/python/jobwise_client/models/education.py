from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Education")


@_attrs_define
class Education:
    """
    Attributes:
        area (str | Unset):
        courses (list[str] | Unset):
        end_date (str | Unset):
        institution (str | Unset):
        score (str | Unset):
        start_date (str | Unset):
        study_type (str | Unset):
        url (str | Unset):
    """

    area: str | Unset = UNSET
    courses: list[str] | Unset = UNSET
    end_date: str | Unset = UNSET
    institution: str | Unset = UNSET
    score: str | Unset = UNSET
    start_date: str | Unset = UNSET
    study_type: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        courses: list[str] | Unset = UNSET
        if not isinstance(self.courses, Unset):
            courses = self.courses

        end_date = self.end_date

        institution = self.institution

        score = self.score

        start_date = self.start_date

        study_type = self.study_type

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if area is not UNSET:
            field_dict["area"] = area
        if courses is not UNSET:
            field_dict["courses"] = courses
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if institution is not UNSET:
            field_dict["institution"] = institution
        if score is not UNSET:
            field_dict["score"] = score
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if study_type is not UNSET:
            field_dict["study_type"] = study_type
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area = d.pop("area", UNSET)

        courses = cast(list[str], d.pop("courses", UNSET))

        end_date = d.pop("end_date", UNSET)

        institution = d.pop("institution", UNSET)

        score = d.pop("score", UNSET)

        start_date = d.pop("start_date", UNSET)

        study_type = d.pop("study_type", UNSET)

        url = d.pop("url", UNSET)

        education = cls(
            area=area,
            courses=courses,
            end_date=end_date,
            institution=institution,
            score=score,
            start_date=start_date,
            study_type=study_type,
            url=url,
        )

        return education
