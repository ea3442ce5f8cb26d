from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.generation_options_generator import GenerationOptionsGenerator
from ..models.generation_options_page_size import GenerationOptionsPageSize
from ..models.generation_options_template import GenerationOptionsTemplate
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerationOptions")


@_attrs_define
class GenerationOptions:
    """
    Attributes:
        cover_letter (bool | Unset):  Default: True.
        generator (GenerationOptionsGenerator | Unset): offline (deterministic, no API key) or llm; default from server
            config
        one_page (bool | Unset): Fit the resume on one page Default: False.
        page_size (GenerationOptionsPageSize | Unset):  Default: GenerationOptionsPageSize.LETTER.
        template (GenerationOptionsTemplate | Unset):  Default: GenerationOptionsTemplate.CLASSIC.
    """

    cover_letter: bool | Unset = True
    generator: GenerationOptionsGenerator | Unset = UNSET
    one_page: bool | Unset = False
    page_size: GenerationOptionsPageSize | Unset = GenerationOptionsPageSize.LETTER
    template: GenerationOptionsTemplate | Unset = GenerationOptionsTemplate.CLASSIC

    def to_dict(self) -> dict[str, Any]:
        cover_letter = self.cover_letter

        generator: str | Unset = UNSET
        if not isinstance(self.generator, Unset):
            generator = self.generator.value

        one_page = self.one_page

        page_size: str | Unset = UNSET
        if not isinstance(self.page_size, Unset):
            page_size = self.page_size.value

        template: str | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cover_letter is not UNSET:
            field_dict["cover_letter"] = cover_letter
        if generator is not UNSET:
            field_dict["generator"] = generator
        if one_page is not UNSET:
            field_dict["one_page"] = one_page
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cover_letter = d.pop("cover_letter", UNSET)

        _generator = d.pop("generator", UNSET)
        generator: GenerationOptionsGenerator | Unset
        if isinstance(_generator, Unset):
            generator = UNSET
        else:
            generator = GenerationOptionsGenerator(_generator)

        one_page = d.pop("one_page", UNSET)

        _page_size = d.pop("page_size", UNSET)
        page_size: GenerationOptionsPageSize | Unset
        if isinstance(_page_size, Unset):
            page_size = UNSET
        else:
            page_size = GenerationOptionsPageSize(_page_size)

        _template = d.pop("template", UNSET)
        template: GenerationOptionsTemplate | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = GenerationOptionsTemplate(_template)

        generation_options = cls(
            cover_letter=cover_letter,
            generator=generator,
            one_page=one_page,
            page_size=page_size,
            template=template,
        )

        return generation_options
