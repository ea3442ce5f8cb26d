from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumePublications")


@_attrs_define
class JsonResumePublications:
    """
    Attributes:
        name (str | Unset):
        publisher (str | Unset):
        release_date (str | Unset):
        summary (str | Unset):
        url (str | Unset):
    """

    name: str | Unset = UNSET
    publisher: str | Unset = UNSET
    release_date: str | Unset = UNSET
    summary: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        publisher = self.publisher

        release_date = self.release_date

        summary = self.summary

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if release_date is not UNSET:
            field_dict["releaseDate"] = release_date
        if summary is not UNSET:
            field_dict["summary"] = summary
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        publisher = d.pop("publisher", UNSET)

        release_date = d.pop("releaseDate", UNSET)

        summary = d.pop("summary", UNSET)

        url = d.pop("url", UNSET)

        json_resume_publications = cls(
            name=name,
            publisher=publisher,
            release_date=release_date,
            summary=summary,
            url=url,
        )

        json_resume_publications.additional_properties = d
        return json_resume_publications

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
