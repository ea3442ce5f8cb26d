from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeWork")


@_attrs_define
class JsonResumeWork:
    """
    Attributes:
        description (str | Unset):
        end_date (str | Unset):
        highlights (list[str] | Unset):
        location (str | Unset):
        name (str | Unset):
        position (str | Unset):
        start_date (str | Unset):
        summary (str | Unset):
        url (str | Unset):
    """

    description: str | Unset = UNSET
    end_date: str | Unset = UNSET
    highlights: list[str] | Unset = UNSET
    location: str | Unset = UNSET
    name: str | Unset = UNSET
    position: str | Unset = UNSET
    start_date: str | Unset = UNSET
    summary: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        end_date = self.end_date

        highlights: list[str] | Unset = UNSET
        if not isinstance(self.highlights, Unset):
            highlights = self.highlights

        location = self.location

        name = self.name

        position = self.position

        start_date = self.start_date

        summary = self.summary

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if highlights is not UNSET:
            field_dict["highlights"] = highlights
        if location is not UNSET:
            field_dict["location"] = location
        if name is not UNSET:
            field_dict["name"] = name
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
        description = d.pop("description", UNSET)

        end_date = d.pop("endDate", UNSET)

        highlights = cast(list[str], d.pop("highlights", UNSET))

        location = d.pop("location", UNSET)

        name = d.pop("name", UNSET)

        position = d.pop("position", UNSET)

        start_date = d.pop("startDate", UNSET)

        summary = d.pop("summary", UNSET)

        url = d.pop("url", UNSET)

        json_resume_work = cls(
            description=description,
            end_date=end_date,
            highlights=highlights,
            location=location,
            name=name,
            position=position,
            start_date=start_date,
            summary=summary,
            url=url,
        )

        json_resume_work.additional_properties = d
        return json_resume_work

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
