from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Skill")


@_attrs_define
class Skill:
    """
    Attributes:
        keywords (list[str] | Unset):
        level (str | Unset):
        name (str | Unset):
    """

    keywords: list[str] | Unset = UNSET
    level: str | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords

        level = self.level

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if level is not UNSET:
            field_dict["level"] = level
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keywords = cast(list[str], d.pop("keywords", UNSET))

        level = d.pop("level", UNSET)

        name = d.pop("name", UNSET)

        skill = cls(
            keywords=keywords,
            level=level,
            name=name,
        )

        return skill
