from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Experience")


@_attrs_define
class Experience:
    """
    Attributes:
        description (str | Unset):
        employer (str | Unset):
        end_date (str | Unset):
        highlights (list[str] | Unset):
        location (str | Unset):
        start_date (str | Unset):
        summary (str | Unset):
        title (str | Unset):
        url (str | Unset):
    """

    description: str | Unset = UNSET
    employer: str | Unset = UNSET
    end_date: str | Unset = UNSET
    highlights: list[str] | Unset = UNSET
    location: str | Unset = UNSET
    start_date: str | Unset = UNSET
    summary: str | Unset = UNSET
    title: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        employer = self.employer

        end_date = self.end_date

        highlights: list[str] | Unset = UNSET
        if not isinstance(self.highlights, Unset):
            highlights = self.highlights

        location = self.location

        start_date = self.start_date

        summary = self.summary

        title = self.title

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if employer is not UNSET:
            field_dict["employer"] = employer
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if highlights is not UNSET:
            field_dict["highlights"] = highlights
        if location is not UNSET:
            field_dict["location"] = location
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if summary is not UNSET:
            field_dict["summary"] = summary
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        employer = d.pop("employer", UNSET)

        end_date = d.pop("end_date", UNSET)

        highlights = cast(list[str], d.pop("highlights", UNSET))

        location = d.pop("location", UNSET)

        start_date = d.pop("start_date", UNSET)

        summary = d.pop("summary", UNSET)

        title = d.pop("title", UNSET)

        url = d.pop("url", UNSET)

        experience = cls(
            description=description,
            employer=employer,
            end_date=end_date,
            highlights=highlights,
            location=location,
            start_date=start_date,
            summary=summary,
            title=title,
            url=url,
        )

        return experience
