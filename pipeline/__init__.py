"""The five generation stages as pure functions: typed data in, typed data out.

Nothing here touches Flask, Celery, a database or the environment; everything a stage needs arrives
as an argument. ``workers`` loads inputs by id, calls a stage and saves its result.
"""
