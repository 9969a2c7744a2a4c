"""Amazon SES v2 (rest-json under ``/v2/email``, signing name ``ses``, endpoint prefix
``email``): SendEmail, SendBulkEmail, the email template operations and the account
suppression list; the mailbox simulator and the events SES publishes for each recipient."""

from __future__ import annotations

from ..base import Service
from .body import error
from .routes import ROUTER, model_operation
from .send import send_bulk_email, send_email
from .setup import SesSetup
from .state import SesState
from .suppression import (
    delete_suppressed_destination,
    get_suppressed_destination,
    list_suppressed_destinations,
    put_suppressed_destination,
)
from .templates import (
    create_email_template,
    delete_email_template,
    get_email_template,
    list_email_templates,
    test_render_email_template,
    update_email_template,
)

SERVICE = Service(
    name="sesv2",
    prefix="email",
    title="SES v2",
    routes=ROUTER,
    operations={
        "SendEmail": send_email,
        "SendBulkEmail": send_bulk_email,
        "CreateEmailTemplate": create_email_template,
        "GetEmailTemplate": get_email_template,
        "UpdateEmailTemplate": update_email_template,
        "DeleteEmailTemplate": delete_email_template,
        "ListEmailTemplates": list_email_templates,
        "TestRenderEmailTemplate": test_render_email_template,
        "PutSuppressedDestination": put_suppressed_destination,
        "GetSuppressedDestination": get_suppressed_destination,
        "DeleteSuppressedDestination": delete_suppressed_destination,
        "ListSuppressedDestinations": list_suppressed_destinations,
    },
    error=error,
    model_operation=model_operation,
)

__all__ = ["SERVICE", "SesSetup", "SesState"]
