from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document
    from ..models.generation_ats_report_type_0 import GenerationAtsReportType0
    from ..models.generation_options import GenerationOptions
    from ..models.stage import Stage


T = TypeVar("T", bound="Generation")


@_attrs_define
class Generation:
    """
    Attributes:
        ats_report (GenerationAtsReportType0 | None | Unset): With ?include=report (and on POST)
        ats_score (float | None | Unset):
        created_at (datetime.datetime | Unset):
        current_stage (None | str | Unset):
        documents (list[Document] | Unset):
        error (None | str | Unset):
        failed_stage (None | str | Unset):
        finished_at (datetime.datetime | None | Unset):
        generation_time_s (float | None | Unset):
        id (UUID | Unset):
        job_id (UUID | Unset):
        options (GenerationOptions | Unset):
        profile_id (UUID | Unset):
        progress (float | Unset): Share of the five stages done, 0 to 1
        stages (list[Stage] | Unset): With ?include=stages (and on POST)
        started_at (datetime.datetime | None | Unset):
        status (str | Unset): queued, running, succeeded, failed or cancelled
        version (int | Unset): Bumped by every change; the ETag and the SSE event id carry it
    """

    ats_report: GenerationAtsReportType0 | None | Unset = UNSET
    ats_score: float | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    current_stage: None | str | Unset = UNSET
    documents: list[Document] | Unset = UNSET
    error: None | str | Unset = UNSET
    failed_stage: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    generation_time_s: float | None | Unset = UNSET
    id: UUID | Unset = UNSET
    job_id: UUID | Unset = UNSET
    options: GenerationOptions | Unset = UNSET
    profile_id: UUID | Unset = UNSET
    progress: float | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    status: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.generation_ats_report_type_0 import GenerationAtsReportType0  # noqa: PLC0415

        ats_report: dict[str, Any] | None | Unset
        if isinstance(self.ats_report, Unset):
            ats_report = UNSET
        elif isinstance(self.ats_report, GenerationAtsReportType0):
            ats_report = self.ats_report.to_dict()
        else:
            ats_report = self.ats_report

        ats_score: float | None | Unset
        if isinstance(self.ats_score, Unset):
            ats_score = UNSET
        else:
            ats_score = self.ats_score

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        current_stage: None | str | Unset
        if isinstance(self.current_stage, Unset):
            current_stage = UNSET
        else:
            current_stage = self.current_stage

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        failed_stage: None | str | Unset
        if isinstance(self.failed_stage, Unset):
            failed_stage = UNSET
        else:
            failed_stage = self.failed_stage

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        generation_time_s: float | None | Unset
        if isinstance(self.generation_time_s, Unset):
            generation_time_s = UNSET
        else:
            generation_time_s = self.generation_time_s

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        job_id: str | Unset = UNSET
        if not isinstance(self.job_id, Unset):
            job_id = str(self.job_id)

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        profile_id: str | Unset = UNSET
        if not isinstance(self.profile_id, Unset):
            profile_id = str(self.profile_id)

        progress = self.progress

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ats_report is not UNSET:
            field_dict["ats_report"] = ats_report
        if ats_score is not UNSET:
            field_dict["ats_score"] = ats_score
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if current_stage is not UNSET:
            field_dict["current_stage"] = current_stage
        if documents is not UNSET:
            field_dict["documents"] = documents
        if error is not UNSET:
            field_dict["error"] = error
        if failed_stage is not UNSET:
            field_dict["failed_stage"] = failed_stage
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if generation_time_s is not UNSET:
            field_dict["generation_time_s"] = generation_time_s
        if id is not UNSET:
            field_dict["id"] = id
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if options is not UNSET:
            field_dict["options"] = options
        if profile_id is not UNSET:
            field_dict["profile_id"] = profile_id
        if progress is not UNSET:
            field_dict["progress"] = progress
        if stages is not UNSET:
            field_dict["stages"] = stages
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document import Document  # noqa: PLC0415
        from ..models.generation_ats_report_type_0 import GenerationAtsReportType0  # noqa: PLC0415
        from ..models.generation_options import GenerationOptions  # noqa: PLC0415
        from ..models.stage import Stage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_ats_report(data: object) -> GenerationAtsReportType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ats_report_type_0 = GenerationAtsReportType0.from_dict(data)

                return ats_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationAtsReportType0 | None | Unset, data)

        ats_report = _parse_ats_report(d.pop("ats_report", UNSET))

        def _parse_ats_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ats_score = _parse_ats_score(d.pop("ats_score", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_current_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_stage = _parse_current_stage(d.pop("current_stage", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[Document] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = Document.from_dict(documents_item_data)

                documents.append(documents_item)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_failed_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_stage = _parse_failed_stage(d.pop("failed_stage", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_generation_time_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        generation_time_s = _parse_generation_time_s(d.pop("generation_time_s", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _job_id = d.pop("job_id", UNSET)
        job_id: UUID | Unset
        if isinstance(_job_id, Unset):
            job_id = UNSET
        else:
            job_id = UUID(_job_id)

        _options = d.pop("options", UNSET)
        options: GenerationOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = GenerationOptions.from_dict(_options)

        _profile_id = d.pop("profile_id", UNSET)
        profile_id: UUID | Unset
        if isinstance(_profile_id, Unset):
            profile_id = UNSET
        else:
            profile_id = UUID(_profile_id)

        progress = d.pop("progress", UNSET)

        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage.from_dict(stages_item_data)

                stages.append(stages_item)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        status = d.pop("status", UNSET)

        version = d.pop("version", UNSET)

        generation = cls(
            ats_report=ats_report,
            ats_score=ats_score,
            created_at=created_at,
            current_stage=current_stage,
            documents=documents,
            error=error,
            failed_stage=failed_stage,
            finished_at=finished_at,
            generation_time_s=generation_time_s,
            id=id,
            job_id=job_id,
            options=options,
            profile_id=profile_id,
            progress=progress,
            stages=stages,
            started_at=started_at,
            status=status,
            version=version,
        )

        return generation
