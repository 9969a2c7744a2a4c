"""Production-style code with a module-level client, made when the module is imported (before
any mock starts), and its own application id."""

from __future__ import annotations

import boto3

APPLICATION_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
pinpoint = boto3.client("pinpoint", region_name="us-east-1")


def notify_shipped(user_id: str, order_id: str, tracking_url: str) -> dict[str, str]:
    """Tell a user's devices their order shipped; tapping opens the tracking page."""
    push = {"Title": "Order {{OrderId}} shipped", "Body": "Tap to track it", "Action": "URL"}
    response = pinpoint.send_users_messages(
        ApplicationId=APPLICATION_ID,
        SendUsersMessageRequest={
            "MessageConfiguration": {
                "APNSMessage": {**push, "Url": "{{TrackingUrl}}", "Badge": 1},
                "GCMMessage": {**push, "Url": "{{TrackingUrl}}", "TimeToLive": 3600},
            },
            "Users": {
                user_id: {"Substitutions": {"OrderId": [order_id], "TrackingUrl": [tracking_url]}}
            },
        },
    )
    result = response["SendUsersMessageResponse"]["Result"][user_id]
    return {endpoint: entry["DeliveryStatus"] for endpoint, entry in result.items()}
