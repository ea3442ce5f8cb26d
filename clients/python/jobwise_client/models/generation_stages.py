from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_output import StageOutput


T = TypeVar("T", bound="GenerationStages")


@_attrs_define
class GenerationStages:
    """
    Attributes:
        id (UUID | Unset):
        stages (list[StageOutput] | Unset):
        status (str | Unset):
        version (int | Unset):
    """

    id: UUID | Unset = UNSET
    stages: list[StageOutput] | Unset = UNSET
    status: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        status = self.status

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if stages is not UNSET:
            field_dict["stages"] = stages
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_output import StageOutput  # noqa: PLC0415

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _stages = d.pop("stages", UNSET)
        stages: list[StageOutput] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = StageOutput.from_dict(stages_item_data)

                stages.append(stages_item)

        status = d.pop("status", UNSET)

        version = d.pop("version", UNSET)

        generation_stages = cls(
            id=id,
            stages=stages,
            status=status,
            version=version,
        )

        return generation_stages
