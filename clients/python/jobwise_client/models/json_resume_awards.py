from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeAwards")


@_attrs_define
class JsonResumeAwards:
    """
    Attributes:
        awarder (str | Unset):
        date (str | Unset):
        summary (str | Unset):
        title (str | Unset):
    """

    awarder: str | Unset = UNSET
    date: str | Unset = UNSET
    summary: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        awarder = self.awarder

        date = self.date

        summary = self.summary

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if awarder is not UNSET:
            field_dict["awarder"] = awarder
        if date is not UNSET:
            field_dict["date"] = date
        if summary is not UNSET:
            field_dict["summary"] = summary
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awarder = d.pop("awarder", UNSET)

        date = d.pop("date", UNSET)

        summary = d.pop("summary", UNSET)

        title = d.pop("title", UNSET)

        json_resume_awards = cls(
            awarder=awarder,
            date=date,
            summary=summary,
            title=title,
        )

        json_resume_awards.additional_properties = d
        return json_resume_awards

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
