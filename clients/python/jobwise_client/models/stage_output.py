from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_output_meta import StageOutputMeta
    from ..models.stage_output_output_type_0 import StageOutputOutputType0


T = TypeVar("T", bound="StageOutput")


@_attrs_define
class StageOutput:
    """
    Attributes:
        attempts (int | Unset):
        duration_s (float | None | Unset):
        error (None | str | Unset):
        finished_at (datetime.datetime | None | Unset):
        meta (StageOutputMeta | Unset): Model, prompt version, tokens, cost, cache hits
        name (str | Unset):
        output (None | StageOutputOutputType0 | Unset): What the stage produced, as JSON
        started_at (datetime.datetime | None | Unset):
        status (str | Unset): pending, running, succeeded or failed
    """

    attempts: int | Unset = UNSET
    duration_s: float | None | Unset = UNSET
    error: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    meta: StageOutputMeta | Unset = UNSET
    name: str | Unset = UNSET
    output: None | StageOutputOutputType0 | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.stage_output_output_type_0 import StageOutputOutputType0  # noqa: PLC0415

        attempts = self.attempts

        duration_s: float | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        name = self.name

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, StageOutputOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if meta is not UNSET:
            field_dict["meta"] = meta
        if name is not UNSET:
            field_dict["name"] = name
        if output is not UNSET:
            field_dict["output"] = output
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_output_meta import StageOutputMeta  # noqa: PLC0415
        from ..models.stage_output_output_type_0 import StageOutputOutputType0  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts", UNSET)

        def _parse_duration_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

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

        _meta = d.pop("meta", UNSET)
        meta: StageOutputMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = StageOutputMeta.from_dict(_meta)

        name = d.pop("name", UNSET)

        def _parse_output(data: object) -> None | StageOutputOutputType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = StageOutputOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StageOutputOutputType0 | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

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

        stage_output = cls(
            attempts=attempts,
            duration_s=duration_s,
            error=error,
            finished_at=finished_at,
            meta=meta,
            name=name,
            output=output,
            started_at=started_at,
            status=status,
        )

        return stage_output
