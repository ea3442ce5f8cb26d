from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generation_report_ats_report_type_0 import GenerationReportAtsReportType0


T = TypeVar("T", bound="GenerationReport")


@_attrs_define
class GenerationReport:
    """
    Attributes:
        ats_report (GenerationReportAtsReportType0 | None | Unset): null until stage 4 has run
        ats_score (float | None | Unset): null until stage 4 has run
        id (UUID | Unset):
        status (str | Unset): queued, running, succeeded, failed or cancelled
        version (int | Unset):
    """

    ats_report: GenerationReportAtsReportType0 | None | Unset = UNSET
    ats_score: float | None | Unset = UNSET
    id: UUID | Unset = UNSET
    status: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.generation_report_ats_report_type_0 import GenerationReportAtsReportType0  # noqa: PLC0415

        ats_report: dict[str, Any] | None | Unset
        if isinstance(self.ats_report, Unset):
            ats_report = UNSET
        elif isinstance(self.ats_report, GenerationReportAtsReportType0):
            ats_report = self.ats_report.to_dict()
        else:
            ats_report = self.ats_report

        ats_score: float | None | Unset
        if isinstance(self.ats_score, Unset):
            ats_score = UNSET
        else:
            ats_score = self.ats_score

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        status = self.status

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ats_report is not UNSET:
            field_dict["ats_report"] = ats_report
        if ats_score is not UNSET:
            field_dict["ats_score"] = ats_score
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generation_report_ats_report_type_0 import GenerationReportAtsReportType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_ats_report(data: object) -> GenerationReportAtsReportType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ats_report_type_0 = GenerationReportAtsReportType0.from_dict(data)

                return ats_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationReportAtsReportType0 | None | Unset, data)

        ats_report = _parse_ats_report(d.pop("ats_report", UNSET))

        def _parse_ats_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ats_score = _parse_ats_score(d.pop("ats_score", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        status = d.pop("status", UNSET)

        version = d.pop("version", UNSET)

        generation_report = cls(
            ats_report=ats_report,
            ats_score=ats_score,
            id=id,
            status=status,
            version=version,
        )

        return generation_report
