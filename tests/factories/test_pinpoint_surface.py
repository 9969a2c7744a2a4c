"""Factories for the Pinpoint surface: reproducible, valid for the contract and the service, and
one announced mutation each."""

from __future__ import annotations

import pytest

from pinpoint_mock import contract, mock_pinpoint
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories.pinpoint_surface import (
    CHANNEL_OPERATIONS,
    MUTATIONS,
    SURFACE_OPERATIONS,
    TEMPLATE_KINDS,
    PinpointSurfaceFactory,
)
from pinpoint_mock.mock import PinpointMock
from tests.factories.surface_calls import APP, call, error_of

SEEDS = range(8)


@pytest.fixture
def mock() -> PinpointMock:
    return PinpointMock(seed=1)


def test_every_operation_with_a_contract_is_covered() -> None:
    from pinpoint_mock.contract.schemas import SERVICES

    _, operations = SERVICES["pinpoint"]
    sends = {"SendUsersMessages", "SendMessages", "UpdateEndpoint", "UpdateEndpointsBatch"}
    assert set(SURFACE_OPERATIONS) == set(operations) - sends


def test_the_bounds_are_the_services() -> None:
    from pinpoint_mock.factories import pinpoint_surface as factory
    from pinpoint_mock.services.pinpoint import apps, channels, otp

    assert (factory.MAX_NAME, factory.MAX_BRAND, factory.RANGES) == (
        apps.MAX_NAME,
        otp.MAX_BRAND,
        otp.RANGES,
    )
    assert {p: infix for p, (infix, _) in channels.PLATFORMS.items()} == factory.PLATFORMS


def test_the_same_seed_gives_the_same_bodies() -> None:
    first, again = PinpointSurfaceFactory(seed=5), PinpointSurfaceFactory(seed=5)
    assert [first.request(op) for op in SURFACE_OPERATIONS] == [
        again.request(op) for op in SURFACE_OPERATIONS
    ]
    other = PinpointSurfaceFactory(seed=6)
    assert [other.request(op) for op in SURFACE_OPERATIONS] != [
        PinpointSurfaceFactory(seed=5).request(op) for op in SURFACE_OPERATIONS
    ]


@pytest.mark.parametrize("operation", SURFACE_OPERATIONS)
def test_bodies_pass_the_contract_and_the_service(operation: str, mock: PinpointMock) -> None:
    for seed in SEEDS:
        body = PinpointSurfaceFactory(seed=seed).request(operation)
        assert contract.validate(body, operation, service="pinpoint").errors == ()
        mock.reset()
        answer = call(mock, operation, body)
        assert answer.status < 300, (body, answer.body)


def test_an_otp_sent_from_a_factory_body_verifies_with_its_code() -> None:
    import boto3

    factory = PinpointSurfaceFactory(seed=2)
    body = factory.otp_request(country="GB")
    with mock_pinpoint() as pinpoint:
        pinpoint.create_app(APP)
        client = boto3.client("pinpoint", region_name="us-east-1")
        client.send_otp_message(ApplicationId=APP, SendOTPMessageRequestParameters=body)
        code = pinpoint.otp_codes[-1].code
        assert len(code) == body.get("CodeLength", 6)
        verify = factory.verify_otp_request(body["ReferenceId"], body["DestinationIdentity"], code)
        answer = client.verify_otp_message(
            ApplicationId=APP, VerifyOTPMessageRequestParameters=verify
        )
        assert answer["VerificationResponse"]["Valid"] is True


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_a_template_body_renders_with_its_default_substitutions(kind: str) -> None:
    import boto3

    body = PinpointSurfaceFactory(seed=4).template_request(kind)
    with mock_pinpoint():
        client = boto3.client("pinpoint", region_name="us-east-1")
        create = getattr(client, f"create_{kind.lower()}_template")
        member = {
            "SMS": "SMSTemplateRequest",
            "EMAIL": "EmailTemplateRequest",
            "PUSH": "PushNotificationTemplateRequest",
            "VOICE": "VoiceTemplateRequest",
        }[kind]
        create(TemplateName="shipped", **{member: body})
        got = getattr(client, f"get_{kind.lower()}_template")(TemplateName="shipped")
        text = str(got)
        assert "{{Attributes.Order}}" in text  # stored as given


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_is_refused_as_it_announces(name: str, mock: PinpointMock) -> None:
    case = PinpointSurfaceFactory(seed=3).invalid_request(mutation=name)
    report = contract.validate(case.body, case.operation, service="pinpoint")
    answer = call(mock, case.operation, case.body)
    assert answer.status == 400
    code, message = error_of(answer)
    assert code == "BadRequestException"
    if case.by == "contract":
        assert {(e.path, e.rule) for e in report.errors} == {(case.field, case.rule)}
        assert f"{case.field}: " in message
    else:
        assert case.rule == "BadRequestException"
        assert report.errors == ()
        assert message.startswith(f"{case.field}: ")


def test_invalid_requests_of_one_operation() -> None:
    factory = PinpointSurfaceFactory(seed=9)
    cases = [factory.invalid_request("SendOTPMessage") for _ in range(30)]
    assert {c.operation for c in cases} == {"SendOTPMessage"}
    assert {c.by for c in cases} == {"contract", "service"}


def test_wrong_arguments_are_named() -> None:
    factory = PinpointSurfaceFactory(seed=1)
    with pytest.raises(PinpointMockError, match="platform 'FAX' is not one of SMS, EMAIL"):
        factory.channel_request("fax")
    with pytest.raises(PinpointMockError, match="kind 'MMS' is not one of SMS, EMAIL"):
        factory.template_request("mms")
    with pytest.raises(PinpointMockError, match="operation 'GetApp' is not one of CreateApp"):
        factory.request("GetApp")
    with pytest.raises(PinpointMockError, match="unknown mutation 'nope'"):
        factory.invalid_request(mutation="nope")
    with pytest.raises(PinpointMockError, match="no mutation for operation 'GetApp'"):
        factory.invalid_request("GetApp")
    with pytest.raises(PinpointMockError, match="is for SendOTPMessage, not CreateApp"):
        factory.invalid_request("CreateApp", mutation="otp-channel")
    assert set(CHANNEL_OPERATIONS) >= {"APNS_VOIP_SANDBOX", "BAIDU", "ADM"}
