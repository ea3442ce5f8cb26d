"""Webhook targets and delivery: which URLs may receive events, and one signed attempt at a time.

Deliveries are signed per Standard Webhooks (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``:
``v1,`` + base64 HMAC-SHA256 over ``id.timestamp.body``) with the endpoint's secret, by the
``standardwebhooks`` package. An answer 2xx delivers; 410 Gone disables the endpoint; anything else
(another status, a timeout, a refused connection) is retried with exponential backoff: the n-th retry
waits ``JOBWISE_WEBHOOK_RETRY_BASE_S * 3 ** (n - 1)`` (30 s, 90 s, 4.5 min, ... about 9 hours over the
default 8 attempts), then the delivery is ``failed``.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import secrets
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx
import structlog
from sqlalchemy.orm import Session
from standardwebhooks import Webhook

from models.base import utcnow
from models.webhook import DELIVERED, FAILED, SKIPPED, lock_delivery

log = structlog.get_logger("jobwise.webhooks")
USER_AGENT = "JobWise-Webhooks/1.0"


class TargetRefusedError(ValueError):
    """The URL may not receive webhooks (scheme, or a private or loopback address)."""


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def check_target(url: str, allow_private: bool, resolve: bool = True) -> None:
    """Refuse URLs that are not http(s) or that point at private, loopback, link-local or reserved
    addresses (the server must not be a way into its own network), unless ``allow_private``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefusedError("Use an http or https URL with a host.")
    if parts.username or parts.password:
        raise TargetRefusedError("Credentials in the URL are not allowed; use the signature.")
    if allow_private:
        return
    host = parts.hostname
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        if host.lower() == "localhost" or host.lower().endswith(".localhost"):
            raise TargetRefusedError("Loopback targets are not allowed.") from None
        if not resolve:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
        except OSError:
            raise TargetRefusedError(f"The host {host} does not resolve.") from None
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            raise TargetRefusedError("Private, loopback, link-local and reserved addresses are not allowed.")


def retry_delay(attempts: int, base_s: float) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones."""
    return base_s * 3 ** (attempts - 1)


@dataclass(frozen=True)
class Outcome:
    status: str  # pending (retry later), delivered, failed, skipped
    retry_in: float | None = None


def sign(secret: str, delivery_id: uuid.UUID, when: datetime, body: str) -> dict[str, str]:
    msg_id = f"msg_{delivery_id.hex}"
    signature = Webhook(secret).sign(msg_id, when, body)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": signature,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def attempt(
    session: Session,
    delivery_id: uuid.UUID,
    *,
    allow_private: bool,
    retry_base_s: float,
    max_attempts: int,
    timeout_s: float,
) -> Outcome | None:
    """Send one pending delivery once and record the attempt; None when it is not pending (or is being
    sent by another worker). The row stays locked while sending, so two workers never send it twice."""
    found = lock_delivery(session, delivery_id)
    if found is None:
        return None
    delivery, endpoint = found
    now = utcnow()
    if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
        return None  # not due: a duplicate message, or the sweep ran before the retry's turn
    if not endpoint.enabled:
        delivery.status, delivery.next_attempt_at = SKIPPED, None
        delivery.last_error = "the endpoint is disabled"
        return Outcome(SKIPPED)
    delivery.attempts += 1
    body = json.dumps(delivery.payload, separators=(",", ":"))
    code: int | None = None
    error: str | None = None
    try:
        check_target(endpoint.url, allow_private)
        response = httpx.post(
            endpoint.url,
            content=body.encode(),
            headers=sign(endpoint.secret, delivery.id, now, body),
            timeout=timeout_s,
            follow_redirects=False,
        )
        code = response.status_code
    except TargetRefusedError as exc:
        error = str(exc)
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}"
    delivery.response_code = code
    if code is not None and 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DELIVERED, utcnow(), None
        delivery.last_error = None
        log.info("webhook_delivered", delivery_id=str(delivery.id), attempts=delivery.attempts)
        return Outcome(DELIVERED)
    if code == 410:  # Gone: the receiver asks us to stop
        endpoint.enabled, endpoint.disabled_reason = False, f"answered 410 Gone at {now.isoformat()}"
        delivery.status, delivery.next_attempt_at, delivery.last_error = FAILED, None, "410 Gone"
        log.warning("webhook_endpoint_disabled", endpoint_id=str(endpoint.id))
        return Outcome(FAILED)
    delivery.last_error = error or f"answered {code}"
    if delivery.attempts >= max_attempts:
        delivery.status, delivery.next_attempt_at = FAILED, None
        log.warning("webhook_gave_up", delivery_id=str(delivery.id), attempts=delivery.attempts)
        return Outcome(FAILED)
    delay = retry_delay(delivery.attempts, retry_base_s)
    delivery.next_attempt_at = now + timedelta(seconds=delay)
    log.info("webhook_retry", delivery_id=str(delivery.id), attempts=delivery.attempts, retry_in_s=delay)
    return Outcome("pending", retry_in=delay)
