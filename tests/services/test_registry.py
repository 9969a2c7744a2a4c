"""services/__init__: which service a call is for."""

from __future__ import annotations

from pinpoint_mock.request import Request
from pinpoint_mock.services import PREFIXES, SERVICES, service_for


def test_every_service_is_found_by_its_name_and_its_prefix() -> None:
    for name, service in SERVICES.items():
        assert service.name == name
        assert service in PREFIXES[service.prefix]


def test_a_call_goes_to_the_service_its_client_addressed_or_whose_paths_match() -> None:
    send = "/v1/apps/app/users-messages"
    assert service_for(Request("POST", send, {}, b"", service="pinpoint")).name == "pinpoint"
    assert service_for(Request("POST", send, {}, b"", "server")).name == "pinpoint"
    # Nothing claims it: Pinpoint answers (404 naming the operation when its model has one).
    assert service_for(Request("GET", "/nowhere", {}, b"", "server")).name == "pinpoint"
