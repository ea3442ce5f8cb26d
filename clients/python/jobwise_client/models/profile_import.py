from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.certification import Certification
    from ..models.education import Education
    from ..models.experience import Experience
    from ..models.import_warning import ImportWarning_
    from ..models.language import Language
    from ..models.link import Link
    from ..models.project import Project
    from ..models.skill import Skill


T = TypeVar("T", bound="ProfileImport")


@_attrs_define
class ProfileImport:
    """
    Attributes:
        name (str):  Example: Ana Lima.
        address (str | Unset):
        certifications (list[Certification] | Unset):
        city (str | Unset):
        country_code (str | Unset):
        created_at (datetime.datetime | Unset):
        education (list[Education] | Unset):
        email (str | Unset):  Example: ana.lima@example.com.
        experiences (list[Experience] | Unset):
        id (UUID | Unset):
        image (str | Unset):
        label (str | Unset):  Example: Backend Engineer.
        languages (list[Language] | Unset):
        links (list[Link] | Unset):
        phone (str | Unset):  Example: +351 912 345 678.
        postal_code (str | Unset):
        projects (list[Project] | Unset):
        region (str | Unset):
        skills (list[Skill] | Unset):
        summary (str | Unset):  Example: Backend engineer who ships data pipelines..
        updated_at (datetime.datetime | Unset):
        url (str | Unset):
        volunteer (list[Experience] | Unset):
        warnings (list[ImportWarning_] | Unset):
    """

    name: str
    address: str | Unset = UNSET
    certifications: list[Certification] | Unset = UNSET
    city: str | Unset = UNSET
    country_code: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    education: list[Education] | Unset = UNSET
    email: str | Unset = UNSET
    experiences: list[Experience] | Unset = UNSET
    id: UUID | Unset = UNSET
    image: str | Unset = UNSET
    label: str | Unset = UNSET
    languages: list[Language] | Unset = UNSET
    links: list[Link] | Unset = UNSET
    phone: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    projects: list[Project] | Unset = UNSET
    region: str | Unset = UNSET
    skills: list[Skill] | Unset = UNSET
    summary: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    url: str | Unset = UNSET
    volunteer: list[Experience] | Unset = UNSET
    warnings: list[ImportWarning_] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        certifications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.certifications, Unset):
            certifications = []
            for certifications_item_data in self.certifications:
                certifications_item = certifications_item_data.to_dict()
                certifications.append(certifications_item)

        city = self.city

        country_code = self.country_code

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        education: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.education, Unset):
            education = []
            for education_item_data in self.education:
                education_item = education_item_data.to_dict()
                education.append(education_item)

        email = self.email

        experiences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.experiences, Unset):
            experiences = []
            for experiences_item_data in self.experiences:
                experiences_item = experiences_item_data.to_dict()
                experiences.append(experiences_item)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        image = self.image

        label = self.label

        languages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.to_dict()
                languages.append(languages_item)

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        phone = self.phone

        postal_code = self.postal_code

        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

        region = self.region

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        summary = self.summary

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        url = self.url

        volunteer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volunteer, Unset):
            volunteer = []
            for volunteer_item_data in self.volunteer:
                volunteer_item = volunteer_item_data.to_dict()
                volunteer.append(volunteer_item)

        warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = []
            for warnings_item_data in self.warnings:
                warnings_item = warnings_item_data.to_dict()
                warnings.append(warnings_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if certifications is not UNSET:
            field_dict["certifications"] = certifications
        if city is not UNSET:
            field_dict["city"] = city
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if education is not UNSET:
            field_dict["education"] = education
        if email is not UNSET:
            field_dict["email"] = email
        if experiences is not UNSET:
            field_dict["experiences"] = experiences
        if id is not UNSET:
            field_dict["id"] = id
        if image is not UNSET:
            field_dict["image"] = image
        if label is not UNSET:
            field_dict["label"] = label
        if languages is not UNSET:
            field_dict["languages"] = languages
        if links is not UNSET:
            field_dict["links"] = links
        if phone is not UNSET:
            field_dict["phone"] = phone
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if projects is not UNSET:
            field_dict["projects"] = projects
        if region is not UNSET:
            field_dict["region"] = region
        if skills is not UNSET:
            field_dict["skills"] = skills
        if summary is not UNSET:
            field_dict["summary"] = summary
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if url is not UNSET:
            field_dict["url"] = url
        if volunteer is not UNSET:
            field_dict["volunteer"] = volunteer
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certification import Certification  # noqa: PLC0415
        from ..models.education import Education  # noqa: PLC0415
        from ..models.experience import Experience  # noqa: PLC0415
        from ..models.import_warning import ImportWarning_  # noqa: PLC0415
        from ..models.language import Language  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.project import Project  # noqa: PLC0415
        from ..models.skill import Skill  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        address = d.pop("address", UNSET)

        _certifications = d.pop("certifications", UNSET)
        certifications: list[Certification] | Unset = UNSET
        if _certifications is not UNSET:
            certifications = []
            for certifications_item_data in _certifications:
                certifications_item = Certification.from_dict(certifications_item_data)

                certifications.append(certifications_item)

        city = d.pop("city", UNSET)

        country_code = d.pop("country_code", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _education = d.pop("education", UNSET)
        education: list[Education] | Unset = UNSET
        if _education is not UNSET:
            education = []
            for education_item_data in _education:
                education_item = Education.from_dict(education_item_data)

                education.append(education_item)

        email = d.pop("email", UNSET)

        _experiences = d.pop("experiences", UNSET)
        experiences: list[Experience] | Unset = UNSET
        if _experiences is not UNSET:
            experiences = []
            for experiences_item_data in _experiences:
                experiences_item = Experience.from_dict(experiences_item_data)

                experiences.append(experiences_item)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        image = d.pop("image", UNSET)

        label = d.pop("label", UNSET)

        _languages = d.pop("languages", UNSET)
        languages: list[Language] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = Language.from_dict(languages_item_data)

                languages.append(languages_item)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        phone = d.pop("phone", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        _projects = d.pop("projects", UNSET)
        projects: list[Project] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = Project.from_dict(projects_item_data)

                projects.append(projects_item)

        region = d.pop("region", UNSET)

        _skills = d.pop("skills", UNSET)
        skills: list[Skill] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = Skill.from_dict(skills_item_data)

                skills.append(skills_item)

        summary = d.pop("summary", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        url = d.pop("url", UNSET)

        _volunteer = d.pop("volunteer", UNSET)
        volunteer: list[Experience] | Unset = UNSET
        if _volunteer is not UNSET:
            volunteer = []
            for volunteer_item_data in _volunteer:
                volunteer_item = Experience.from_dict(volunteer_item_data)

                volunteer.append(volunteer_item)

        _warnings = d.pop("warnings", UNSET)
        warnings: list[ImportWarning_] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = []
            for warnings_item_data in _warnings:
                warnings_item = ImportWarning_.from_dict(warnings_item_data)

                warnings.append(warnings_item)

        profile_import = cls(
            name=name,
            address=address,
            certifications=certifications,
            city=city,
            country_code=country_code,
            created_at=created_at,
            education=education,
            email=email,
            experiences=experiences,
            id=id,
            image=image,
            label=label,
            languages=languages,
            links=links,
            phone=phone,
            postal_code=postal_code,
            projects=projects,
            region=region,
            skills=skills,
            summary=summary,
            updated_at=updated_at,
            url=url,
            volunteer=volunteer,
            warnings=warnings,
        )

        return profile_import
