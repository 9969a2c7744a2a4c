"""SigV4 verification for ``--require-signature``, checked as AWS checks it.

A request passes when: it has an ``Authorization: AWS4-HMAC-SHA256`` header whose access key
is one of the server's credentials; its ``X-Amz-Date`` (or ``Date``) is present, signed, equal
to the credential scope's date and within 5 minutes of the server's clock; ``host`` is signed;
the scope names the server's region and the signing name of the service the request is for
(``mobiletargeting`` for Pinpoint, ``ses`` for SES v2, ``sms-voice`` for SMS and voice v2); the
payload hash is the SHA-256 of the body received (an ``X-Amz-Content-SHA256`` must equal it, so
``UNSIGNED-PAYLOAD`` and streaming payloads are refused); and the signature recomputed from the
canonical request matches.

Each refusal is ``(error code, message)`` with AWS's codes: ``MissingAuthenticationTokenException``,
``UnrecognizedClientException`` (unknown key), ``InvalidSignatureException`` (everything else).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from urllib.parse import parse_qsl, quote, urlsplit

#: The signing name (botocore's ``signingName``) of each service by its botocore name; a
#: service missing here signs with its own name (a test compares this with botocore's models).
SIGNING_NAMES: Mapping[str, str] = {
    "pinpoint": "mobiletargeting",
    "sesv2": "ses",
    "pinpoint-sms-voice-v2": "sms-voice",
}

#: AWS refuses requests signed more than 5 minutes from its clock.
MAX_SKEW_SECONDS = 300

_AUTH = re.compile(
    r"^AWS4-HMAC-SHA256\s+Credential=(?P<key>[^/,\s]+)/(?P<date>\d{8})/(?P<region>[^/,\s]+)/"
    r"(?P<service>[^/,\s]+)/aws4_request,\s*SignedHeaders=(?P<signed>[a-z0-9\-;]+),\s*"
    r"Signature=(?P<signature>[0-9a-f]{64})$"
)
_AMZ_DATE = re.compile(r"^\d{8}T\d{6}Z$")

Refusal = tuple[str, str]


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _canonical_query(query: str) -> str:
    pairs = sorted(
        (quote(k, safe="-_.~"), quote(v, safe="-_.~"))
        for k, v in parse_qsl(query, keep_blank_values=True)
    )
    return "&".join(f"{k}={v}" for k, v in pairs)


def _invalid(message: str) -> Refusal:
    return ("InvalidSignatureException", message)


def _request_time(lowered: Mapping[str, str]) -> tuple[str, float | None]:
    """The request's ``X-Amz-Date`` and its time (None: it is not a valid date)."""
    amz_date = lowered.get("x-amz-date", "").strip()
    if not _AMZ_DATE.match(amz_date):
        return amz_date, None
    try:
        when = datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return amz_date, None
    return amz_date, when.timestamp()


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def verify(
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
    credentials: Mapping[str, str],
    *,
    region: str,
    service: str,
    now: float | None = None,
) -> Refusal | None:
    """None when the request carries a valid SigV4 signature for ``service`` (a botocore service
    name) in ``region``; otherwise ``(error code, message)``."""
    lowered: dict[str, str] = {}
    for name, value in headers.items():
        lowered[name.lower()] = value
    auth = lowered.get("authorization")
    if not auth:
        return ("MissingAuthenticationTokenException", "Missing Authentication Token")
    match = _AUTH.match(auth.strip())
    if match is None:
        return ("IncompleteSignatureException", "Authorization header is not a valid SigV4 header")
    secret = credentials.get(match["key"])
    if secret is None:
        return (
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
        )
    amz_date, when = _request_time(lowered)
    if not amz_date:
        return _invalid(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
        )
    if when is None:
        return _invalid(f"X-Amz-Date {amz_date!r} is not an ISO 8601 basic date (YYYYMMDDTHHMMSSZ)")
    current = time.time() if now is None else now
    if when < current - MAX_SKEW_SECONDS:
        return _invalid(
            f"Signature expired: {amz_date} is now earlier than "
            f"{_stamp(current - MAX_SKEW_SECONDS)} ({_stamp(current)} - 5 min.)"
        )
    if when > current + MAX_SKEW_SECONDS:
        return _invalid(
            f"Signature not yet current: {amz_date} is still later than "
            f"{_stamp(current + MAX_SKEW_SECONDS)} ({_stamp(current)} + 5 min.)"
        )
    if match["date"] != amz_date[:8]:
        return _invalid(
            f"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
            f"from HTTP: '{match['date']}' != '{amz_date[:8]}'"
        )
    signing_name = SIGNING_NAMES.get(service, service)
    if match["region"] != region or match["service"] != signing_name:
        return _invalid(
            f"Credential should be scoped to a valid region and service: "
            f"'{region}'/'{signing_name}', not '{match['region']}'/'{match['service']}'."
        )
    signed = match["signed"].split(";")
    for required in ("host", "x-amz-date"):
        if required not in signed:
            return _invalid(f"'{required}' must be a signed header")
    missing = [h for h in signed if h not in lowered]
    if missing:
        return _invalid(f"signed header {missing[0]!r} is missing from the request")
    payload_hash = hashlib.sha256(body).hexdigest()
    claimed = lowered.get("x-amz-content-sha256")
    if claimed is not None and claimed.strip().lower() != payload_hash:
        return _invalid(
            f"X-Amz-Content-SHA256 {claimed.strip()!r} is not the SHA-256 of the body "
            "(unsigned and streaming payloads are not accepted)"
        )
    url = urlsplit(target)
    canonical_headers = "".join(f"{h}:{' '.join(lowered[h].split())}\n" for h in signed)
    canonical = "\n".join(
        [
            method.upper(),
            quote(url.path or "/", safe="/~"),
            _canonical_query(url.query),
            canonical_headers,
            match["signed"],
            payload_hash,
        ]
    )
    scope = f"{match['date']}/{match['region']}/{match['service']}/aws4_request"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    key = _hmac(("AWS4" + secret).encode(), match["date"])
    for part in (match["region"], match["service"], "aws4_request"):
        key = _hmac(key, part)
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, match["signature"]):
        return _invalid(
            "The request signature we calculated does not match the signature you provided."
        )
    return None


__all__ = ["MAX_SKEW_SECONDS", "SIGNING_NAMES", "verify"]
