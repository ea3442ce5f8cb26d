from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Certification")


@_attrs_define
class Certification:
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

    def to_dict(self) -> dict[str, Any]:
        date = self.date

        issuer = self.issuer

        name = self.name

        url = self.url

        field_dict: dict[str, Any] = {}

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

        certification = cls(
            date=date,
            issuer=issuer,
            name=name,
            url=url,
        )

        return certification
