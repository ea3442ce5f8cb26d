from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportWarning_")


@_attrs_define
class ImportWarning_:
    """
    Attributes:
        count (int | Unset):  Example: 9.
        key (str | Unset):  Example: work[].company.
        message (str | Unset):
        replacement (str | Unset):  Example: work[].name.
    """

    count: int | Unset = UNSET
    key: str | Unset = UNSET
    message: str | Unset = UNSET
    replacement: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        key = self.key

        message = self.message

        replacement = self.replacement

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if key is not UNSET:
            field_dict["key"] = key
        if message is not UNSET:
            field_dict["message"] = message
        if replacement is not UNSET:
            field_dict["replacement"] = replacement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        key = d.pop("key", UNSET)

        message = d.pop("message", UNSET)

        replacement = d.pop("replacement", UNSET)

        import_warning = cls(
            count=count,
            key=key,
            message=message,
            replacement=replacement,
        )

        return import_warning
