from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeVolunteer")


@_attrs_define
class JsonResumeVolunteer:
    """
    Attributes:
        end_date (str | Unset):
        highlights (list[str] | Unset):
        organization (str | Unset):
        position (str | Unset):
        start_date (str | Unset):
        summary (str | Unset):
        url (str | Unset):
    """

    end_date: str | Unset = UNSET
    highlights: list[str] | Unset = UNSET
    organization: str | Unset = UNSET
    position: str | Unset = UNSET
    start_date: str | Unset = UNSET
    summary: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date

        highlights: list[str] | Unset = UNSET
        if not isinstance(self.highlights, Unset):
            highlights = self.highlights

        organization = self.organization

        position = self.position

        start_date = self.start_date

        summary = self.summary

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if highlights is not UNSET:
            field_dict["highlights"] = highlights
        if organization is not UNSET:
            field_dict["organization"] = organization
        if position is not UNSET:
            field_dict["position"] = position
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if summary is not UNSET:
            field_dict["summary"] = summary
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_date = d.pop("endDate", UNSET)

        highlights = cast(list[str], d.pop("highlights", UNSET))

        organization = d.pop("organization", UNSET)

        position = d.pop("position", UNSET)

        start_date = d.pop("startDate", UNSET)

        summary = d.pop("summary", UNSET)

        url = d.pop("url", UNSET)

        json_resume_volunteer = cls(
            end_date=end_date,
            highlights=highlights,
            organization=organization,
            position=position,
            start_date=start_date,
            summary=summary,
            url=url,
        )

        json_resume_volunteer.additional_properties = d
        return json_resume_volunteer

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
