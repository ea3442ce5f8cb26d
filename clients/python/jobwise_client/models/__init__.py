"""Contains all the data models used in inputs/outputs"""

from .certification import Certification
from .document import Document
from .education import Education
from .experience import Experience
from .generation import Generation
from .generation_ats_report_type_0 import GenerationAtsReportType0
from .generation_create import GenerationCreate
from .generation_options import GenerationOptions
from .generation_options_generator import GenerationOptionsGenerator
from .generation_options_one_page_type_1 import GenerationOptionsOnePageType1
from .generation_options_page_size import GenerationOptionsPageSize
from .generation_options_template import GenerationOptionsTemplate
from .generation_report import GenerationReport
from .generation_report_ats_report_type_0 import GenerationReportAtsReportType0
from .generation_stages import GenerationStages
from .generation_summary import GenerationSummary
from .get_generation_document_format import GetGenerationDocumentFormat
from .get_generation_document_kind import GetGenerationDocumentKind
from .get_generation_events_response_200 import GetGenerationEventsResponse200
from .get_generation_events_response_200_event import GetGenerationEventsResponse200Event
from .get_generation_include_item import GetGenerationIncludeItem
from .get_generations_status import GetGenerationsStatus
from .get_jobs_scope import GetJobsScope
from .health import Health
from .health_checks import HealthChecks
from .import_warning import ImportWarning_
from .job import Job
from .job_employment_type_type_1 import JobEmploymentTypeType1
from .job_patch import JobPatch
from .job_patch_employment_type_type_1 import JobPatchEmploymentTypeType1
from .job_patch_salary_unit_type_1 import JobPatchSalaryUnitType1
from .job_patch_seniority_type_1 import JobPatchSeniorityType1
from .job_salary_unit_type_1 import JobSalaryUnitType1
from .job_search import JobSearch
from .job_search_hit import JobSearchHit
from .job_search_hit_employment_type_type_1 import JobSearchHitEmploymentTypeType1
from .job_search_hit_salary_unit_type_1 import JobSearchHitSalaryUnitType1
from .job_search_hit_seniority_type_1 import JobSearchHitSeniorityType1
from .job_search_result import JobSearchResult
from .job_search_seniority import JobSearchSeniority
from .job_seniority_type_1 import JobSeniorityType1
from .json_resume import JsonResume
from .json_resume_awards import JsonResumeAwards
from .json_resume_basics import JsonResumeBasics
from .json_resume_certificates import JsonResumeCertificates
from .json_resume_education import JsonResumeEducation
from .json_resume_interests import JsonResumeInterests
from .json_resume_languages import JsonResumeLanguages
from .json_resume_location import JsonResumeLocation
from .json_resume_meta import JsonResumeMeta
from .json_resume_profile import JsonResumeProfile
from .json_resume_projects import JsonResumeProjects
from .json_resume_publications import JsonResumePublications
from .json_resume_references import JsonResumeReferences
from .json_resume_skills import JsonResumeSkills
from .json_resume_volunteer import JsonResumeVolunteer
from .json_resume_work import JsonResumeWork
from .language import Language
from .link import Link
from .login import Login
from .pagination_metadata import PaginationMetadata
from .post_job_import_json_body import PostJobImportJsonBody
from .problem import Problem
from .problem_errors import ProblemErrors
from .profile import Profile
from .profile_import import ProfileImport
from .profile_patch import ProfilePatch
from .profile_summary import ProfileSummary
from .project import Project
from .refresh import Refresh
from .register import Register
from .skill import Skill
from .stage import Stage
from .stage_meta import StageMeta
from .stage_output import StageOutput
from .stage_output_meta import StageOutputMeta
from .stage_output_output_type_0 import StageOutputOutputType0
from .token import Token
from .user import User
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_payload import WebhookDeliveryPayload
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_patch import WebhookEndpointPatch
from .webhook_endpoint_secret import WebhookEndpointSecret

__all__ = (
    "Certification",
    "Document",
    "Education",
    "Experience",
    "Generation",
    "GenerationAtsReportType0",
    "GenerationCreate",
    "GenerationOptions",
    "GenerationOptionsGenerator",
    "GenerationOptionsOnePageType1",
    "GenerationOptionsPageSize",
    "GenerationOptionsTemplate",
    "GenerationReport",
    "GenerationReportAtsReportType0",
    "GenerationStages",
    "GenerationSummary",
    "GetGenerationDocumentFormat",
    "GetGenerationDocumentKind",
    "GetGenerationEventsResponse200",
    "GetGenerationEventsResponse200Event",
    "GetGenerationIncludeItem",
    "GetGenerationsStatus",
    "GetJobsScope",
    "Health",
    "HealthChecks",
    "ImportWarning_",
    "Job",
    "JobEmploymentTypeType1",
    "JobPatch",
    "JobPatchEmploymentTypeType1",
    "JobPatchSalaryUnitType1",
    "JobPatchSeniorityType1",
    "JobSalaryUnitType1",
    "JobSearch",
    "JobSearchHit",
    "JobSearchHitEmploymentTypeType1",
    "JobSearchHitSalaryUnitType1",
    "JobSearchHitSeniorityType1",
    "JobSearchResult",
    "JobSearchSeniority",
    "JobSeniorityType1",
    "JsonResume",
    "JsonResumeAwards",
    "JsonResumeBasics",
    "JsonResumeCertificates",
    "JsonResumeEducation",
    "JsonResumeInterests",
    "JsonResumeLanguages",
    "JsonResumeLocation",
    "JsonResumeMeta",
    "JsonResumeProfile",
    "JsonResumeProjects",
    "JsonResumePublications",
    "JsonResumeReferences",
    "JsonResumeSkills",
    "JsonResumeVolunteer",
    "JsonResumeWork",
    "Language",
    "Link",
    "Login",
    "PaginationMetadata",
    "PostJobImportJsonBody",
    "Problem",
    "ProblemErrors",
    "Profile",
    "ProfileImport",
    "ProfilePatch",
    "ProfileSummary",
    "Project",
    "Refresh",
    "Register",
    "Skill",
    "Stage",
    "StageMeta",
    "StageOutput",
    "StageOutputMeta",
    "StageOutputOutputType0",
    "Token",
    "User",
    "WebhookDelivery",
    "WebhookDeliveryPayload",
    "WebhookEndpoint",
    "WebhookEndpointPatch",
    "WebhookEndpointSecret",
)
