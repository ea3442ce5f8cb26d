from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """
    Attributes:
        format_ (str | Unset): pdf, txt or docx
        kind (str | Unset): resume or cover_letter
        media_type (str | Unset):
        pages (int | None | Unset):
        sha256 (str | Unset):
        size (int | Unset):
        url (str | Unset): Where to download it
    """

    format_: str | Unset = UNSET
    kind: str | Unset = UNSET
    media_type: str | Unset = UNSET
    pages: int | None | Unset = UNSET
    sha256: str | Unset = UNSET
    size: int | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        kind = self.kind

        media_type = self.media_type

        pages: int | None | Unset
        if isinstance(self.pages, Unset):
            pages = UNSET
        else:
            pages = self.pages

        sha256 = self.sha256

        size = self.size

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if media_type is not UNSET:
            field_dict["media_type"] = media_type
        if pages is not UNSET:
            field_dict["pages"] = pages
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if size is not UNSET:
            field_dict["size"] = size
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        kind = d.pop("kind", UNSET)

        media_type = d.pop("media_type", UNSET)

        def _parse_pages(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pages = _parse_pages(d.pop("pages", UNSET))

        sha256 = d.pop("sha256", UNSET)

        size = d.pop("size", UNSET)

        url = d.pop("url", UNSET)

        document = cls(
            format_=format_,
            kind=kind,
            media_type=media_type,
            pages=pages,
            sha256=sha256,
            size=size,
            url=url,
        )

        return document
