from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """
    Attributes:
        description (str | Unset):
        end_date (str | Unset):
        entity (str | Unset):
        highlights (list[str] | Unset):
        keywords (list[str] | Unset):
        name (str | Unset):
        roles (list[str] | Unset):
        start_date (str | Unset):
        type_ (str | Unset):
        url (str | Unset):
    """

    description: str | Unset = UNSET
    end_date: str | Unset = UNSET
    entity: str | Unset = UNSET
    highlights: list[str] | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    name: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    start_date: str | Unset = UNSET
    type_: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        end_date = self.end_date

        entity = self.entity

        highlights: list[str] | Unset = UNSET
        if not isinstance(self.highlights, Unset):
            highlights = self.highlights

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords

        name = self.name

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        start_date = self.start_date

        type_ = self.type_

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if entity is not UNSET:
            field_dict["entity"] = entity
        if highlights is not UNSET:
            field_dict["highlights"] = highlights
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if type_ is not UNSET:
            field_dict["type"] = type_
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        end_date = d.pop("end_date", UNSET)

        entity = d.pop("entity", UNSET)

        highlights = cast(list[str], d.pop("highlights", UNSET))

        keywords = cast(list[str], d.pop("keywords", UNSET))

        name = d.pop("name", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        start_date = d.pop("start_date", UNSET)

        type_ = d.pop("type", UNSET)

        url = d.pop("url", UNSET)

        project = cls(
            description=description,
            end_date=end_date,
            entity=entity,
            highlights=highlights,
            keywords=keywords,
            name=name,
            roles=roles,
            start_date=start_date,
            type_=type_,
            url=url,
        )

        return project
