"""Before: "your order shipped" through Pinpoint's SendUsersMessages (SMS, email and push).

Pinpoint resolves each user id to the user's endpoints, fills ``{{order}}`` from the user's
Substitutions and ``{{User.UserAttributes.FirstName}}`` from the directory, skips nobody (it
answers OPT_OUT for opted-out endpoints) and reports a status per endpoint. Users whose delivery
was THROTTLED are sent again.
"""

from __future__ import annotations

import boto3

APPLICATION_ID = "611e3e3cdd47474c9c1399a505665b91"

SMS = "Hi {{User.UserAttributes.FirstName}}, order {{order}} has shipped."
SUBJECT = "Order {{order}} has shipped"
TEXT = "Hi {{User.UserAttributes.FirstName}},\nyour order {{order}} is on its way."
HTML = (
    "<p>Hi {{User.UserAttributes.FirstName}},</p><p>your order <b>{{order}}</b> is on its way.</p>"
)
PUSH_TITLE = "Order shipped"
PUSH_BODY = "Order {{order}} is on its way"


class ShippingNotifier:
    """Tells users their order shipped, on every channel Pinpoint knows for them."""

    def __init__(self, application_id: str = APPLICATION_ID, attempts: int = 3) -> None:
        self.client = boto3.client("pinpoint", region_name="us-east-1")
        self.application_id = application_id
        self.attempts = attempts

    def notify(self, orders: dict[str, str]) -> dict[str, dict[str, str]]:
        """Send to each user of ``orders`` (user id -> order number); returns, per user, the
        last status per address."""
        outcome: dict[str, dict[str, str]] = {}
        pending = dict(orders)
        for _ in range(self.attempts):
            if not pending:
                break
            response = self.client.send_users_messages(
                ApplicationId=self.application_id,
                SendUsersMessageRequest={
                    "MessageConfiguration": {
                        "SMSMessage": {"Body": SMS, "MessageType": "TRANSACTIONAL"},
                        "EmailMessage": {
                            "FromAddress": "shop@example.com",
                            "SimpleEmail": {
                                "Subject": {"Data": SUBJECT},
                                "TextPart": {"Data": TEXT},
                                "HtmlPart": {"Data": HTML},
                            },
                        },
                        "GCMMessage": {
                            "Title": PUSH_TITLE,
                            "Body": PUSH_BODY,
                            "Action": "OPEN_APP",
                        },
                    },
                    "Users": {
                        user: {"Substitutions": {"order": [order]}}
                        for user, order in pending.items()
                    },
                },
            )
            results = response["SendUsersMessageResponse"]["Result"]
            retry = {}
            for user, endpoints in results.items():
                for result in endpoints.values():
                    status = result["DeliveryStatus"]
                    outcome.setdefault(user, {})[result.get("Address", "")] = status
                    if status == "THROTTLED":
                        retry[user] = pending[user]
            pending = retry
        return outcome
