"""Amazon Pinpoint (rest-json, signing name ``mobiletargeting``): SendUsersMessages,
SendMessages and the endpoint operations."""

from __future__ import annotations

from ...wire import error_response
from ..base import Service
from .endpoints import (
    delete_endpoint,
    delete_user_endpoints,
    endpoint_response,
    get_endpoint,
    get_user_endpoints,
    update_endpoint,
    update_endpoints_batch,
)
from .routes import ROUTES, model_operation
from .send import send_messages, send_users_messages

SERVICE = Service(
    name="pinpoint",
    prefix="pinpoint",
    title="Pinpoint",
    routes=ROUTES,
    operations={
        "SendUsersMessages": send_users_messages,
        "SendMessages": send_messages,
        "UpdateEndpoint": update_endpoint,
        "UpdateEndpointsBatch": update_endpoints_batch,
        "GetEndpoint": get_endpoint,
        "GetUserEndpoints": get_user_endpoints,
        "DeleteEndpoint": delete_endpoint,
        "DeleteUserEndpoints": delete_user_endpoints,
    },
    error=error_response,
    model_operation=model_operation,
)

__all__ = ["SERVICE", "endpoint_response"]
