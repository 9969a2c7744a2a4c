"""The messaging services' hosts, by endpoint prefix."""

from __future__ import annotations

import pytest

from pinpoint_mock.interceptors.hosts import MESSAGING, SERVICE_URL, prefix_of


@pytest.mark.parametrize(
    ("url", "prefix"),
    [
        ("https://pinpoint.us-east-1.amazonaws.com/v1/apps", "pinpoint"),
        ("https://pinpoint.us-east-1.amazonaws.com./v1/apps", "pinpoint"),
        ("https://pinpoint-fips.us-gov-west-1.amazonaws.com/v1/apps", "pinpoint"),
        ("https://PINPOINT.eu-west-1.amazonaws.com/", "pinpoint"),
        ("https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails", "email"),
        ("https://sms-voice.ap-south-1.amazonaws.com/", "sms-voice"),
        ("https://sms-voice.pinpoint.us-east-1.amazonaws.com/v1/sms-voice", "sms-voice.pinpoint"),
        ("https://sms-voice.pinpoint.us-east-1.amazonaws.com./v1/sms-voice", "sms-voice.pinpoint"),
        ("https://email.us-east-1.amazonaws.com./", "email"),
        ("https://pinpoint.cn-north-1.amazonaws.com.cn/v1/apps", "pinpoint"),
        ("https://s3.us-east-1.amazonaws.com/bucket", None),
        ("https://pinpoint.example.com/v1/apps", None),
        ("http://localhost:4566/v1/apps", None),
    ],
)
def test_prefix_of(url: str, prefix: str | None) -> None:
    assert prefix_of(url) == prefix
    assert (SERVICE_URL.match(url) is not None) is (prefix is not None)


def test_the_messaging_table_matches_botocore_s_endpoint_prefixes() -> None:
    import botocore.session

    session = botocore.session.get_session()
    for prefix, names in MESSAGING.items():
        for name in names:
            assert session.get_service_model(name).endpoint_prefix == prefix, name
