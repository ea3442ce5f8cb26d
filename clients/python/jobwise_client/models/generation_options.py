from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.generation_options_generator import GenerationOptionsGenerator
from ..models.generation_options_one_page_type_1 import GenerationOptionsOnePageType1
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
        one_page (bool | GenerationOptionsOnePageType1 | Unset): Fit the resume on one page: true (always, down to 9 pt,
            leaving out the least relevant content first), false (never), or "auto" (one page when the career fits one
            readable page keeping the two strongest bullets of each recent role; the default) Default:
            GenerationOptionsOnePageType1.AUTO.
        page_size (GenerationOptionsPageSize | Unset):  Default: GenerationOptionsPageSize.LETTER.
        template (GenerationOptionsTemplate | Unset):  Default: GenerationOptionsTemplate.CLASSIC.
    """

    cover_letter: bool | Unset = True
    generator: GenerationOptionsGenerator | Unset = UNSET
    one_page: bool | GenerationOptionsOnePageType1 | Unset = GenerationOptionsOnePageType1.AUTO
    page_size: GenerationOptionsPageSize | Unset = GenerationOptionsPageSize.LETTER
    template: GenerationOptionsTemplate | Unset = GenerationOptionsTemplate.CLASSIC

    def to_dict(self) -> dict[str, Any]:
        cover_letter = self.cover_letter

        generator: str | Unset = UNSET
        if not isinstance(self.generator, Unset):
            generator = self.generator.value

        one_page: bool | str | Unset
        if isinstance(self.one_page, Unset):
            one_page = UNSET
        elif isinstance(self.one_page, GenerationOptionsOnePageType1):
            one_page = self.one_page.value
        else:
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

        def _parse_one_page(data: object) -> bool | GenerationOptionsOnePageType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                one_page_type_1 = GenerationOptionsOnePageType1(data)

                return one_page_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | GenerationOptionsOnePageType1 | Unset, data)

        one_page = _parse_one_page(d.pop("one_page", UNSET))

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
