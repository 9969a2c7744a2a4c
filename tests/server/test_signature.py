"""SigV4 as AWS checks it: the date and its skew, the payload hash, host signed, the scope."""

from __future__ import annotations

import json
import time

import botocore.session
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from pinpoint_mock.server.signature import MAX_SKEW_SECONDS, SIGNING_NAMES, verify
from pinpoint_mock.services import SERVICES

URL = "http://127.0.0.1:4599/v1/apps/app/users-messages"
BODY = json.dumps({"MessageConfiguration": {}, "Users": {}}).encode()
KEYS = {"AKID": "secret"}


def signed(
    body: bytes = BODY,
    *,
    signing_name: str = "mobiletargeting",
    region: str = "us-east-1",
    headers: dict[str, str] | None = None,
) -> dict[str, str]:
    request = AWSRequest(
        "POST", URL, data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )
    SigV4Auth(Credentials("AKID", "secret"), signing_name, region).add_auth(request)
    return {**request.headers, "Host": "127.0.0.1:4599"}  # as the HTTP client adds it


def check(headers: dict[str, str], body: bytes = BODY, **options: object) -> object:
    arguments: dict[str, object] = {"region": "us-east-1", "service": "pinpoint"}
    arguments.update(options)
    return verify("POST", "/v1/apps/app/users-messages", headers, body, KEYS, **arguments)  # type: ignore[arg-type]


def test_a_good_signature_passes() -> None:
    assert check(signed()) is None


def test_missing_and_unknown_credentials() -> None:
    assert check({"Host": "127.0.0.1:4599"}) == (
        "MissingAuthenticationTokenException",
        "Missing Authentication Token",
    )
    other = signed()
    other["Authorization"] = other["Authorization"].replace("AKID", "OTHER")
    assert check(other)[0] == "UnrecognizedClientException"  # type: ignore[index]


def test_the_date_must_be_present() -> None:
    headers = {k: v for k, v in signed().items() if k.lower() != "x-amz-date"}
    code, message = check(headers)  # type: ignore[misc]
    assert code == "InvalidSignatureException"
    assert "X-Amz-Date" in message


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (-86400, "Signature expired"),  # signed a day ago
        (-3 * 365 * 86400, "Signature expired"),
        (365 * 86400, "Signature not yet current"),  # a year ahead
        (-(MAX_SKEW_SECONDS + 60), "Signature expired"),
        (MAX_SKEW_SECONDS + 60, "Signature not yet current"),
    ],
)
def test_the_date_must_be_within_5_minutes(offset: int, words: str) -> None:
    code, message = check(signed(), now=time.time() - offset)  # type: ignore[misc]
    assert code == "InvalidSignatureException"
    assert message.startswith(words)


def test_within_the_skew_passes() -> None:
    assert check(signed(), now=time.time() + MAX_SKEW_SECONDS - 30) is None
    assert check(signed(), now=time.time() - MAX_SKEW_SECONDS + 30) is None


def test_the_payload_hash_is_computed_from_the_body() -> None:
    headers = signed()
    swapped = json.dumps({"MessageConfiguration": {}, "Users": {"evil": {}}}).encode()
    assert check(headers, swapped) == (
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided.",
    )
    # A hash header naming the swapped body does not help: it must be the body's.
    import hashlib

    lying = signed(headers={"X-Amz-Content-SHA256": hashlib.sha256(swapped).hexdigest()})
    code, message = check(lying, BODY)  # type: ignore[misc]
    assert code == "InvalidSignatureException"
    assert "is not the SHA-256 of the body" in message


@pytest.mark.parametrize("claim", ["UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"])
def test_unsigned_and_streaming_payloads_are_refused(claim: str) -> None:
    code, message = check(signed(headers={"X-Amz-Content-SHA256": claim}))  # type: ignore[misc]
    assert code == "InvalidSignatureException"
    assert claim in message


class WithoutHost(SigV4Auth):
    def headers_to_sign(self, request: AWSRequest) -> object:
        chosen = super().headers_to_sign(request)
        del chosen["host"]
        return chosen


def test_host_must_be_signed() -> None:
    request = AWSRequest("POST", URL, data=BODY, headers={"Content-Type": "application/json"})
    WithoutHost(Credentials("AKID", "secret"), "mobiletargeting", "us-east-1").add_auth(request)
    headers = {**request.headers, "Host": "127.0.0.1:4599"}
    assert "host" not in headers["Authorization"].split("SignedHeaders=")[1]
    assert check(headers) == ("InvalidSignatureException", "'host' must be a signed header")


def test_the_scope_must_be_the_services_signing_name_and_the_servers_region() -> None:
    code, message = check(signed(signing_name="ses"))  # type: ignore[misc]
    assert code == "InvalidSignatureException"
    assert "'us-east-1'/'mobiletargeting', not 'us-east-1'/'ses'" in message
    code, message = check(signed(region="eu-west-1"))  # type: ignore[misc]
    assert "not 'eu-west-1'/'mobiletargeting'" in message
    assert check(signed(region="eu-west-1"), region="eu-west-1") is None
    assert check(signed(signing_name="ses"), service="sesv2") is None
    assert check(signed(signing_name="sms-voice"), service="pinpoint-sms-voice-v2") is None
    assert check(signed(), service="sesv2") is not None


def test_the_date_must_match_the_scope() -> None:
    headers = signed()
    headers["Authorization"] = headers["Authorization"].replace(
        headers["X-Amz-Date"][:8], "20200101"
    )
    assert "Date in Credential scope does not match" in check(headers)[1]  # type: ignore[index]


def test_signing_names_are_botocores() -> None:
    session = botocore.session.get_session()
    for name in SERVICES:
        model = session.get_service_model(name)
        assert SIGNING_NAMES.get(name, name) == model.signing_name, name
