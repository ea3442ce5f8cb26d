from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.get_generation_events_response_200 import GetGenerationEventsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    generation_id: UUID,
    *,
    last_event_id: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = str(last_event_id)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/generations/{generation_id}/events".format(
            generation_id=quote(str(generation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetGenerationEventsResponse200 | Problem:
    if response.status_code == 200:
        response_200 = GetGenerationEventsResponse200.from_dict(response.text)

        return response_200

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
) -> Response[GetGenerationEventsResponse200 | Problem]:
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
    last_event_id: int | Unset = UNSET,
) -> Response[GetGenerationEventsResponse200 | Problem]:
    """Follow a generation as a stream of status events (an EventSource), resumable.

    Args:
        generation_id (UUID):
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGenerationEventsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: int | Unset = UNSET,
) -> GetGenerationEventsResponse200 | Problem | None:
    """Follow a generation as a stream of status events (an EventSource), resumable.

    Args:
        generation_id (UUID):
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGenerationEventsResponse200 | Problem
    """

    return sync_detailed(
        generation_id=generation_id,
        client=client,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: int | Unset = UNSET,
) -> Response[GetGenerationEventsResponse200 | Problem]:
    """Follow a generation as a stream of status events (an EventSource), resumable.

    Args:
        generation_id (UUID):
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetGenerationEventsResponse200 | Problem]
    """

    kwargs = _get_kwargs(
        generation_id=generation_id,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    generation_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: int | Unset = UNSET,
) -> GetGenerationEventsResponse200 | Problem | None:
    """Follow a generation as a stream of status events (an EventSource), resumable.

    Args:
        generation_id (UUID):
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetGenerationEventsResponse200 | Problem
    """

    return (
        await asyncio_detailed(
            generation_id=generation_id,
            client=client,
            last_event_id=last_event_id,
        )
    ).parsed
