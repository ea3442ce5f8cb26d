"""Celery glue: each task loads a generation by id, calls one pure pipeline stage, saves, passes the id on."""
