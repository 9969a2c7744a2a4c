"""Amazon Pinpoint (rest-json, signing name ``mobiletargeting``): SendUsersMessages,
SendMessages, the endpoint operations, apps, channels, PhoneNumberValidate, OTP and the message
template API."""

from __future__ import annotations

from ...wire import error_response
from ..base import Service
from .apps import create_app, delete_app, get_app, get_apps
from .channels import OPERATIONS as CHANNEL_OPERATIONS
from .endpoints import (
    delete_endpoint,
    delete_user_endpoints,
    endpoint_response,
    get_endpoint,
    get_user_endpoints,
    update_endpoint,
    update_endpoints_batch,
)
from .otp import send_otp_message, verify_otp_message
from .phone import phone_number_validate
from .retired import RETIREMENT
from .routes import ROUTES, model_operation
from .send import send_messages, send_users_messages
from .templates_api import OPERATIONS as TEMPLATE_OPERATIONS

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
        "CreateApp": create_app,
        "GetApp": get_app,
        "GetApps": get_apps,
        "DeleteApp": delete_app,
        **CHANNEL_OPERATIONS,
        "PhoneNumberValidate": phone_number_validate,
        "SendOTPMessage": send_otp_message,
        "VerifyOTPMessage": verify_otp_message,
        **TEMPLATE_OPERATIONS,
    },
    error=error_response,
    model_operation=model_operation,
    retired=RETIREMENT,
)

__all__ = ["SERVICE", "endpoint_response"]
