from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_resume_location import JsonResumeLocation
    from ..models.json_resume_profile import JsonResumeProfile


T = TypeVar("T", bound="JsonResumeBasics")


@_attrs_define
class JsonResumeBasics:
    """
    Attributes:
        name (str):
        email (str | Unset):
        image (str | Unset):
        label (str | Unset):
        location (JsonResumeLocation | Unset):
        phone (str | Unset):
        profiles (list[JsonResumeProfile] | Unset):
        summary (str | Unset):
        url (str | Unset):
    """

    name: str
    email: str | Unset = UNSET
    image: str | Unset = UNSET
    label: str | Unset = UNSET
    location: JsonResumeLocation | Unset = UNSET
    phone: str | Unset = UNSET
    profiles: list[JsonResumeProfile] | Unset = UNSET
    summary: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        image = self.image

        label = self.label

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        phone = self.phone

        profiles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.profiles, Unset):
            profiles = []
            for profiles_item_data in self.profiles:
                profiles_item = profiles_item_data.to_dict()
                profiles.append(profiles_item)

        summary = self.summary

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if image is not UNSET:
            field_dict["image"] = image
        if label is not UNSET:
            field_dict["label"] = label
        if location is not UNSET:
            field_dict["location"] = location
        if phone is not UNSET:
            field_dict["phone"] = phone
        if profiles is not UNSET:
            field_dict["profiles"] = profiles
        if summary is not UNSET:
            field_dict["summary"] = summary
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_resume_location import JsonResumeLocation  # noqa: PLC0415
        from ..models.json_resume_profile import JsonResumeProfile  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email", UNSET)

        image = d.pop("image", UNSET)

        label = d.pop("label", UNSET)

        _location = d.pop("location", UNSET)
        location: JsonResumeLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = JsonResumeLocation.from_dict(_location)

        phone = d.pop("phone", UNSET)

        _profiles = d.pop("profiles", UNSET)
        profiles: list[JsonResumeProfile] | Unset = UNSET
        if _profiles is not UNSET:
            profiles = []
            for profiles_item_data in _profiles:
                profiles_item = JsonResumeProfile.from_dict(profiles_item_data)

                profiles.append(profiles_item)

        summary = d.pop("summary", UNSET)

        url = d.pop("url", UNSET)

        json_resume_basics = cls(
            name=name,
            email=email,
            image=image,
            label=label,
            location=location,
            phone=phone,
            profiles=profiles,
            summary=summary,
            url=url,
        )

        json_resume_basics.additional_properties = d
        return json_resume_basics

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
