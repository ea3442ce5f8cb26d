from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.job_search_hit_employment_type_type_1 import JobSearchHitEmploymentTypeType1
from ..models.job_search_hit_salary_unit_type_1 import JobSearchHitSalaryUnitType1
from ..models.job_search_hit_seniority_type_1 import JobSearchHitSeniorityType1
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobSearchHit")


@_attrs_define
class JobSearchHit:
    """
    Attributes:
        company (str):  Example: Northwind Analytics.
        description (str):  Example: Build data pipelines in Python and PostgreSQL. 5+ years of Python required..
        title (str):  Example: Senior Python Engineer.
        created_at (datetime.datetime | Unset):
        employment_type (JobSearchHitEmploymentTypeType1 | None | Unset):  Example: full_time.
        external_id (None | str | Unset): The posting's id at its source, as imported (namespace:identifier)
        id (UUID | Unset):
        is_public (bool | Unset):
        location (None | str | Unset):  Example: Lisbon, Portugal.
        posted_at (datetime.datetime | None | Unset):  Example: 2026-11-20T09:00:00+00:00.
        remote (bool | None | Unset):  Example: True.
        salary_currency (None | str | Unset): ISO 4217 currency of the salary
        salary_max (float | None | Unset):
        salary_min (float | None | Unset):
        salary_unit (JobSearchHitSalaryUnitType1 | None | Unset): The salary figures are per this unit of time
        score (float | Unset): Relevance; higher is better
        seniority (JobSearchHitSeniorityType1 | None | Unset):  Example: senior.
        updated_at (datetime.datetime | Unset):
        url (None | str | Unset):  Example: https://jobs.example.com/1234.
        valid_through (datetime.datetime | None | Unset): Applications close at this time
    """

    company: str
    description: str
    title: str
    created_at: datetime.datetime | Unset = UNSET
    employment_type: JobSearchHitEmploymentTypeType1 | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_public: bool | Unset = UNSET
    location: None | str | Unset = UNSET
    posted_at: datetime.datetime | None | Unset = UNSET
    remote: bool | None | Unset = UNSET
    salary_currency: None | str | Unset = UNSET
    salary_max: float | None | Unset = UNSET
    salary_min: float | None | Unset = UNSET
    salary_unit: JobSearchHitSalaryUnitType1 | None | Unset = UNSET
    score: float | Unset = UNSET
    seniority: JobSearchHitSeniorityType1 | None | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    url: None | str | Unset = UNSET
    valid_through: datetime.datetime | None | Unset = UNSET

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
        elif isinstance(self.employment_type, JobSearchHitEmploymentTypeType1):
            employment_type = self.employment_type.value
        else:
            employment_type = self.employment_type

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

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

        salary_currency: None | str | Unset
        if isinstance(self.salary_currency, Unset):
            salary_currency = UNSET
        else:
            salary_currency = self.salary_currency

        salary_max: float | None | Unset
        if isinstance(self.salary_max, Unset):
            salary_max = UNSET
        else:
            salary_max = self.salary_max

        salary_min: float | None | Unset
        if isinstance(self.salary_min, Unset):
            salary_min = UNSET
        else:
            salary_min = self.salary_min

        salary_unit: None | str | Unset
        if isinstance(self.salary_unit, Unset):
            salary_unit = UNSET
        elif isinstance(self.salary_unit, JobSearchHitSalaryUnitType1):
            salary_unit = self.salary_unit.value
        else:
            salary_unit = self.salary_unit

        score = self.score

        seniority: None | str | Unset
        if isinstance(self.seniority, Unset):
            seniority = UNSET
        elif isinstance(self.seniority, JobSearchHitSeniorityType1):
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

        valid_through: None | str | Unset
        if isinstance(self.valid_through, Unset):
            valid_through = UNSET
        elif isinstance(self.valid_through, datetime.datetime):
            valid_through = self.valid_through.isoformat()
        else:
            valid_through = self.valid_through

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
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
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
        if salary_currency is not UNSET:
            field_dict["salary_currency"] = salary_currency
        if salary_max is not UNSET:
            field_dict["salary_max"] = salary_max
        if salary_min is not UNSET:
            field_dict["salary_min"] = salary_min
        if salary_unit is not UNSET:
            field_dict["salary_unit"] = salary_unit
        if score is not UNSET:
            field_dict["score"] = score
        if seniority is not UNSET:
            field_dict["seniority"] = seniority
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if url is not UNSET:
            field_dict["url"] = url
        if valid_through is not UNSET:
            field_dict["valid_through"] = valid_through

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

        def _parse_employment_type(data: object) -> JobSearchHitEmploymentTypeType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_type_type_1 = JobSearchHitEmploymentTypeType1(data)

                return employment_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobSearchHitEmploymentTypeType1 | None | Unset, data)

        employment_type = _parse_employment_type(d.pop("employment_type", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

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

        def _parse_salary_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        salary_currency = _parse_salary_currency(d.pop("salary_currency", UNSET))

        def _parse_salary_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        salary_max = _parse_salary_max(d.pop("salary_max", UNSET))

        def _parse_salary_min(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        salary_min = _parse_salary_min(d.pop("salary_min", UNSET))

        def _parse_salary_unit(data: object) -> JobSearchHitSalaryUnitType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                salary_unit_type_1 = JobSearchHitSalaryUnitType1(data)

                return salary_unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobSearchHitSalaryUnitType1 | None | Unset, data)

        salary_unit = _parse_salary_unit(d.pop("salary_unit", UNSET))

        score = d.pop("score", UNSET)

        def _parse_seniority(data: object) -> JobSearchHitSeniorityType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seniority_type_1 = JobSearchHitSeniorityType1(data)

                return seniority_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobSearchHitSeniorityType1 | None | Unset, data)

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

        def _parse_valid_through(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_through_type_0 = datetime.datetime.fromisoformat(data)

                return valid_through_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_through = _parse_valid_through(d.pop("valid_through", UNSET))

        job_search_hit = cls(
            company=company,
            description=description,
            title=title,
            created_at=created_at,
            employment_type=employment_type,
            external_id=external_id,
            id=id,
            is_public=is_public,
            location=location,
            posted_at=posted_at,
            remote=remote,
            salary_currency=salary_currency,
            salary_max=salary_max,
            salary_min=salary_min,
            salary_unit=salary_unit,
            score=score,
            seniority=seniority,
            updated_at=updated_at,
            url=url,
            valid_through=valid_through,
        )

        return job_search_hit
