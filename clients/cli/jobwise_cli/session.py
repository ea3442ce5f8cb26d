"""A logged-in session: the generated client with an access token that is always fresh.

Every request goes through ``jobwise_client``'s typed functions; tokens are put on each request by an
``httpx.Auth`` flow, which refreshes the access token shortly before it expires and, on a 401, refreshes
once and sends the request again. Refreshes are serialized (threads and processes, see credentials.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator, Iterable
from http import HTTPStatus
from typing import Any

import httpx
from jobwise_client import Client
from jobwise_client.api.auth import post_login, post_refresh
from jobwise_client.models import Login, Problem, Refresh, Token
from jobwise_client.types import Response, Unset

from jobwise_cli.credentials import Credentials, CredentialStore

TIMEOUT = httpx.Timeout(60.0, connect=10.0)  # a long-poll waits up to 30 s on the server
EARLY_REFRESH_MAX_S = 60.0  # refresh this long before expiry (less for short-lived tokens)


class ApiError(Exception):
    """An answer the command cannot go on with; the message is the problem's title and detail."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class NotLoggedInError(ApiError):
    pass


def describe(response: Response[Any]) -> str:
    parsed = response.parsed
    status = int(response.status_code)
    if isinstance(parsed, Problem):
        detail = parsed.detail if isinstance(parsed.detail, str) else ""
        errors = parsed.errors.to_dict() if not isinstance(parsed.errors, Unset) else {}
        fields = "; ".join(f"{name}: {' '.join(map(str, messages))}" for name, messages in errors.items())
        title = parsed.title if isinstance(parsed.title, str) else HTTPStatus(status).phrase
        return f"{status} {title}" + (f": {detail}" if detail else "") + (f" ({fields})" if fields else "")
    return f"{status} {HTTPStatus(status).phrase}"


def expect(response: Response[Any], statuses: Iterable[int], what: str) -> Any:
    """The parsed body when the status is one of ``statuses``; otherwise an ApiError naming ``what``."""
    if int(response.status_code) in set(statuses):
        return response.parsed
    raise ApiError(f"{what}: {describe(response)}", int(response.status_code))


def anonymous(server: str) -> Client:
    return Client(base_url=server, timeout=TIMEOUT, raise_on_unexpected_status=False)


def login(store: CredentialStore, server: str, email: str, password: str) -> Credentials:
    with anonymous(server) as client:
        response = post_login.sync_detailed(client=client, body=Login(email=email, password=password))
    token = expect(response, [200], "login")
    credentials = _credentials(server, email, token, time.time())
    with store.locked():
        store.save(credentials)
    return credentials


def _credentials(server: str, email: str, token: Token, issued_at: float) -> Credentials:
    return Credentials(
        server=server,
        email=email,
        refresh_token=token.refresh_token,
        access_token=token.access_token,
        access_expires_at=issued_at + token.expires_in,
        access_lifetime_s=float(token.expires_in),
    )


class TokenSession:
    """The stored login of this user; ``access_token()`` is valid for a while yet."""

    def __init__(self, store: CredentialStore) -> None:
        credentials = store.load()
        if credentials is None:
            raise NotLoggedInError("not logged in: run `jobwise login` first")
        self.store = store
        self.server = credentials.server
        self.email = credentials.email
        self._credentials = credentials
        self._rejected = ""  # an access token the server answered 401 to
        self._lock = threading.Lock()
        self.refreshes = 0

    def _usable(self, credentials: Credentials) -> bool:
        margin = min(EARLY_REFRESH_MAX_S, credentials.access_lifetime_s / 4)
        return (
            bool(credentials.access_token)
            and credentials.access_token != self._rejected
            and credentials.access_expires_at - time.time() > margin
        )

    def access_token(self) -> str:
        with self._lock:
            if self._usable(self._credentials):
                return self._credentials.access_token
            with self.store.locked():
                newest = self.store.load()  # another process may have refreshed already
                if newest is None or newest.server != self.server:
                    raise NotLoggedInError("logged out meanwhile: run `jobwise login` again")
                if not self._usable(newest):
                    newest = self._refresh(newest)
                    self.store.save(newest)
                self._credentials = newest
            return newest.access_token

    def freeze(self, timeout_s: float) -> bool:
        """Let a refresh in flight end and be saved, then start no other; for a process about to exit at
        once (Ctrl-C). A refresh cut short leaves the server holding a spent refresh token whose successor
        was never saved, and the next run's refresh would revoke the login (a token spent twice). False
        when the refresh in flight did not end within ``timeout_s``."""
        return self._lock.acquire(timeout=timeout_s)

    def rejected(self, token: str) -> None:
        """The server answered 401 to ``token``: do not send it again."""
        with self._lock:
            self._rejected = token

    def _refresh(self, credentials: Credentials) -> Credentials:
        issued_at = time.time()
        with anonymous(self.server) as client:
            response = post_refresh.sync_detailed(
                client=client, body=Refresh(refresh_token=credentials.refresh_token)
            )
        if int(response.status_code) == 401:
            self.store.delete()
            raise NotLoggedInError("the login has expired or was revoked: run `jobwise login` again", 401)
        token = expect(response, [200], "refresh")
        self.refreshes += 1
        return _credentials(credentials.server, credentials.email, token, issued_at)

    def client(self) -> Client:
        """The generated client, authenticating every request through this session."""
        return Client(
            base_url=self.server,
            timeout=TIMEOUT,
            raise_on_unexpected_status=False,
            httpx_args={"auth": BearerAuth(self)},
        )

    def forget(self) -> None:
        self.store.delete()


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer`` with the session's token; one refresh and retry on a 401."""

    requires_request_body = True  # the request is sent again after a 401

    def __init__(self, session: TokenSession) -> None:
        self.session = session

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.session.access_token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            self.session.rejected(token)
            request.headers["Authorization"] = f"Bearer {self.session.access_token()}"
            yield request
