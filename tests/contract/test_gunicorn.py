"""What a client sees from the real server (gunicorn as the Procfile runs it), not from the test client."""

from __future__ import annotations

import http.client
import json
import socket
from urllib.parse import urlsplit

import pytest

PROBLEM = "application/problem+json"


def connect(live_server: str) -> http.client.HTTPConnection:
    address = urlsplit(live_server)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=30)


def raw_exchange(live_server: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are; the status, headers (lower-case names) and body of the answer."""
    address = urlsplit(live_server)
    with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (h.partition(":") for h in header_lines)}
    return int(status_line.split()[1]), headers, body


def test_a_request_line_over_the_limit_is_a_414_problem(live_server):
    path = "/api/v1/jobs?q=" + "x" * 5000
    status, headers, body = raw_exchange(live_server, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert status == 414
    assert headers["content-type"] == PROBLEM
    assert headers["x-content-type-options"] == "nosniff"
    assert json.loads(body)["status"] == 414


def test_a_header_over_the_limit_is_a_431_problem(live_server):
    request = f"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {'y' * 9000}\r\n\r\n".encode()
    status, headers, body = raw_exchange(live_server, request)
    assert status == 431
    assert headers["content-type"] == PROBLEM
    assert json.loads(body)["title"] == "Request Header Fields Too Large"


def test_malformed_http_is_a_400_problem(live_server):
    status, headers, body = raw_exchange(
        live_server, b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
    )
    assert status == 400
    assert headers["content-type"] == PROBLEM
    assert json.loads(body)["status"] == 400


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_two_megabyte_body_is_413_however_it_is_sent(live_server, chunked):
    body = b'{"email": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    connection = connect(live_server)
    if chunked:
        connection.putrequest("POST", "/api/v1/auth/login")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        for start in range(0, len(body), 65536):
            piece = body[start : start + 65536]
            connection.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        connection.send(b"0\r\n\r\n")
    else:
        connection.request(
            "POST", "/api/v1/auth/login", body=body, headers={"Content-Type": "application/json"}
        )
    response = connection.getresponse()
    assert response.status == 413
    assert response.getheader("Content-Type") == PROBLEM
    assert json.loads(response.read())["status"] == 413


def test_every_answer_says_nosniff(live_server):
    connection = connect(live_server)
    for path in ("/healthz", "/api/v1/auth/me", "/nowhere"):
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
