"""Webhooks end to end: a receiver started here, a real worker, signatures checked by standardwebhooks."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from api import create_app
from settings import settings
from tests.conftest import make_config, register
from tests.integration.conftest import wait_until_final
from tests.integration.test_pipeline import submit

pytestmark = pytest.mark.integration


class Receiver:
    """Answers each path with a scripted list of statuses (the last one repeats) and records requests."""

    def __init__(self, script: dict[str, list[int]]) -> None:
        self.script = script
        self.received: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                statuses = receiver.script[self.path]
                status = statuses.pop(0) if len(statuses) > 1 else statuses[0]
                receiver.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver({"/flaky": [500, 200], "/gone": [410]})
    yield server
    server.close()


@pytest.fixture
def hooks_client(database_url, celery_worker, monkeypatch):
    monkeypatch.setattr(settings, "jobwise_webhooks_allow_private", True)
    monkeypatch.setattr(settings, "jobwise_webhook_retry_base_s", 0.5)
    return create_app(make_config(database_url, JOBWISE_WEBHOOKS_ALLOW_PRIVATE=True)).test_client()


def eventually(check, timeout_s: float = 90, state=lambda: ""):
    """``check()``'s first true answer within ``timeout_s``; on timeout the failure shows ``state()``."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"condition not met in time; {state()}"
        time.sleep(0.2)


def test_deliveries_are_signed_retried_after_500_and_410_disables(hooks_client, receiver):
    auth = register(hooks_client)
    created = {}
    for path in ("/flaky", "/gone"):
        response = hooks_client.post(
            "/api/v1/webhooks", json={"url": receiver.url + path, "description": path}, headers=auth
        )
        assert response.status_code == 201, response.get_json()
        created[path] = response.get_json()
        assert created[path]["secret"].startswith("whsec_")
    listed = hooks_client.get("/api/v1/webhooks", headers=auth).get_json()
    assert {e["url"] for e in listed} == {receiver.url + "/flaky", receiver.url + "/gone"}
    assert all("secret" not in e for e in listed)  # shown once

    accepted = submit(hooks_client, auth)
    generation, _ = wait_until_final(hooks_client, auth, accepted["id"])
    assert generation["status"] == "succeeded", generation["error"]

    def deliveries(path: str) -> list[dict]:
        url = f"/api/v1/webhooks/{created[path]['id']}/deliveries"
        return hooks_client.get(url, headers=auth).get_json()

    def with_status(path: str, status: str) -> list[dict]:
        return [d for d in deliveries(path) if d["status"] == status]

    def state() -> str:  # what to look at when a wait times out
        logged = {path: deliveries(path) for path in created}
        received = [(r["path"], r["headers"].get("webhook-id")) for r in receiver.received]
        return f"deliveries {logged}; the receiver got {received}"

    flaky = eventually(lambda: with_status("/flaky", "delivered"), state=state)[0]
    assert flaky["attempts"] == 2 and flaky["response_code"] == 200
    assert flaky["event"] == "generation.succeeded"
    assert flaky["payload"]["data"]["id"] == accepted["id"]
    gone = eventually(lambda: with_status("/gone", "failed"), state=state)[0]
    assert gone["attempts"] == 1 and gone["response_code"] == 410
    endpoint = hooks_client.get(f"/api/v1/webhooks/{created['/gone']['id']}", headers=auth).get_json()
    assert endpoint["enabled"] is False and "410" in endpoint["disabled_reason"]

    # Every request verifies with the endpoint's secret (standardwebhooks, not our signer), and not with
    # another secret; the retry is the same message (same webhook-id).
    flaky_requests = [r for r in receiver.received if r["path"] == "/flaky"]
    assert len(flaky_requests) == 2
    for request in flaky_requests:
        headers = {k.lower(): v for k, v in request["headers"].items()}
        payload = Webhook(created["/flaky"]["secret"]).verify(request["body"], headers)
        assert payload["type"] == "generation.succeeded"
        with pytest.raises(WebhookVerificationError):
            Webhook(created["/gone"]["secret"]).verify(request["body"], headers)
    assert len({r["headers"]["webhook-id"] for r in flaky_requests}) == 1
    assert json.loads(flaky_requests[0]["body"])["data"]["status"] == "succeeded"

    # A disabled endpoint gets nothing from the next generation; the enabled one does.
    second = submit(hooks_client, auth)
    wait_until_final(hooks_client, auth, second["id"])
    eventually(lambda: len(with_status("/flaky", "delivered")) == 2, state=state)
    assert len(deliveries("/gone")) == 1

    # Rotation: a new secret, shown once.
    rotated = hooks_client.post(f"/api/v1/webhooks/{created['/flaky']['id']}/rotate", headers=auth)
    assert rotated.status_code == 200
    assert rotated.get_json()["secret"] not in (created["/flaky"]["secret"], None)


def test_private_targets_are_refused_by_default(client, auth):
    for url in (
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "ftp://a.example/x",
    ):
        response = client.post("/api/v1/webhooks", json={"url": url}, headers=auth)
        assert response.status_code == 422, url
        assert "url" in response.get_json()["errors"]


def test_endpoints_are_private_to_their_owner(client, auth, other_auth, monkeypatch):
    client.application.config["JOBWISE_WEBHOOKS_ALLOW_PRIVATE"] = True
    endpoint = client.post("/api/v1/webhooks", json={"url": "http://127.0.0.1:9/x"}, headers=auth).get_json()
    path = f"/api/v1/webhooks/{endpoint['id']}"
    assert client.get(path, headers=other_auth).status_code == 404
    assert client.get(f"{path}/deliveries", headers=other_auth).status_code == 404
    assert client.post(f"{path}/rotate", headers=other_auth).status_code == 404
    assert client.delete(path, headers=other_auth).status_code == 404
    patched = client.patch(path, json={"enabled": False, "description": "paused"}, headers=auth)
    assert patched.get_json()["enabled"] is False
    assert client.delete(path, headers=auth).status_code == 204
    assert client.get(path, headers=auth).status_code == 404
