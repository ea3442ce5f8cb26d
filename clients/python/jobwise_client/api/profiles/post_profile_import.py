from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.json_resume import JsonResume
from ...models.problem import Problem
from ...models.profile_import import ProfileImport
from ...types import Response


def _get_kwargs(
    *,
    body: JsonResume,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/profiles/import",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProfileImport:
    if response.status_code == 201:
        response_201 = ProfileImport.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | ProfileImport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: JsonResume,
) -> Response[Problem | ProfileImport]:
    """Create a profile from a JSON Resume (v1) document; extension fields are kept.

     A JSON Resume 0.x document (``work[].company``, ``website``, ``gpa``, ...) is read with those keys
    moved to their v1 names, and ``warnings`` lists each renamed key.

    Args:
        body (JsonResume):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProfileImport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: JsonResume,
) -> Problem | ProfileImport | None:
    """Create a profile from a JSON Resume (v1) document; extension fields are kept.

     A JSON Resume 0.x document (``work[].company``, ``website``, ``gpa``, ...) is read with those keys
    moved to their v1 names, and ``warnings`` lists each renamed key.

    Args:
        body (JsonResume):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProfileImport
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: JsonResume,
) -> Response[Problem | ProfileImport]:
    """Create a profile from a JSON Resume (v1) document; extension fields are kept.

     A JSON Resume 0.x document (``work[].company``, ``website``, ``gpa``, ...) is read with those keys
    moved to their v1 names, and ``warnings`` lists each renamed key.

    Args:
        body (JsonResume):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProfileImport]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: JsonResume,
) -> Problem | ProfileImport | None:
    """Create a profile from a JSON Resume (v1) document; extension fields are kept.

     A JSON Resume 0.x document (``work[].company``, ``website``, ``gpa``, ...) is read with those keys
    moved to their v1 names, and ``warnings`` lists each renamed key.

    Args:
        body (JsonResume):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProfileImport
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
