from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_resume_awards import JsonResumeAwards
    from ..models.json_resume_basics import JsonResumeBasics
    from ..models.json_resume_certificates import JsonResumeCertificates
    from ..models.json_resume_education import JsonResumeEducation
    from ..models.json_resume_interests import JsonResumeInterests
    from ..models.json_resume_languages import JsonResumeLanguages
    from ..models.json_resume_meta import JsonResumeMeta
    from ..models.json_resume_projects import JsonResumeProjects
    from ..models.json_resume_publications import JsonResumePublications
    from ..models.json_resume_references import JsonResumeReferences
    from ..models.json_resume_skills import JsonResumeSkills
    from ..models.json_resume_volunteer import JsonResumeVolunteer
    from ..models.json_resume_work import JsonResumeWork


T = TypeVar("T", bound="JsonResume")


@_attrs_define
class JsonResume:
    """
    Attributes:
        basics (JsonResumeBasics):
        awards (list[JsonResumeAwards] | Unset):
        certificates (list[JsonResumeCertificates] | Unset):
        education (list[JsonResumeEducation] | Unset):
        interests (list[JsonResumeInterests] | Unset):
        languages (list[JsonResumeLanguages] | Unset):
        meta (JsonResumeMeta | Unset):
        projects (list[JsonResumeProjects] | Unset):
        publications (list[JsonResumePublications] | Unset):
        references (list[JsonResumeReferences] | Unset):
        skills (list[JsonResumeSkills] | Unset):
        volunteer (list[JsonResumeVolunteer] | Unset):
        work (list[JsonResumeWork] | Unset):
    """

    basics: JsonResumeBasics
    awards: list[JsonResumeAwards] | Unset = UNSET
    certificates: list[JsonResumeCertificates] | Unset = UNSET
    education: list[JsonResumeEducation] | Unset = UNSET
    interests: list[JsonResumeInterests] | Unset = UNSET
    languages: list[JsonResumeLanguages] | Unset = UNSET
    meta: JsonResumeMeta | Unset = UNSET
    projects: list[JsonResumeProjects] | Unset = UNSET
    publications: list[JsonResumePublications] | Unset = UNSET
    references: list[JsonResumeReferences] | Unset = UNSET
    skills: list[JsonResumeSkills] | Unset = UNSET
    volunteer: list[JsonResumeVolunteer] | Unset = UNSET
    work: list[JsonResumeWork] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        basics = self.basics.to_dict()

        awards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.awards, Unset):
            awards = []
            for awards_item_data in self.awards:
                awards_item = awards_item_data.to_dict()
                awards.append(awards_item)

        certificates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.certificates, Unset):
            certificates = []
            for certificates_item_data in self.certificates:
                certificates_item = certificates_item_data.to_dict()
                certificates.append(certificates_item)

        education: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.education, Unset):
            education = []
            for education_item_data in self.education:
                education_item = education_item_data.to_dict()
                education.append(education_item)

        interests: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.interests, Unset):
            interests = []
            for interests_item_data in self.interests:
                interests_item = interests_item_data.to_dict()
                interests.append(interests_item)

        languages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = []
            for languages_item_data in self.languages:
                languages_item = languages_item_data.to_dict()
                languages.append(languages_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

        publications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.publications, Unset):
            publications = []
            for publications_item_data in self.publications:
                publications_item = publications_item_data.to_dict()
                publications.append(publications_item)

        references: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.references, Unset):
            references = []
            for references_item_data in self.references:
                references_item = references_item_data.to_dict()
                references.append(references_item)

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        volunteer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.volunteer, Unset):
            volunteer = []
            for volunteer_item_data in self.volunteer:
                volunteer_item = volunteer_item_data.to_dict()
                volunteer.append(volunteer_item)

        work: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.work, Unset):
            work = []
            for work_item_data in self.work:
                work_item = work_item_data.to_dict()
                work.append(work_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basics": basics,
            }
        )
        if awards is not UNSET:
            field_dict["awards"] = awards
        if certificates is not UNSET:
            field_dict["certificates"] = certificates
        if education is not UNSET:
            field_dict["education"] = education
        if interests is not UNSET:
            field_dict["interests"] = interests
        if languages is not UNSET:
            field_dict["languages"] = languages
        if meta is not UNSET:
            field_dict["meta"] = meta
        if projects is not UNSET:
            field_dict["projects"] = projects
        if publications is not UNSET:
            field_dict["publications"] = publications
        if references is not UNSET:
            field_dict["references"] = references
        if skills is not UNSET:
            field_dict["skills"] = skills
        if volunteer is not UNSET:
            field_dict["volunteer"] = volunteer
        if work is not UNSET:
            field_dict["work"] = work

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_resume_awards import JsonResumeAwards  # noqa: PLC0415
        from ..models.json_resume_basics import JsonResumeBasics  # noqa: PLC0415
        from ..models.json_resume_certificates import JsonResumeCertificates  # noqa: PLC0415
        from ..models.json_resume_education import JsonResumeEducation  # noqa: PLC0415
        from ..models.json_resume_interests import JsonResumeInterests  # noqa: PLC0415
        from ..models.json_resume_languages import JsonResumeLanguages  # noqa: PLC0415
        from ..models.json_resume_meta import JsonResumeMeta  # noqa: PLC0415
        from ..models.json_resume_projects import JsonResumeProjects  # noqa: PLC0415
        from ..models.json_resume_publications import JsonResumePublications  # noqa: PLC0415
        from ..models.json_resume_references import JsonResumeReferences  # noqa: PLC0415
        from ..models.json_resume_skills import JsonResumeSkills  # noqa: PLC0415
        from ..models.json_resume_volunteer import JsonResumeVolunteer  # noqa: PLC0415
        from ..models.json_resume_work import JsonResumeWork  # noqa: PLC0415

        d = dict(src_dict)
        basics = JsonResumeBasics.from_dict(d.pop("basics"))

        _awards = d.pop("awards", UNSET)
        awards: list[JsonResumeAwards] | Unset = UNSET
        if _awards is not UNSET:
            awards = []
            for awards_item_data in _awards:
                awards_item = JsonResumeAwards.from_dict(awards_item_data)

                awards.append(awards_item)

        _certificates = d.pop("certificates", UNSET)
        certificates: list[JsonResumeCertificates] | Unset = UNSET
        if _certificates is not UNSET:
            certificates = []
            for certificates_item_data in _certificates:
                certificates_item = JsonResumeCertificates.from_dict(certificates_item_data)

                certificates.append(certificates_item)

        _education = d.pop("education", UNSET)
        education: list[JsonResumeEducation] | Unset = UNSET
        if _education is not UNSET:
            education = []
            for education_item_data in _education:
                education_item = JsonResumeEducation.from_dict(education_item_data)

                education.append(education_item)

        _interests = d.pop("interests", UNSET)
        interests: list[JsonResumeInterests] | Unset = UNSET
        if _interests is not UNSET:
            interests = []
            for interests_item_data in _interests:
                interests_item = JsonResumeInterests.from_dict(interests_item_data)

                interests.append(interests_item)

        _languages = d.pop("languages", UNSET)
        languages: list[JsonResumeLanguages] | Unset = UNSET
        if _languages is not UNSET:
            languages = []
            for languages_item_data in _languages:
                languages_item = JsonResumeLanguages.from_dict(languages_item_data)

                languages.append(languages_item)

        _meta = d.pop("meta", UNSET)
        meta: JsonResumeMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = JsonResumeMeta.from_dict(_meta)

        _projects = d.pop("projects", UNSET)
        projects: list[JsonResumeProjects] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = JsonResumeProjects.from_dict(projects_item_data)

                projects.append(projects_item)

        _publications = d.pop("publications", UNSET)
        publications: list[JsonResumePublications] | Unset = UNSET
        if _publications is not UNSET:
            publications = []
            for publications_item_data in _publications:
                publications_item = JsonResumePublications.from_dict(publications_item_data)

                publications.append(publications_item)

        _references = d.pop("references", UNSET)
        references: list[JsonResumeReferences] | Unset = UNSET
        if _references is not UNSET:
            references = []
            for references_item_data in _references:
                references_item = JsonResumeReferences.from_dict(references_item_data)

                references.append(references_item)

        _skills = d.pop("skills", UNSET)
        skills: list[JsonResumeSkills] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = JsonResumeSkills.from_dict(skills_item_data)

                skills.append(skills_item)

        _volunteer = d.pop("volunteer", UNSET)
        volunteer: list[JsonResumeVolunteer] | Unset = UNSET
        if _volunteer is not UNSET:
            volunteer = []
            for volunteer_item_data in _volunteer:
                volunteer_item = JsonResumeVolunteer.from_dict(volunteer_item_data)

                volunteer.append(volunteer_item)

        _work = d.pop("work", UNSET)
        work: list[JsonResumeWork] | Unset = UNSET
        if _work is not UNSET:
            work = []
            for work_item_data in _work:
                work_item = JsonResumeWork.from_dict(work_item_data)

                work.append(work_item)

        json_resume = cls(
            basics=basics,
            awards=awards,
            certificates=certificates,
            education=education,
            interests=interests,
            languages=languages,
            meta=meta,
            projects=projects,
            publications=publications,
            references=references,
            skills=skills,
            volunteer=volunteer,
            work=work,
        )

        json_resume.additional_properties = d
        return json_resume

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
