from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.generation import Generation
from ...models.get_generation_include_item import GetGenerationIncludeItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    generation_id: UUID,
    *,
    wait: int | Unset = 0,
    include: list[GetGenerationIncludeItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["wait"] = wait

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item = include_item_data.value
            json_include.append(include_item)

    params["include"] = json_include

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/generations/{generation_id}".format(
            generation_id=quote(str(generation_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Generation | Problem:
    if response.status_code == 200:
        response_200 = Generation.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Generation | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: int | Unset = 0,
    include: list[GetGenerationIncludeItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Generation | Problem]:
    """Status, progress, score and documents (about 1 KB). The ETag is the generation's version;
    Retry-After until the end.

     With ``?wait=N`` (N at most 30) the answer is held until the generation changes (from the version
    in If-None-Match, or from now) or N seconds pass. ``?include=report,stages`` adds the ATS report
    and the stages (API 1.0's shape); they also have their own resources.

    Args:
        generation_id (UUID):
        wait (int | Unset):  Default: 0.
        include (list[GetGenerationIncludeItem] | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Generation | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        wait=wait,
        include=include,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: int | Unset = 0,
    include: list[GetGenerationIncludeItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Generation | Problem | None:
    """Status, progress, score and documents (about 1 KB). The ETag is the generation's version;
    Retry-After until the end.

     With ``?wait=N`` (N at most 30) the answer is held until the generation changes (from the version
    in If-None-Match, or from now) or N seconds pass. ``?include=report,stages`` adds the ATS report
    and the stages (API 1.0's shape); they also have their own resources.

    Args:
        generation_id (UUID):
        wait (int | Unset):  Default: 0.
        include (list[GetGenerationIncludeItem] | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Generation | Problem
    """

    return sync_detailed(
        generation_id=generation_id,
        client=client,
        wait=wait,
        include=include,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: int | Unset = 0,
    include: list[GetGenerationIncludeItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Generation | Problem]:
    """Status, progress, score and documents (about 1 KB). The ETag is the generation's version;
    Retry-After until the end.

     With ``?wait=N`` (N at most 30) the answer is held until the generation changes (from the version
    in If-None-Match, or from now) or N seconds pass. ``?include=report,stages`` adds the ATS report
    and the stages (API 1.0's shape); they also have their own resources.

    Args:
        generation_id (UUID):
        wait (int | Unset):  Default: 0.
        include (list[GetGenerationIncludeItem] | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Generation | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        wait=wait,
        include=include,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    wait: int | Unset = 0,
    include: list[GetGenerationIncludeItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Generation | Problem | None:
    """Status, progress, score and documents (about 1 KB). The ETag is the generation's version;
    Retry-After until the end.

     With ``?wait=N`` (N at most 30) the answer is held until the generation changes (from the version
    in If-None-Match, or from now) or N seconds pass. ``?include=report,stages`` adds the ATS report
    and the stages (API 1.0's shape); they also have their own resources.

    Args:
        generation_id (UUID):
        wait (int | Unset):  Default: 0.
        include (list[GetGenerationIncludeItem] | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Generation | Problem
    """

    return (
        await asyncio_detailed(
            generation_id=generation_id,
            client=client,
            wait=wait,
            include=include,
            if_none_match=if_none_match,
        )
    ).parsed
