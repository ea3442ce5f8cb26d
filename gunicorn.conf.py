"""gunicorn's settings, read by every ``gunicorn wsgi:app`` started in the project folder.

That is the Procfile's ``web`` process and also a platform's default start command, so both bind the port
the platform assigns (``PORT``) and run ``WEB_CONCURRENCY`` processes, as Heroku-style platforms expect.
The values come from ``settings`` (typed, ``.env`` included); command-line flags still override them.

Worker class: gevent (``WEB_WORKER_CLASS``). A client waiting on a long-poll (``?wait=``) or an SSE stream
(``/generations/{id}/events``) is then a greenlet parked on an Event, woken by the process's one LISTEN
connection (api/announcements.py), instead of an OS thread each: 1,000 waiters fit in one process. gevent
patches the standard library when the worker starts; psycopg2 is a C extension, so psycogreen makes its
waits cooperative too (``post_fork``). ``gthread`` remains available (``WEB_WORKER_CLASS=gthread``).

gunicorn also refuses some requests before the app sees them: a request line longer than
``limit_request_line`` (414), a header longer than ``limit_request_field_size`` or too many headers (431),
a malformed request (400). It answers those with an HTML page from ``gunicorn.util.write_error``; this file
replaces that function, so the same status goes out as ``application/problem+json``. The limits stay
gunicorn's defaults (4094-byte request line, 8190-byte header, 100 headers). tests/contract/test_gunicorn.py
checks the answers.
"""

import json

from gunicorn import util

from settings import settings

bind = [f"0.0.0.0:{settings.port}"]
workers = settings.web_concurrency
worker_class = settings.web_worker_class
threads = settings.web_threads  # gthread only: a long-polling client holds one thread for up to 30 s
worker_connections = settings.web_connections  # gevent only: concurrent clients per process
timeout = 60
# Platforms send SIGTERM, then SIGKILL after about 30 s (Heroku): finish in-flight requests before that.
graceful_timeout = 25
# No gunicorn access log: the app writes one JSON line per request, with its request id (api/observability).


def post_fork(server, worker):  # gunicorn hook: in each worker process, before the app is loaded
    if worker_class == "gevent":
        from psycogreen.gevent import patch_psycopg

        patch_psycopg()


DETAILS = {
    400: "The request is not valid HTTP.",
    414: "The request line (method, path and query) is longer than the server accepts.",
    417: "The Expect header asks for something the server does not do.",
    431: "A request header is too long, or there are too many headers.",
    501: "The request uses a transfer coding the server does not support.",
}


def write_problem(sock, status_int, reason, mesg):  # same signature as gunicorn.util.write_error
    slug = reason.lower().replace(" ", "-").replace("'", "")
    body = json.dumps(
        {
            "type": f"urn:jobwise:problem:{slug}",
            "title": reason,
            "status": status_int,
            "detail": DETAILS.get(status_int, reason),
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/problem+json\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


util.write_error = write_problem
