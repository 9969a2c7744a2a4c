"""The awsJson router: the X-Amz-Target names the operation; other calls are not the service's."""

from __future__ import annotations

import pytest

from pinpoint_mock.services.sms_voice_v2 import SERVICE
from pinpoint_mock.services.sms_voice_v2.routes import TargetRouter
from pinpoint_mock.wire import RouteError

ROUTER = SERVICE.routes
TARGET = {"X-Amz-Target": "PinpointSMSVoiceV2.SendTextMessage"}


def test_the_target_names_the_operation_whatever_the_header_spelling() -> None:
    assert ROUTER.find("POST", "/", TARGET).operation == "SendTextMessage"
    lower = {"x-amz-target": "PinpointSMSVoiceV2.DeleteOptOutList"}
    assert ROUTER.find("POST", "/", lower).operation == "DeleteOptOutList"


def test_owns_only_posts_with_the_service_target() -> None:
    assert ROUTER.owns("POST", "/", TARGET)
    assert not ROUTER.owns("GET", "/", TARGET)
    assert not ROUTER.owns("POST", "/", {"X-Amz-Target": "DynamoDB_20120810.GetItem"})
    assert not ROUTER.owns("POST", "/v1/apps/a/messages", {})


def test_an_unserved_operation_is_refused_by_name_listing_the_served_ones() -> None:
    with pytest.raises(RouteError) as info:
        ROUTER.find("POST", "/", {"X-Amz-Target": "PinpointSMSVoiceV2.DescribeKeywords"})
    assert (info.value.status, info.value.code) == (404, "UnknownOperationException")
    assert "operation DescribeKeywords" in info.value.message
    assert "SendTextMessage" in info.value.message


def test_a_call_without_target_is_refused_naming_what_is_missing() -> None:
    with pytest.raises(RouteError) as info:
        ROUTER.find("POST", "/", {})
    assert "no PinpointSMSVoiceV2.* X-Amz-Target" in info.value.message


def test_a_served_operation_by_another_method_is_405() -> None:
    with pytest.raises(RouteError) as info:
        ROUTER.find("GET", "/", TARGET)
    assert info.value.status == 405


def test_operations_are_the_routers() -> None:
    assert TargetRouter(("A", "B")).operations == ("A", "B")
    assert set(ROUTER.operations) == set(SERVICE.operations)


def test_the_model_names_an_operation_the_fake_does_not_serve() -> None:
    from pinpoint_mock import mock_pinpoint
    from pinpoint_mock.errors import UnsupportedOperationError

    with mock_pinpoint() as pinpoint:
        import boto3

        client = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        with pytest.raises(UnsupportedOperationError, match="operation DescribePools"):
            client.describe_pools()
    assert pinpoint.calls.last.operation is None
