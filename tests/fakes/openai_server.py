"""A small OpenAI-compatible chat completions server for tests and benchmarks: real HTTP on 127.0.0.1.

Answers ``POST /v1/chat/completions``. What it answers is scripted per API key or per model name (the
request's ``model`` field): queued ``Reply`` objects are used first, one per request, then the ``respond``
function gives the content. Every request is recorded with the prompt it carries (read from the system
message's "(prompt NAME.vN)" marker), the API key it was sent with and when it arrived, so tests can
count calls per stage and see exactly what reached the "provider".
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_PROMPT = re.compile(r"\(prompt ([\w-]+)\.v\d+\)")


@dataclass(frozen=True)
class Reply:
    """One scripted answer: an HTTP error status, a raw content string, a delay, extra headers."""

    status: int = 200
    content: str | None = None  # None: ask ``respond``
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    model: str
    prompt: str  # "analyze_job", "write_resume", ... or "" when the marker is missing
    api_key: str
    messages: list[dict[str, Any]]
    body: dict[str, Any]
    at: float

    @property
    def system(self) -> str:
        return next((m["content"] for m in self.messages if m["role"] == "system"), "")

    @property
    def user(self) -> str:
        return "\n".join(m["content"] for m in self.messages if m["role"] == "user")


Responder = Callable[[Request], Any]  # returns a dict (sent as JSON) or a string (sent as is)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout, a killed worker) is expected here: no traceback."""


class FakeOpenAI:
    def __init__(self, respond: Responder | None = None) -> None:
        self.respond: Responder = respond or (lambda _request: {})
        self.latency: dict[str, float] = defaultdict(float)  # seconds per model, on every request
        self.requests: list[Request] = []
        self._script: dict[str, deque[Reply]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def script(self, target: str, *replies: Reply) -> None:
        """Queue ``replies`` for the next requests with ``target`` as API key or model, in order."""
        with self._lock:
            self._script[target].extend(replies)

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()
            self.latency.clear()

    def calls(self, prompt: str | None = None, model: str | None = None) -> list[Request]:
        with self._lock:
            return [
                r
                for r in self.requests
                if (prompt is None or r.prompt == prompt) and (model is None or r.model == model)
            ]

    def _next(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            for target in (request.api_key, request.model):
                if self._script.get(target):
                    return self._script[target].popleft()
            return Reply()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                messages = body.get("messages", [])
                system = next((m.get("content", "") for m in messages if m.get("role") == "system"), "")
                marker = _PROMPT.search(system if isinstance(system, str) else "")
                request = Request(
                    model=body.get("model", ""),
                    prompt=marker.group(1) if marker else "",
                    api_key=self.headers.get("Authorization", "").removeprefix("Bearer "),
                    messages=messages,
                    body=body,
                    at=time.monotonic(),
                )
                reply = fake._next(request)
                time.sleep(fake.latency[request.model] + reply.delay)
                if reply.status != 200:
                    error = {"error": {"message": f"fake error {reply.status}", "type": "fake", "code": None}}
                    self._send(reply.status, error, reply.headers)
                    return
                content = reply.content
                if content is None:
                    answer = fake.respond(request)
                    content = answer if isinstance(answer, str) else json.dumps(answer)
                prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in messages)
                completion_tokens = len(content.split())
                self._send(
                    200,
                    {
                        "id": f"chatcmpl-fake-{len(fake.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": request.model,
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": content},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {
                            "prompt_tokens": prompt_tokens,
                            "completion_tokens": completion_tokens,
                            "total_tokens": prompt_tokens + completion_tokens,
                        },
                    },
                    reply.headers,
                )

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
