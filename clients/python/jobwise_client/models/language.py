from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Language")


@_attrs_define
class Language:
    """
    Attributes:
        fluency (str | Unset):
        language (str | Unset):
    """

    fluency: str | Unset = UNSET
    language: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fluency = self.fluency

        language = self.language

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fluency is not UNSET:
            field_dict["fluency"] = fluency
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fluency = d.pop("fluency", UNSET)

        language = d.pop("language", UNSET)

        language = cls(
            fluency=fluency,
            language=language,
        )

        return language
