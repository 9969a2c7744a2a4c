"""What AWS retired from Pinpoint on 2026-10-30, and how the retired service answers it.

AWS ended support for Pinpoint's engagement features (endpoints, segments, campaigns, journeys,
analytics; also message templates and email) on 2026-10-30, and refuses new customers since
2025-05-20; the SMS, voice, mobile push, OTP and phone number validate APIs continue as AWS End
User Messaging ("Amazon Pinpoint end of support",
https://docs.aws.amazon.com/pinpoint/latest/userguide/migrate.html). The answer is the one a
new account got in June 2025 (aws-amplify/amplify-flutter#6158): 403 ForbiddenException with the
message below, kept verbatim ("October 20" and the double space are AWS's). Which operation
retires is a modelled assumption, listed in docs/migration.md.
"""

from __future__ import annotations

import json

from ...request import Request
from ..base import Retirement

MESSAGE = (
    "Forbidden:On October 20, 2026, AWS will end support for the Amazon Pinpoint engagement "
    "features (e.g., segments, message templates, campaigns, journeys, analytics).  We "
    "recommend customers to migrate to Amazon Connect for engagement capabilities."
)
"""AWS's text, as amplify-flutter#6158 quotes it."""

_TEMPLATES = ("Email", "Sms", "Push", "Voice", "InApp")

OPERATIONS = frozenset(
    {
        # users and endpoints
        "SendUsersMessages",  # resolves users through endpoints
        "UpdateEndpoint",
        "UpdateEndpointsBatch",
        "GetEndpoint",
        "DeleteEndpoint",
        "GetUserEndpoints",
        "DeleteUserEndpoints",
        "RemoveAttributes",
        "CreateImportJob",
        "GetImportJob",
        "GetImportJobs",
        "CreateExportJob",
        "GetExportJob",
        "GetExportJobs",
        # segments
        "CreateSegment",
        "GetSegment",
        "GetSegments",
        "UpdateSegment",
        "DeleteSegment",
        "GetSegmentVersion",
        "GetSegmentVersions",
        "GetSegmentImportJobs",
        "GetSegmentExportJobs",
        # campaigns
        "CreateCampaign",
        "GetCampaign",
        "GetCampaigns",
        "UpdateCampaign",
        "DeleteCampaign",
        "GetCampaignVersion",
        "GetCampaignVersions",
        "GetCampaignActivities",
        "GetCampaignDateRangeKpi",
        # journeys
        "CreateJourney",
        "GetJourney",
        "ListJourneys",
        "UpdateJourney",
        "UpdateJourneyState",
        "DeleteJourney",
        "GetJourneyDateRangeKpi",
        "GetJourneyExecutionMetrics",
        "GetJourneyExecutionActivityMetrics",
        "GetJourneyRuns",
        "GetJourneyRunExecutionMetrics",
        "GetJourneyRunExecutionActivityMetrics",
        # analytics, events and application settings (campaign hooks, limits, quiet time)
        "GetApplicationDateRangeKpi",
        "PutEvents",
        "PutEventStream",
        "GetEventStream",
        "DeleteEventStream",
        "GetApplicationSettings",
        "UpdateApplicationSettings",
        # recommenders and in-app messages
        "CreateRecommenderConfiguration",
        "GetRecommenderConfiguration",
        "GetRecommenderConfigurations",
        "UpdateRecommenderConfiguration",
        "DeleteRecommenderConfiguration",
        "GetInAppMessages",
        # message templates
        *(
            f"{verb}{kind}Template"
            for verb in ("Create", "Get", "Update", "Delete")
            for kind in _TEMPLATES
        ),
        "ListTemplates",
        "ListTemplateVersions",
        "UpdateTemplateActiveVersion",
        # the email channel
        "GetEmailChannel",
        "UpdateEmailChannel",
        "DeleteEmailChannel",
    }
)
"""Pinpoint's retired operations. Apps, the SMS, voice and push channels, GetChannels,
SendMessages (to phone numbers and push tokens), SendOTPMessage, VerifyOTPMessage,
PhoneNumberValidate and tagging continue."""


def retired_part(operation: str, request: Request) -> str | None:
    """The retired part a SendMessages call uses: endpoint ids (``Endpoints``), an email address
    (an ``Addresses`` entry with ``ChannelType: EMAIL``) or a message template
    (``TemplateConfiguration``); None for any other call, or a body the contract will refuse."""
    if operation != "SendMessages":
        return None
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return None
    if not isinstance(body, dict):  # the HTTP body is the MessageRequest itself
        return None
    message = body
    if message.get("Endpoints"):
        return "SendMessages to endpoint ids"
    addresses = message.get("Addresses")
    if isinstance(addresses, dict) and any(
        isinstance(entry, dict) and entry.get("ChannelType") == "EMAIL"
        for entry in addresses.values()
    ):
        return "SendMessages to an EMAIL address"
    if message.get("TemplateConfiguration"):
        return "SendMessages with a message template"
    return None


RETIREMENT = Retirement(
    operations=OPERATIONS,
    status=403,
    code="ForbiddenException",
    message=MESSAGE,
    partly=retired_part,
)
