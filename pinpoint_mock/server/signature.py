"""SigV4 verification for ``--require-signature``: recompute the signature of a request."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, quote, urlsplit

_AUTH = re.compile(
    r"^AWS4-HMAC-SHA256\s+Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request,\s*SignedHeaders=(?P<signed>[^,]+),\s*"
    r"Signature=(?P<signature>[0-9a-f]{64})$"
)


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _canonical_query(query: str) -> str:
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    return "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in pairs)


def verify(
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
    credentials: Mapping[str, str],
) -> str | None:
    """None when the request carries a valid SigV4 signature; otherwise why not."""
    lowered = {k.lower(): v for k, v in headers.items()}
    auth = lowered.get("authorization")
    if not auth:
        return "Missing Authentication Token"
    match = _AUTH.match(auth.strip())
    if match is None:
        return "Authorization header is not an AWS4-HMAC-SHA256 signature"
    secret = credentials.get(match["key"])
    if secret is None:
        return f"The security token included in the request is invalid (unknown key {match['key']})"
    amz_date = lowered.get("x-amz-date", "")
    signed = match["signed"].split(";")
    missing = [h for h in signed if h not in lowered]
    if missing:
        return f"signed header {missing[0]!r} is missing from the request"
    url = urlsplit(target)
    canonical_headers = "".join(f"{h}:{' '.join(lowered[h].split())}\n" for h in signed)
    payload_hash = lowered.get("x-amz-content-sha256") or hashlib.sha256(body).hexdigest()
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
        return "The request signature we calculated does not match the signature you provided"
    return None
