"""gunicorn's settings, read by every ``gunicorn wsgi:app`` started in the project folder.

That is the Procfile's ``web`` process and also a platform's default start command, so both bind the port
the platform assigns (``PORT``) and run ``WEB_CONCURRENCY`` processes, as Heroku-style platforms expect.
The values come from ``settings`` (typed, ``.env`` included); command-line flags still override them.
"""

from settings import settings

bind = [f"0.0.0.0:{settings.port}"]
workers = settings.web_concurrency
worker_class = "gthread"
threads = settings.web_threads  # a long-polling client holds one thread for up to 30 s
timeout = 60
# Platforms send SIGTERM, then SIGKILL after about 30 s (Heroku): finish in-flight requests before that.
graceful_timeout = 25
# No gunicorn access log: the app writes one JSON line per request, with its request id (api/observability).
