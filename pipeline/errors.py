"""Errors a stage raises, split by what the caller should do about them."""


class StageError(Exception):
    """A stage cannot finish with these inputs; retrying will not help."""


class TransientError(Exception):
    """A dependency failed in a way that may pass (rate limit, timeout, 5xx): retry later.

    ``retry_after`` is the dependency's own hint in seconds, when it gave one.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
