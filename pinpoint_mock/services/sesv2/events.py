"""The events SES publishes for a recipient, as the JSON an event destination receives: the
event itself (what an SNS notification's ``Message`` holds, and what Firehose writes), wrapped
for SNS (what an SQS queue subscribed to the topic receives) or for EventBridge.

Shapes follow the SES developer guide ("contents of event data that Amazon SES publishes to
Amazon SNS"): ``eventType``, ``mail`` and one object named after the type.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from .simulator import Effect

DETAIL_TYPES = {
    "Send": "Email Sent",
    "Delivery": "Email Delivered",
    "Bounce": "Email Bounced",
    "Complaint": "Email Complaint Received",
    "Reject": "Email Rejected",
    "DeliveryDelay": "Email Delivery Delayed",
    "Rendering Failure": "Email Rendering Failed",
}
"""EventBridge's ``detail-type`` for each event type (source ``aws.ses``)."""

_MTA = "a8-70.smtp-out.amazonses.com"


def stamp(when: datetime) -> str:
    """SES's timestamp format: ISO 8601 UTC with milliseconds and a ``Z``."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{when.microsecond // 1000:03d}Z"
    )


def mail_object(
    *,
    when: datetime,
    message_id: str,
    source: str,
    destination: Sequence[str],
    subject: str | None,
    to: Sequence[str],
    cc: Sequence[str],
    tags: Mapping[str, str],
    configuration_set: str | None,
    account: str,
    region: str,
) -> dict[str, Any]:
    """The ``mail`` object every event of one message carries."""
    domain = source.rpartition("@")[2].rstrip(">")
    all_tags: dict[str, list[str]] = {
        "ses:source-ip": ["192.0.2.0"],
        "ses:from-domain": [domain],
        "ses:caller-identity": ["pinpoint-mock"],
    }
    if configuration_set:
        all_tags["ses:configuration-set"] = [configuration_set]
    all_tags.update((name, [value]) for name, value in tags.items())
    headers = [{"name": "From", "value": source}]
    headers += [{"name": "To", "value": ", ".join(to)}] if to else []
    headers += [{"name": "Cc", "value": ", ".join(cc)}] if cc else []
    headers += [{"name": "Subject", "value": subject}] if subject is not None else []
    common: dict[str, Any] = {"from": [source], "messageId": message_id}
    if to:
        common["to"] = list(to)
    if cc:
        common["cc"] = list(cc)
    if subject is not None:
        common["subject"] = subject
    return {
        "timestamp": stamp(when),
        "source": source,
        "sourceArn": f"arn:aws:ses:{region}:{account}:identity/{domain}",
        "sendingAccountId": account,
        "messageId": message_id,
        "destination": list(destination),
        "headersTruncated": False,
        "headers": headers,
        "commonHeaders": common,
        "tags": all_tags,
    }


def recipient_events(
    effect: Effect,
    *,
    mail: Mapping[str, Any],
    recipient: str,
    when: datetime,
    feedback_id: str,
) -> list[dict[str, Any]]:
    """The events of ``effect`` for one recipient of the message ``mail`` describes (they
    share that ``mail`` object, as they share the message)."""
    made: list[dict[str, Any]] = []
    later = stamp(when + timedelta(milliseconds=500))
    for kind in effect.events:
        event: dict[str, Any] = {"eventType": kind, "mail": mail}
        if kind == "Send":
            event["send"] = {}
        elif kind == "Delivery":
            event["delivery"] = {
                "timestamp": later,
                "processingTimeMillis": 500,
                "recipients": [recipient],
                "smtpResponse": "250 2.6.0 Message received",
                "reportingMTA": _MTA,
                "remoteMtaIp": "192.0.2.1",
            }
        elif kind == "Bounce":
            bounce_type, subtype = effect.bounce or ("Permanent", "General")
            status, diagnostic = effect.diagnostic
            event["bounce"] = {
                "feedbackId": feedback_id,
                "bounceType": bounce_type,
                "bounceSubType": subtype,
                "bouncedRecipients": [
                    {
                        "emailAddress": recipient,
                        "action": "failed",
                        "status": status,
                        "diagnosticCode": diagnostic,
                    }
                ],
                "timestamp": later,
                "reportingMTA": f"dsn; {_MTA}",
            }
        elif kind == "Complaint":
            event["complaint"] = {
                "feedbackId": feedback_id,
                "complaintSubType": None,
                "complainedRecipients": [{"emailAddress": recipient}],
                "timestamp": later,
                "userAgent": "Amazon SES Mailbox Simulator",
                "complaintFeedbackType": "abuse",
                "arrivalDate": later,
            }
        elif kind == "Reject":
            event["reject"] = {"reason": "Bad content"}
        elif kind == "DeliveryDelay":
            event["deliveryDelay"] = {
                "timestamp": later,
                "delayType": "TransientCommunicationFailure",
                "expirationTime": stamp(when + timedelta(hours=14)),
                "delayedRecipients": [
                    {
                        "emailAddress": recipient,
                        "status": "4.4.1",
                        "diagnosticCode": "smtp; 421 4.4.1 Unable to connect to remote host",
                    }
                ],
                "reportingMTA": _MTA,
            }
        made.append(event)
    return made


def rendering_failure(mail: Mapping[str, Any], template: str, message: str) -> dict[str, Any]:
    """The event of a message SES accepted but could not render (nothing is delivered)."""
    return {
        "eventType": "Rendering Failure",
        "mail": mail,
        "failure": {"templateName": template, "errorMessage": message},
    }


def sns_envelope(event: Mapping[str, Any], *, message_id: str, topic_arn: str) -> dict[str, Any]:
    """``event`` as an SNS notification: what an SQS queue subscribed to the topic receives
    as a message body (without raw message delivery)."""
    return {
        "Type": "Notification",
        "MessageId": message_id,
        "TopicArn": topic_arn,
        "Message": json.dumps(event, separators=(",", ":")),
        "Timestamp": event["mail"]["timestamp"],
        "SignatureVersion": "1",
        "Signature": "RVhBTVBMRQ==",
        "SigningCertURL": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService.pem",
        "UnsubscribeURL": f"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topic_arn}:0",
    }


def eventbridge_envelope(
    event: Mapping[str, Any], *, event_id: str, account: str, region: str
) -> dict[str, Any]:
    """``event`` as EventBridge delivers it to a rule's target (source ``aws.ses``)."""
    configuration_set = (event["mail"].get("tags") or {}).get("ses:configuration-set")
    resources = (
        [f"arn:aws:ses:{region}:{account}:configuration-set/{configuration_set[0]}"]
        if configuration_set
        else []
    )
    return {
        "version": "0",
        "id": event_id,
        "detail-type": DETAIL_TYPES.get(event["eventType"], event["eventType"]),
        "source": "aws.ses",
        "account": account,
        "time": event["mail"]["timestamp"][:19] + "Z",
        "region": region,
        "resources": resources,
        "detail": dict(event),
    }
