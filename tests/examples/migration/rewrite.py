"""After: the same notification without Pinpoint's engagement features.

- Users become addresses: the code resolves each user id itself (``resolve(user_id)`` returns
  the user's addresses: its own store, or Amazon Connect Customer Profiles) and skips the
  addresses the user opted out of.
- Email goes through SES v2 ``SendEmail``; SMS through End User Messaging SMS v2
  ``SendTextMessage`` (which refuses numbers on its opt-out list with ConflictException
  ``DESTINATION_PHONE_NUMBER_OPTED_OUT``); push through Pinpoint ``SendMessages`` to the device
  token (push continues in AWS End User Messaging).
- Substitutions are filled by the code: ``{{order}}`` and the first name.
- Throttling: SES and SMS v2 throttles are retried by botocore; SendMessages answers THROTTLED
  inside a 200, so push is sent again like before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import boto3

from .legacy import APPLICATION_ID


class Address(Protocol):
    channel: str
    address: str
    opted_out: bool
    attributes: Any


Resolve = Callable[[str], Sequence[Address]]

PUSH = ("GCM", "APNS", "APNS_SANDBOX", "BAIDU", "ADM")


def fill(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


class ShippingNotifier:
    """Tells users their order shipped: SES for email, SMS v2 for texts, SendMessages for push."""

    SMS = "Hi {first}, order {order} has shipped."
    SUBJECT = "Order {order} has shipped"
    TEXT = "Hi {first},\nyour order {order} is on its way."
    HTML = "<p>Hi {first},</p><p>your order <b>{order}</b> is on its way.</p>"
    PUSH_TITLE = "Order shipped"
    PUSH_BODY = "Order {order} is on its way"

    def __init__(
        self, resolve: Resolve, application_id: str = APPLICATION_ID, attempts: int = 3
    ) -> None:
        self.resolve = resolve
        self.application_id = application_id
        self.attempts = attempts
        self.ses = boto3.client("sesv2", region_name="us-east-1")
        self.sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        self.pinpoint = boto3.client("pinpoint", region_name="us-east-1")

    def values(self, address: Address, order: str) -> dict[str, str]:
        first = (address.attributes.get("FirstName") or [""])[0]
        return {"first": first, "order": order}

    def skip(self, address: Address) -> bool:
        """Whether not to send: the user opted out of this address."""
        return bool(address.opted_out)

    def notify(self, orders: dict[str, str]) -> dict[str, dict[str, str]]:
        outcome: dict[str, dict[str, str]] = {}
        for user, order in orders.items():
            mine = outcome.setdefault(user, {})
            for address in self.resolve(user):
                if self.skip(address):
                    mine[address.address] = "OPT_OUT"
                    continue
                values = self.values(address, order)
                if address.channel == "EMAIL":
                    mine[address.address] = self.email(address.address, values)
                elif address.channel == "SMS":
                    mine[address.address] = self.text(address.address, values)
                elif address.channel in PUSH:
                    mine[address.address] = self.push(address.channel, address.address, values)
        return outcome

    def email(self, to: str, values: dict[str, str]) -> str:
        self.ses.send_email(
            FromEmailAddress="shop@example.com",
            Destination={"ToAddresses": [to]},
            Content={
                "Simple": {
                    "Subject": {"Data": fill(self.SUBJECT, values)},
                    "Body": {
                        "Text": {"Data": fill(self.TEXT, values)},
                        "Html": {"Data": fill(self.HTML, values)},
                    },
                }
            },
        )
        return "SUCCESSFUL"  # accepted; bounces arrive later as events

    def text(self, number: str, values: dict[str, str]) -> str:
        try:
            self.sms.send_text_message(
                DestinationPhoneNumber=number,
                MessageBody=fill(self.SMS, values),
                MessageType="TRANSACTIONAL",
            )
        except self.sms.exceptions.ConflictException as error:
            if error.response.get("Reason") == "DESTINATION_PHONE_NUMBER_OPTED_OUT":
                return "OPT_OUT"
            raise
        return "SUCCESSFUL"

    def push(self, channel: str, token: str, values: dict[str, str]) -> str:
        status = "THROTTLED"
        for _ in range(self.attempts):
            response = self.pinpoint.send_messages(
                ApplicationId=self.application_id,
                MessageRequest={
                    "Addresses": {token: {"ChannelType": channel}},
                    "MessageConfiguration": {
                        "GCMMessage": {
                            "Title": fill(self.PUSH_TITLE, values),
                            "Body": fill(self.PUSH_BODY, values),
                            "Action": "OPEN_APP",
                        }
                    },
                },
            )
            status = response["MessageResponse"]["Result"][token]["DeliveryStatus"]
            if status != "THROTTLED":
                break
        return str(status)
