from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.job_search_hit import JobSearchHit


T = TypeVar("T", bound="JobSearchResult")


@_attrs_define
class JobSearchResult:
    """
    Attributes:
        page (int):
        page_size (int):
        results (list[JobSearchHit]):
        total (int):
    """

    page: int
    page_size: int
    results: list[JobSearchHit]
    total: int

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        page_size = self.page_size

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "page": page,
                "page_size": page_size,
                "results": results,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_search_hit import JobSearchHit  # noqa: PLC0415

        d = dict(src_dict)
        page = d.pop("page")

        page_size = d.pop("page_size")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = JobSearchHit.from_dict(results_item_data)

            results.append(results_item)

        total = d.pop("total")

        job_search_result = cls(
            page=page,
            page_size=page_size,
            results=results,
            total=total,
        )

        return job_search_result
