"""Webhooks: endpoints that receive a signed POST when one of the caller's generations ends."""

from __future__ import annotations

import uuid
from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import abort

from api.auth.tokens import current_user_id, token_required
from api.blueprint import Blueprint
from api.extensions import db
from api.pagination import SelectPage
from api.webhooks.schemas import (
    WebhookDeliverySchema,
    WebhookEndpointPatchSchema,
    WebhookEndpointSchema,
    WebhookEndpointSecretSchema,
)
from models.webhook import WebhookEndpoint, list_deliveries, list_endpoints, owned_endpoint
from workers.webhooks import TargetRefusedError, check_target, new_secret

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks", description="Webhook endpoints")


def owned_or_404(endpoint_id: uuid.UUID) -> WebhookEndpoint:
    endpoint = owned_endpoint(db.session, current_user_id(), endpoint_id)
    if endpoint is None:
        abort(404, message="No such webhook endpoint.")
    return endpoint


def checked_url(url: str) -> str:
    try:
        # No DNS lookup here: the name is resolved and checked again at every delivery (it may change).
        check_target(url, current_app.config["JOBWISE_WEBHOOKS_ALLOW_PRIVATE"], resolve=False)
    except TargetRefusedError as exc:
        abort(422, message="This URL cannot receive webhooks.", errors={"url": [str(exc)]})
    return url


@blp.route("")
class Webhooks(MethodView):
    decorators = (token_required,)

    @blp.response(200, WebhookEndpointSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self) -> Any:
        """The caller's webhook endpoints, newest first (secrets are never shown again)."""
        return list_endpoints(current_user_id())

    @blp.arguments(WebhookEndpointSchema)
    @blp.response(201, WebhookEndpointSecretSchema)
    @blp.alt_response(422, description="Invalid fields, or a URL that may not receive webhooks")
    def post(self, data: dict[str, Any]) -> WebhookEndpoint:
        """Register an endpoint; the answer carries its signing secret, shown this once."""
        endpoint = WebhookEndpoint(
            owner_id=current_user_id(),
            url=checked_url(data["url"]),
            description=data.get("description"),
            enabled=data["enabled"],
            secret=new_secret(),
        )
        db.session.add(endpoint)
        db.session.commit()
        return endpoint


@blp.route("/<uuid:endpoint_id>")
class WebhookById(MethodView):
    decorators = (token_required,)

    @blp.response(200, WebhookEndpointSchema)
    @blp.alt_response(404, description="No such endpoint for this user")
    def get(self, endpoint_id: uuid.UUID) -> WebhookEndpoint:
        """One endpoint (without its secret)."""
        return owned_or_404(endpoint_id)

    @blp.arguments(WebhookEndpointPatchSchema)
    @blp.response(200, WebhookEndpointSchema)
    @blp.alt_response(404, description="No such endpoint for this user")
    @blp.alt_response(422, description="Invalid fields, or a URL that may not receive webhooks")
    def patch(self, data: dict[str, Any], endpoint_id: uuid.UUID) -> WebhookEndpoint:
        """Change the URL or description, or enable/disable the endpoint."""
        endpoint = owned_or_404(endpoint_id)
        if "url" in data:
            endpoint.url = checked_url(data["url"])
        if "description" in data:
            endpoint.description = data["description"]
        if "enabled" in data:
            endpoint.enabled = data["enabled"]
            if endpoint.enabled:
                endpoint.disabled_reason = None
        db.session.commit()
        return endpoint

    @blp.response(204)
    @blp.alt_response(404, description="No such endpoint for this user")
    def delete(self, endpoint_id: uuid.UUID) -> None:
        """Remove the endpoint and its delivery log."""
        db.session.delete(owned_or_404(endpoint_id))
        db.session.commit()


@blp.route("/<uuid:endpoint_id>/rotate")
class WebhookRotate(MethodView):
    decorators = (token_required,)

    @blp.response(200, WebhookEndpointSecretSchema)
    @blp.alt_response(404, description="No such endpoint for this user")
    def post(self, endpoint_id: uuid.UUID) -> WebhookEndpoint:
        """Replace the signing secret; the answer shows the new one, once. The old one stops at once."""
        endpoint = owned_or_404(endpoint_id)
        endpoint.secret = new_secret()
        db.session.commit()
        return endpoint


@blp.route("/<uuid:endpoint_id>/deliveries")
class WebhookDeliveries(MethodView):
    decorators = (token_required,)

    @blp.response(200, WebhookDeliverySchema(many=True))
    @blp.alt_response(404, description="No such endpoint for this user")
    @blp.paginate(SelectPage)
    def get(self, endpoint_id: uuid.UUID) -> Any:
        """The endpoint's delivery log, newest first: status, attempts, last answer, next attempt."""
        return list_deliveries(owned_or_404(endpoint_id).id)
