"""``pinpoint-mock serve --end-of-support`` with a real boto3 client: a retired operation is
refused with AWS's message, a continuing one answers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock.services.pinpoint.retired import MESSAGE


@pytest.fixture
def url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_mock", "serve", "--port", "0", "--end-of-support"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("pinpoint-mock listening on "), line
        yield line.rsplit(" ", 1)[1].strip()
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def test_the_server_refuses_retired_operations(url: str) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    app = "611e3e3cdd47474c9c1399a505665b91"
    with pytest.raises(ClientError) as refused:
        client.send_users_messages(
            ApplicationId=app,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                "Users": {"u1": {}},
            },
        )
    assert refused.value.response["Error"] == {"Code": "ForbiddenException", "Message": MESSAGE}
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    answer = client.send_messages(
        ApplicationId=app,
        MessageRequest={
            "Addresses": {"+12065550123": {"ChannelType": "SMS"}},
            "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
        },
    )
    result = answer["MessageResponse"]["Result"]["+12065550123"]
    assert result["DeliveryStatus"] == "SUCCESSFUL"
