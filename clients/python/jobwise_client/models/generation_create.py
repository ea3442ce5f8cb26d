from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generation_options import GenerationOptions


T = TypeVar("T", bound="GenerationCreate")


@_attrs_define
class GenerationCreate:
    """
    Attributes:
        job_id (UUID):  Example: 5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f.
        profile_id (UUID):  Example: 0b7e4c3a-9d0f-4a5e-8d2c-1f6a7b8c9d0e.
        options (GenerationOptions | Unset):
    """

    job_id: UUID
    profile_id: UUID
    options: GenerationOptions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        profile_id = str(self.profile_id)

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "job_id": job_id,
                "profile_id": profile_id,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generation_options import GenerationOptions  # noqa: PLC0415

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        profile_id = UUID(d.pop("profile_id"))

        _options = d.pop("options", UNSET)
        options: GenerationOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = GenerationOptions.from_dict(_options)

        generation_create = cls(
            job_id=job_id,
            profile_id=profile_id,
            options=options,
        )

        return generation_create
