from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonResumeMeta")


@_attrs_define
class JsonResumeMeta:
    """
    Attributes:
        canonical (str | Unset):
        last_modified (str | Unset):
        version (str | Unset):
    """

    canonical: str | Unset = UNSET
    last_modified: str | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        canonical = self.canonical

        last_modified = self.last_modified

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if canonical is not UNSET:
            field_dict["canonical"] = canonical
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        canonical = d.pop("canonical", UNSET)

        last_modified = d.pop("lastModified", UNSET)

        version = d.pop("version", UNSET)

        json_resume_meta = cls(
            canonical=canonical,
            last_modified=last_modified,
            version=version,
        )

        json_resume_meta.additional_properties = d
        return json_resume_meta

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
