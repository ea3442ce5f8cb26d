from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeCertificates")


@_attrs_define
class JsonResumeCertificates:
    """
    Attributes:
        date (str | Unset):
        issuer (str | Unset):
        name (str | Unset):
        url (str | Unset):
    """

    date: str | Unset = UNSET
    issuer: str | Unset = UNSET
    name: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        issuer = self.issuer

        name = self.name

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if date is not UNSET:
            field_dict["date"] = date
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if name is not UNSET:
            field_dict["name"] = name
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = d.pop("date", UNSET)

        issuer = d.pop("issuer", UNSET)

        name = d.pop("name", UNSET)

        url = d.pop("url", UNSET)

        json_resume_certificates = cls(
            date=date,
            issuer=issuer,
            name=name,
            url=url,
        )

        json_resume_certificates.additional_properties = d
        return json_resume_certificates

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
