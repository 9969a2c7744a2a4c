"""The code under test in the README: production code calling Pinpoint through plain boto3."""

from __future__ import annotations

import boto3

APPLICATION_ID = "611e3e3cdd47474c9c1399a505665b91"


def send_reminders(user_ids: list[str], attempts: int = 3) -> dict[str, str]:
    """Send a reminder to each user; retry users whose delivery was THROTTLED."""
    client = boto3.client("pinpoint", region_name="us-east-1")
    outcome: dict[str, str] = {}
    pending = list(user_ids)
    for _ in range(attempts):
        if not pending:
            break
        response = client.send_users_messages(
            ApplicationId=APPLICATION_ID,
            SendUsersMessageRequest={
                "MessageConfiguration": {
                    "SMSMessage": {"Body": "Your reminder: appointment tomorrow at 10:00"},
                    "EmailMessage": {
                        "SimpleEmail": {
                            "Subject": {"Data": "Your reminder"},
                            "TextPart": {"Data": "Appointment tomorrow at 10:00"},
                        }
                    },
                },
                "Users": {user_id: {} for user_id in pending},
            },
        )
        results = response["SendUsersMessageResponse"]["Result"]
        pending = []
        for user_id, endpoints in results.items():
            statuses = {e["DeliveryStatus"] for e in endpoints.values()}
            outcome[user_id] = "SUCCESSFUL" if "SUCCESSFUL" in statuses else sorted(statuses)[0]
            if "THROTTLED" in statuses:
                pending.append(user_id)
    return outcome
