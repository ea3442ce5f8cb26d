from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.job_employment_type_type_1 import JobEmploymentTypeType1
from ..models.job_seniority_type_1 import JobSeniorityType1
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Attributes:
        company (str):  Example: Northwind Analytics.
        description (str):  Example: Build data pipelines in Python and PostgreSQL. 5+ years of Python required..
        title (str):  Example: Senior Python Engineer.
        created_at (datetime.datetime | Unset):
        employment_type (JobEmploymentTypeType1 | None | Unset):  Example: full_time.
        id (UUID | Unset):
        is_public (bool | Unset):
        location (None | str | Unset):  Example: Lisbon, Portugal.
        posted_at (datetime.datetime | None | Unset):  Example: 2026-11-20T09:00:00+00:00.
        remote (bool | None | Unset):  Example: True.
        seniority (JobSeniorityType1 | None | Unset):  Example: senior.
        updated_at (datetime.datetime | Unset):
        url (None | str | Unset):  Example: https://jobs.example.com/1234.
    """

    company: str
    description: str
    title: str
    created_at: datetime.datetime | Unset = UNSET
    employment_type: JobEmploymentTypeType1 | None | Unset = UNSET
    id: UUID | Unset = UNSET
    is_public: bool | Unset = UNSET
    location: None | str | Unset = UNSET
    posted_at: datetime.datetime | None | Unset = UNSET
    remote: bool | None | Unset = UNSET
    seniority: JobSeniorityType1 | None | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company = self.company

        description = self.description

        title = self.title

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        employment_type: None | str | Unset
        if isinstance(self.employment_type, Unset):
            employment_type = UNSET
        elif isinstance(self.employment_type, JobEmploymentTypeType1):
            employment_type = self.employment_type.value
        else:
            employment_type = self.employment_type

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_public = self.is_public

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        posted_at: None | str | Unset
        if isinstance(self.posted_at, Unset):
            posted_at = UNSET
        elif isinstance(self.posted_at, datetime.datetime):
            posted_at = self.posted_at.isoformat()
        else:
            posted_at = self.posted_at

        remote: bool | None | Unset
        if isinstance(self.remote, Unset):
            remote = UNSET
        else:
            remote = self.remote

        seniority: None | str | Unset
        if isinstance(self.seniority, Unset):
            seniority = UNSET
        elif isinstance(self.seniority, JobSeniorityType1):
            seniority = self.seniority.value
        else:
            seniority = self.seniority

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company": company,
                "description": description,
                "title": title,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if id is not UNSET:
            field_dict["id"] = id
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if location is not UNSET:
            field_dict["location"] = location
        if posted_at is not UNSET:
            field_dict["posted_at"] = posted_at
        if remote is not UNSET:
            field_dict["remote"] = remote
        if seniority is not UNSET:
            field_dict["seniority"] = seniority
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company = d.pop("company")

        description = d.pop("description")

        title = d.pop("title")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_employment_type(data: object) -> JobEmploymentTypeType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_type_type_1 = JobEmploymentTypeType1(data)

                return employment_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobEmploymentTypeType1 | None | Unset, data)

        employment_type = _parse_employment_type(d.pop("employment_type", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_public = d.pop("is_public", UNSET)

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_posted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_at_type_0 = datetime.datetime.fromisoformat(data)

                return posted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        posted_at = _parse_posted_at(d.pop("posted_at", UNSET))

        def _parse_remote(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        remote = _parse_remote(d.pop("remote", UNSET))

        def _parse_seniority(data: object) -> JobSeniorityType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seniority_type_1 = JobSeniorityType1(data)

                return seniority_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobSeniorityType1 | None | Unset, data)

        seniority = _parse_seniority(d.pop("seniority", UNSET))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        job = cls(
            company=company,
            description=description,
            title=title,
            created_at=created_at,
            employment_type=employment_type,
            id=id,
            is_public=is_public,
            location=location,
            posted_at=posted_at,
            remote=remote,
            seniority=seniority,
            updated_at=updated_at,
            url=url,
        )

        return job
