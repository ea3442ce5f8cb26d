from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeEducation")


@_attrs_define
class JsonResumeEducation:
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if area is not UNSET:
            field_dict["area"] = area
        if courses is not UNSET:
            field_dict["courses"] = courses
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if institution is not UNSET:
            field_dict["institution"] = institution
        if score is not UNSET:
            field_dict["score"] = score
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if study_type is not UNSET:
            field_dict["studyType"] = study_type
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area = d.pop("area", UNSET)

        courses = cast(list[str], d.pop("courses", UNSET))

        end_date = d.pop("endDate", UNSET)

        institution = d.pop("institution", UNSET)

        score = d.pop("score", UNSET)

        start_date = d.pop("startDate", UNSET)

        study_type = d.pop("studyType", UNSET)

        url = d.pop("url", UNSET)

        json_resume_education = cls(
            area=area,
            courses=courses,
            end_date=end_date,
            institution=institution,
            score=score,
            start_date=start_date,
            study_type=study_type,
            url=url,
        )

        json_resume_education.additional_properties = d
        return json_resume_education

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
