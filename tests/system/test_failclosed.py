"""Fail closed: no Pinpoint call opens a socket while a mock is active; nothing is patched else."""

from __future__ import annotations

import socket
import time
from typing import Any

import boto3
import botocore.endpoint
import pytest
import requests
import requests.adapters

from pinpoint_mock import UnsupportedOperationError, mock_pinpoint


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every outbound connection attempt, recorded and refused."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise ConnectionRefusedError(f"test blocked a connection to {address}")

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(host)
        raise socket.gaierror(f"test blocked a lookup of {host}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return attempts


def test_the_guard_itself_catches_a_real_attempt(connections: list[Any]) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        config=boto3.session.Config(retries={"total_max_attempts": 1}, connect_timeout=1),
    )
    with pytest.raises(Exception, match=r"Could not connect|blocked"):
        client.get_apps()
    assert connections  # without a mock, botocore really tried the network


def test_no_pinpoint_call_opens_a_socket_while_a_mock_is_active(connections: list[Any]) -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        client = boto3.client("pinpoint", region_name="eu-central-1")
        client.send_users_messages(
            ApplicationId=pinpoint.application_id,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": "x"}},
                "Users": {"u1": {}},
            },
        )
        client.update_endpoint(
            ApplicationId=pinpoint.application_id,
            EndpointId="e9",
            EndpointRequest={"ChannelType": "SMS"},
        )
        pinpoint.fail("InternalServerErrorException", times=2)
        client.get_endpoint(ApplicationId=pinpoint.application_id, EndpointId="e9")
        with pytest.raises(UnsupportedOperationError, match="GetApps"):
            client.get_apps()
        with pytest.raises(UnsupportedOperationError, match="CreateSegment"):
            client.create_segment(ApplicationId="a", WriteSegmentRequest={"Name": "s"})
        fips = boto3.client(
            "pinpoint",
            region_name="us-east-1",
            endpoint_url="https://pinpoint-fips.us-east-1.amazonaws.com",
        )
        fips.get_user_endpoints(ApplicationId=pinpoint.application_id, UserId="u1")
        answer = requests.get(
            f"https://pinpoint.us-east-1.amazonaws.com/v1/apps/{pinpoint.application_id}/users/u1",
            timeout=5,
        )
        assert answer.status_code == 200
    assert connections == []


def test_nothing_is_patched_without_a_mock() -> None:
    send = botocore.endpoint.Endpoint._send
    adapter = requests.adapters.HTTPAdapter.send
    assert botocore.endpoint.time is time
    with mock_pinpoint():
        assert botocore.endpoint.Endpoint._send is not send
        assert requests.adapters.HTTPAdapter.send is not adapter
        assert botocore.endpoint.time is not time
    assert botocore.endpoint.Endpoint._send is send
    assert requests.adapters.HTTPAdapter.send is adapter
    assert botocore.endpoint.time is time


def test_importing_the_package_patches_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import botocore.endpoint, time, requests.adapters as a\n"
        "send, adapter = botocore.endpoint.Endpoint._send, a.HTTPAdapter.send\n"
        "import pinpoint_mock, pinpoint_mock.mock, pinpoint_mock.plugins.pytest_plugin\n"
        "assert botocore.endpoint.Endpoint._send is send and a.HTTPAdapter.send is adapter\n"
        "assert botocore.endpoint.time is time\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "clean", result.stderr
