from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        network (str | Unset):
        url (str | Unset):
        username (str | Unset):
    """

    network: str | Unset = UNSET
    url: str | Unset = UNSET
    username: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        network = self.network

        url = self.url

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if network is not UNSET:
            field_dict["network"] = network
        if url is not UNSET:
            field_dict["url"] = url
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        network = d.pop("network", UNSET)

        url = d.pop("url", UNSET)

        username = d.pop("username", UNSET)

        link = cls(
            network=network,
            url=url,
            username=username,
        )

        return link
