"""The CLI's token session against a refresh endpoint served over HTTP here, held open to order events."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from jobwise_cli.credentials import Credentials, CredentialStore
from jobwise_cli.session import TokenSession


class RefreshEndpoint:
    """``POST /api/v1/auth/refresh`` that answers only once ``release`` is set, with the next pair."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.spent: list[str] = []  # refresh tokens received, in order
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                endpoint.spent.append(body["refresh_token"])
                endpoint.release.wait(timeout=30)
                n = len(endpoint.spent)
                pair = {"access_token": f"a{n}", "refresh_token": f"r{n + 1}", "expires_in": 900}
                answer = json.dumps({**pair, "token_type": "Bearer"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def endpoint() -> Iterator[RefreshEndpoint]:
    served = RefreshEndpoint()
    yield served
    served.release.set()
    served.server.shutdown()
    served.server.server_close()


def test_freeze_waits_for_the_refresh_in_flight_to_be_saved_and_lets_no_other_start(tmp_path, endpoint):
    """Ctrl-C during a refresh: the batch exits at once after ``freeze``. The refresh in flight must end
    and its new refresh token be saved first, or the next run would spend the old one a second time (which
    revokes the login); after ``freeze`` no refresh starts."""
    store = CredentialStore(tmp_path / "config")
    store.save(Credentials(server=endpoint.url, email="a@example.com", refresh_token="r1"))  # no access token
    session = TokenSession(store)
    refreshing = threading.Thread(target=session.access_token, daemon=True)
    refreshing.start()
    while not endpoint.spent:  # the refresh has reached the server and waits for its answer
        refreshing.join(timeout=0.01)

    frozen: list[bool] = []
    freezing = threading.Thread(target=lambda: frozen.append(session.freeze(timeout_s=10)), daemon=True)
    freezing.start()
    freezing.join(timeout=0.5)
    assert freezing.is_alive(), "freeze returned while the refresh was still in flight"

    endpoint.release.set()
    freezing.join(timeout=10)
    assert frozen == [True]
    assert store.load().refresh_token == "r2"  # the successor was saved before freeze returned

    store.save(Credentials(server=endpoint.url, email="a@example.com", refresh_token="r2"))  # expired again
    late = threading.Thread(target=session.access_token, daemon=True)
    late.start()
    late.join(timeout=0.5)
    assert late.is_alive() and endpoint.spent == ["r1"]  # no second refresh once frozen


def test_freeze_gives_up_when_the_refresh_in_flight_does_not_end(tmp_path, endpoint):
    store = CredentialStore(tmp_path / "config")
    store.save(Credentials(server=endpoint.url, email="a@example.com", refresh_token="r1"))
    session = TokenSession(store)
    threading.Thread(target=session.access_token, daemon=True).start()
    while not endpoint.spent:
        threading.Event().wait(0.01)

    assert session.freeze(timeout_s=0.3) is False
