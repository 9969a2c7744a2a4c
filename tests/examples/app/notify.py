"""Production-style notification code used by the docs recipes."""

from __future__ import annotations

import time
from typing import Any

import boto3
import botocore.exceptions

APPLICATION_ID = "611e3e3cdd47474c9c1399a505665b91"
RETRYABLE = {"THROTTLED", "TEMPORARY_FAILURE"}


def send_code(user_id: str, code: str, client: Any = None) -> dict[str, str]:
    """Send a one-time code to every endpoint of a user; returns endpoint id -> status."""
    client = client or boto3.client("pinpoint", region_name="us-east-1")
    response = client.send_users_messages(
        ApplicationId=APPLICATION_ID,
        SendUsersMessageRequest={
            "MessageConfiguration": {
                "SMSMessage": {"Body": "Your code is {{Code}}", "MessageType": "TRANSACTIONAL"},
                "APNSMessage": {"Title": "Sign-in code", "Body": "Your code is {{Code}}"},
                "EmailMessage": {
                    "SimpleEmail": {
                        "Subject": {"Data": "Your code"},
                        "TextPart": {
                            "Data": "Hello {{User.UserAttributes.FirstName}}, your code is {{Code}}"
                        },
                    }
                },
            },
            "Users": {user_id: {"Substitutions": {"Code": [code]}}},
        },
    )
    endpoints = response["SendUsersMessageResponse"]["Result"][user_id]
    return {endpoint_id: result["DeliveryStatus"] for endpoint_id, result in endpoints.items()}


def broadcast(
    user_ids: list[str], text: str, max_rounds: int = 3, pause: float = 0.0
) -> dict[str, str]:
    """Send ``text`` to users; retry the endpoints that failed transiently, and survive 429s."""
    client = boto3.client("pinpoint", region_name="us-east-1")
    final: dict[str, str] = {}
    pending = list(user_ids)
    for _ in range(max_rounds):
        if not pending:
            break
        try:
            response = client.send_users_messages(
                ApplicationId=APPLICATION_ID,
                SendUsersMessageRequest={
                    "MessageConfiguration": {"DefaultMessage": {"Body": text}},
                    "Users": {u: {} for u in pending},
                },
            )
        except client.exceptions.TooManyRequestsException:
            time.sleep(pause)
            continue
        except botocore.exceptions.ClientError:
            raise
        pending = []
        for user_id, endpoints in response["SendUsersMessageResponse"]["Result"].items():
            for endpoint_id, result in endpoints.items():
                final[f"{user_id}/{endpoint_id}"] = result["DeliveryStatus"]
                if result["DeliveryStatus"] in RETRYABLE and user_id not in pending:
                    pending.append(user_id)
    return final
