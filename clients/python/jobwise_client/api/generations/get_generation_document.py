from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.get_generation_document_format import GetGenerationDocumentFormat
from ...models.get_generation_document_kind import GetGenerationDocumentKind
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    generation_id: UUID,
    kind: GetGenerationDocumentKind,
    *,
    format_: GetGenerationDocumentFormat | Unset = GetGenerationDocumentFormat.PDF,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/generations/{generation_id}/documents/{kind}".format(
            generation_id=quote(str(generation_id), safe=""),
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | File | Problem:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[Any | File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    generation_id: UUID,
    kind: GetGenerationDocumentKind,
    *,
    client: AuthenticatedClient | Client,
    format_: GetGenerationDocumentFormat | Unset = GetGenerationDocumentFormat.PDF,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Download the resume or cover letter (kind ``resume`` or ``cover_letter``).

    Args:
        generation_id (UUID):
        kind (GetGenerationDocumentKind):
        format_ (GetGenerationDocumentFormat | Unset):  Default: GetGenerationDocumentFormat.PDF.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        kind=kind,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    generation_id: UUID,
    kind: GetGenerationDocumentKind,
    *,
    client: AuthenticatedClient | Client,
    format_: GetGenerationDocumentFormat | Unset = GetGenerationDocumentFormat.PDF,
    if_none_match: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Download the resume or cover letter (kind ``resume`` or ``cover_letter``).

    Args:
        generation_id (UUID):
        kind (GetGenerationDocumentKind):
        format_ (GetGenerationDocumentFormat | Unset):  Default: GetGenerationDocumentFormat.PDF.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        generation_id=generation_id,
        kind=kind,
        client=client,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    generation_id: UUID,
    kind: GetGenerationDocumentKind,
    *,
    client: AuthenticatedClient | Client,
    format_: GetGenerationDocumentFormat | Unset = GetGenerationDocumentFormat.PDF,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Download the resume or cover letter (kind ``resume`` or ``cover_letter``).

    Args:
        generation_id (UUID):
        kind (GetGenerationDocumentKind):
        format_ (GetGenerationDocumentFormat | Unset):  Default: GetGenerationDocumentFormat.PDF.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        kind=kind,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    generation_id: UUID,
    kind: GetGenerationDocumentKind,
    *,
    client: AuthenticatedClient | Client,
    format_: GetGenerationDocumentFormat | Unset = GetGenerationDocumentFormat.PDF,
    if_none_match: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Download the resume or cover letter (kind ``resume`` or ``cover_letter``).

    Args:
        generation_id (UUID):
        kind (GetGenerationDocumentKind):
        format_ (GetGenerationDocumentFormat | Unset):  Default: GetGenerationDocumentFormat.PDF.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            generation_id=generation_id,
            kind=kind,
            client=client,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed
