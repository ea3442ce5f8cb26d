"""Webhook endpoint and delivery bodies."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from api.schemas import BaseSchema, StrictBoolean

URL_FIELD = {
    "validate": validate.Length(min=1, max=2000),
    "metadata": {"example": "https://example.com/hooks/jobwise"},
}


class WebhookEndpointSchema(BaseSchema):
    id = ma.fields.UUID(dump_only=True)
    url = ma.fields.String(required=True, **URL_FIELD)
    description = ma.fields.String(validate=validate.Length(max=500), allow_none=True)
    enabled = StrictBoolean(load_default=True)
    disabled_reason = ma.fields.String(
        dump_only=True, allow_none=True, metadata={"description": "Why the server disabled it (a 410 answer)"}
    )
    created_at = ma.fields.DateTime(dump_only=True)
    updated_at = ma.fields.DateTime(dump_only=True)


class WebhookEndpointSecretSchema(WebhookEndpointSchema):
    secret = ma.fields.String(
        dump_only=True,
        metadata={"description": "Signing secret (whsec_...): shown only now; store it to verify deliveries"},
    )


class WebhookEndpointPatchSchema(BaseSchema):
    url = ma.fields.String(**URL_FIELD)
    description = ma.fields.String(validate=validate.Length(max=500), allow_none=True)
    enabled = StrictBoolean(metadata={"description": "true re-enables an endpoint the server disabled"})


class WebhookDeliverySchema(BaseSchema):
    id = ma.fields.UUID()
    event = ma.fields.String(metadata={"description": "generation.succeeded, generation.failed, ..."})
    status = ma.fields.String(metadata={"description": "pending, delivered, failed or skipped"})
    attempts = ma.fields.Integer()
    response_code = ma.fields.Integer(allow_none=True)
    last_error = ma.fields.String(allow_none=True)
    next_attempt_at = ma.fields.DateTime(allow_none=True)
    delivered_at = ma.fields.DateTime(allow_none=True)
    created_at = ma.fields.DateTime()
    payload = ma.fields.Dict(metadata={"description": "The body sent"})
