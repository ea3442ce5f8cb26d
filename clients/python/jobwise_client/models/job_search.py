from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_search_seniority import JobSearchSeniority
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobSearch")


@_attrs_define
class JobSearch:
    """
    Attributes:
        keywords (list[str]):  Example: ['python', 'postgresql'].
        location (str | Unset):  Example: Lisbon.
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        remote (bool | Unset):
        seniority (JobSearchSeniority | Unset):
    """

    keywords: list[str]
    location: str | Unset = UNSET
    page: int | Unset = 1
    page_size: int | Unset = 20
    remote: bool | Unset = UNSET
    seniority: JobSearchSeniority | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        keywords = self.keywords

        location = self.location

        page = self.page

        page_size = self.page_size

        remote = self.remote

        seniority: str | Unset = UNSET
        if not isinstance(self.seniority, Unset):
            seniority = self.seniority.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keywords": keywords,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if page is not UNSET:
            field_dict["page"] = page
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if remote is not UNSET:
            field_dict["remote"] = remote
        if seniority is not UNSET:
            field_dict["seniority"] = seniority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keywords = cast(list[str], d.pop("keywords"))

        location = d.pop("location", UNSET)

        page = d.pop("page", UNSET)

        page_size = d.pop("page_size", UNSET)

        remote = d.pop("remote", UNSET)

        _seniority = d.pop("seniority", UNSET)
        seniority: JobSearchSeniority | Unset
        if isinstance(_seniority, Unset):
            seniority = UNSET
        else:
            seniority = JobSearchSeniority(_seniority)

        job_search = cls(
            keywords=keywords,
            location=location,
            page=page,
            page_size=page_size,
            remote=remote,
            seniority=seniority,
        )

        return job_search
